/**
 * Export, import and erase of the participation record. An import is read and checked (the
 * record's zod schema, loaded only now) before anything changes, and shows what it would change
 * before the delegate chooses to add it or replace; erasing asks first. One polite live region says
 * what happened; focus goes to each question as it opens and back to its button when it closes.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { useRecordStore } from '../../store/recordContext';
import { mergeRecords, pickRecord, type RecordData } from '../../store/recordStore';
import { compareRecords, countsOf, downloadFile } from './recordFile';

/** A record of every stop, quiz and certificate is a few KB; a larger file is not one. */
const MAX_FILE_BYTES = 1024 * 1024;

type Pending = { kind: 'import'; file: string; data: RecordData } | { kind: 'erase' } | null;

export function RecordTools() {
  const { t } = useTranslation();
  const ut = useUiT();
  const record = useRecordStore();
  const [pending, setPending] = useState<Pending>(null);
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const eraseButton = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const question = useRef<HTMLHeadingElement>(null);

  const open = (next: Pending) => {
    setPending(next);
    setMessage('');
    requestAnimationFrame(() => question.current?.focus());
  };
  const close = (done: string, back: HTMLElement | null) => {
    setPending(null);
    setMessage(done);
    requestAnimationFrame(() => back?.focus());
  };

  const exportRecord = () => {
    const date = new Date().toISOString().slice(0, 10);
    downloadFile(`${t('record.fileName')}-${date}.json`, JSON.stringify(pickRecord(record.getState()), null, 2), 'application/json');
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setError('');
    setMessage('');
    if (file.size > MAX_FILE_BYTES) {
      setError(t('record.tooBig', { file: file.name }));
      return;
    }
    const text = await file.text();
    const { parseRecord } = await import('../../store/recordSchema');
    const parsed = parseRecord(text);
    if (!parsed.ok) {
      setError(parsed.problem === 'json' ? t('record.badJson', { file: file.name, detail: parsed.detail }) : t('record.badShape', { file: file.name, path: parsed.path || '/', detail: parsed.detail }));
      return;
    }
    open({ kind: 'import', file: file.name, data: parsed.data });
  };

  const current = pickRecord(record.getState());
  const counts = countsOf(current);
  return (
    <section className="record-tools" aria-labelledby="record-tools-title">
      <h2 id="record-tools-title">{ut('record.heading')}</h2>
      <p className="button-row">
        <button type="button" className="button button--quiet" onClick={exportRecord}>
          {ut('record.export')}
        </button>
        <button type="button" className="button button--quiet" ref={importButton} onClick={() => fileInput.current?.click()}>
          {ut('record.import')}
        </button>
        <input ref={fileInput} type="file" accept="application/json,.json" className="visually-hidden" tabIndex={-1} aria-hidden="true" onChange={(e) => void onFile(e)} />
        <button type="button" className="button button--quiet" ref={eraseButton} onClick={() => open({ kind: 'erase' })}>
          {ut('record.erase')}
        </button>
      </p>
      {error && (
        <p className="record-tools__error" role="alert">
          {error}
        </p>
      )}
      {pending?.kind === 'erase' && (
        <div className="record-tools__confirm" role="group" aria-labelledby="record-confirm">
          <h3 id="record-confirm" ref={question} tabIndex={-1}>
            {ut('record.eraseConfirm', { ...counts })}
          </h3>
          <p className="button-row">
            <button
              type="button"
              className="button"
              onClick={() => {
                record.getState().erase();
                close(t('record.erased'), eraseButton.current);
              }}
            >
              {ut('record.eraseYes')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => close('', eraseButton.current)}>
              {ut('record.cancel')}
            </button>
          </p>
        </div>
      )}
      {pending?.kind === 'import' && <ImportQuestion pending={pending} current={current} headingRef={question} onDone={(done) => close(done, importButton.current)} />}
      <p role="status" className="record-tools__status">
        {message}
      </p>
    </section>
  );
}

function ImportQuestion({
  pending,
  current,
  headingRef,
  onDone,
}: {
  pending: { file: string; data: RecordData };
  current: RecordData;
  headingRef: React.Ref<HTMLHeadingElement>;
  onDone: (message: string) => void;
}) {
  const { t } = useTranslation();
  const ut = useUiT();
  const record = useRecordStore();
  const { adds, loses } = compareRecords(current, pending.data);
  const losesAny = loses.stamps + loses.quizzes + loses.certificates > 0;
  return (
    <div className="record-tools__confirm" role="group" aria-labelledby="record-confirm">
      <h3 id="record-confirm" ref={headingRef} tabIndex={-1}>
        {ut('record.importTitle', { file: pending.file })}
      </h3>
      <p>{ut('record.importChanges', { ...countsOf(pending.data) })}</p>
      <ul>
        <li>{ut('record.importAdds', { ...adds })}</li>
        <li>{losesAny ? ut('record.importLoses', { ...loses }) : ut('record.importNothingLost')}</li>
      </ul>
      <p className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            record.getState().replace(mergeRecords(pickRecord(record.getState()), pending.data));
            onDone(t('record.imported'));
          }}
        >
          {ut('record.merge')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            record.getState().replace(pending.data);
            onDone(t('record.imported'));
          }}
        >
          {ut('record.replace')}
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDone('')}>
          {ut('record.cancel')}
        </button>
      </p>
    </div>
  );
}
