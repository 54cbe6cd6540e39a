/**
 * A question the guide types on the spot: in Chinese, English or both, 2–6 options, one answer or
 * several, and the correct options (none: a survey). Checked before it goes, with the message
 * next to the form; the delegates see it as text only.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { htmlLang } from '../../i18n/i18n';
import { LANGS, type Lang } from '../../content/limits';
import { POLL_OPTION_MAX, POLL_OPTIONS_MAX, POLL_OPTIONS_MIN, POLL_PROMPT_MAX, type PollDraft, type TypedText } from '../../live/protocol';
import { characterCount } from '../../live/textChecks';

type Pair = { zh: string; en: string };
const empty = (): Pair => ({ zh: '', en: '' });

export type ComposeError = 'needPrompt' | 'needOptions' | 'optionMissing' | 'oneCorrect' | 'tooLong';

/** The poll a typed form makes, or what is wrong with it (and, for an option, which one, 1-based). */
export function composePoll(prompt: Pair, options: readonly Pair[], correct: readonly number[], multiple: boolean): { ok: true; draft: PollDraft } | { ok: false; error: ComposeError; n?: number } {
  const langs = LANGS.filter((l) => prompt[l].trim() !== '');
  if (langs.length === 0) return { ok: false, error: 'needPrompt' };
  const filled = options.filter((o) => LANGS.some((l) => o[l].trim() !== ''));
  if (filled.length < POLL_OPTIONS_MIN) return { ok: false, error: 'needOptions' };
  const missing = options.findIndex((o) => LANGS.some((l) => o[l].trim() !== '') && langs.some((l) => o[l].trim() === ''));
  if (missing >= 0) return { ok: false, error: 'optionMissing', n: missing + 1 };
  const tooLong =
    langs.some((l) => characterCount(prompt[l].trim()) > POLL_PROMPT_MAX) || filled.some((o) => langs.some((l) => characterCount(o[l].trim()) > POLL_OPTION_MAX));
  if (tooLong) return { ok: false, error: 'tooLong' };
  // Indices of the filled options: an empty row left in the form is not an option.
  const kept = options.map((o, i) => (filled.includes(o) ? i : -1)).filter((i) => i >= 0);
  const right = kept.map((i, j) => (correct.includes(i) ? j : -1)).filter((j) => j >= 0);
  if (!multiple && right.length > 1) return { ok: false, error: 'oneCorrect' };
  const text = (pair: Pair): TypedText => Object.fromEntries(langs.map((l) => [l, pair[l].trim()]));
  return {
    ok: true,
    draft: {
      source: { kind: 'typed', prompt: text(prompt), options: filled.map(text) },
      options: filled.length,
      multiple,
      ...(right.length > 0 ? { correct: right } : {}),
    },
  };
}

export function PollComposer({ onLaunch, onCancel }: { onLaunch: (draft: PollDraft) => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [prompt, setPrompt] = useState<Pair>(empty);
  const [options, setOptions] = useState<Pair[]>(() => [empty(), empty(), empty()]);
  const [correct, setCorrect] = useState<number[]>([]);
  const [multiple, setMultiple] = useState(false);
  const [error, setError] = useState<{ error: ComposeError; n?: number } | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = composePoll(prompt, options, correct, multiple);
    if (!result.ok) {
      setError(result);
      return;
    }
    setError(null);
    onLaunch(result.draft);
    setPrompt(empty());
    setOptions([empty(), empty(), empty()]);
    setCorrect([]);
  };
  const setOption = (i: number, lang: Lang, value: string) => setOptions((list) => list.map((o, j) => (j === i ? { ...o, [lang]: value } : o)));

  return (
    <form className="poll-composer" onSubmit={submit} noValidate aria-describedby="poll-composer-hint">
      <p id="poll-composer-hint" className="poll-composer__hint">
        {t('liveRoom.poll.bothHint')}
      </p>
      {LANGS.map((l) => (
        <label key={l} className="poll-composer__field">
          <span>{t(l === 'zh' ? 'liveRoom.poll.promptZh' : 'liveRoom.poll.promptEn')}</span>
          <textarea lang={htmlLang(l)} rows={2} value={prompt[l]} onChange={(e) => setPrompt({ ...prompt, [l]: e.target.value })} />
        </label>
      ))}
      <ol className="poll-composer__options">
        {options.map((o, i) => (
          <li key={i}>
            <fieldset>
              <legend>{t('liveRoom.poll.option', { n: i + 1 })}</legend>
              {LANGS.map((l) => (
                <input
                  key={l}
                  lang={htmlLang(l)}
                  aria-label={t(l === 'zh' ? 'liveRoom.poll.optionZh' : 'liveRoom.poll.optionEn', { n: i + 1 })}
                  placeholder={t(`lang.${l}`)}
                  value={o[l]}
                  onChange={(e) => setOption(i, l, e.target.value)}
                />
              ))}
              <label className="poll-composer__correct">
                <input
                  type="checkbox"
                  checked={correct.includes(i)}
                  onChange={(e) => setCorrect((c) => (e.target.checked ? [...c, i] : c.filter((x) => x !== i)))}
                />
                {t('liveRoom.poll.correct')}
              </label>
              {options.length > POLL_OPTIONS_MIN && (
                <button
                  type="button"
                  className="button button--quiet button--small"
                  onClick={() => {
                    setOptions((list) => list.filter((_, j) => j !== i));
                    setCorrect((c) => c.filter((x) => x !== i).map((x) => (x > i ? x - 1 : x)));
                  }}
                >
                  {t('liveRoom.poll.removeOption', { n: i + 1 })}
                </button>
              )}
            </fieldset>
          </li>
        ))}
      </ol>
      {options.length < POLL_OPTIONS_MAX && (
        <button type="button" className="button button--quiet button--small" onClick={() => setOptions((list) => [...list, empty()])}>
          {t('liveRoom.poll.addOption')}
        </button>
      )}
      <label className="poll-composer__multiple">
        <input type="checkbox" checked={multiple} onChange={(e) => setMultiple(e.target.checked)} />
        {t('liveRoom.poll.multiple')}
      </label>
      <p className="poll-composer__error" role="alert">
        {error
          ? t(`liveRoom.poll.${error.error}`, { n: error.n ?? 0, min: POLL_OPTIONS_MIN, prompt: POLL_PROMPT_MAX, option: POLL_OPTION_MAX })
          : ''}
      </p>
      <p className="button-row poll-composer__actions">
        <button type="submit" className="button">
          {t('liveRoom.poll.launch')}
        </button>
        {onCancel && (
          <button type="button" className="button button--quiet" onClick={onCancel}>
            {t('liveRoom.poll.cancel')}
          </button>
        )}
      </p>
    </form>
  );
}
