/** The open info hotspot: title, paragraphs and key facts, in the visitor's language. */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import type { InfoHotspot, LocalizedText } from '../../content/schema';
import { Text } from '../../components/Text';
import { useStopVocabulary } from '../../learner/vocabulary';
import { useLang, useWordsStore } from '../../store/context';
import { MarkedText } from './MarkedText';

interface InfoPanelProps {
  hotspot: InfoHotspot;
  /** Where the panel is: the stop's vocabulary is marked in its Chinese text. */
  campusId: string;
  stopId: string;
  onClose(): void;
  /** Each text in Chinese and English at once. */
  bilingual?: boolean;
}

/** The stop's words, for marking, and what a marked word does. */
interface Marks {
  words: readonly string[];
  onWord(zh: string): void;
}

/** A text in the visitor's language and, when bilingual, in the other one too; its Chinese with the stop's words marked. */
function Both({ value, bilingual, as, marks }: { value: LocalizedText; bilingual: boolean; as?: 'p' | 'span' | 'dt' | 'dd'; marks?: Marks }) {
  const lang = useLang();
  const shown = (l: 'zh' | 'en', tag: 'p' | 'span' | 'dt' | 'dd' | undefined, className?: string) =>
    l === 'zh' && marks && marks.words.length > 0 ? (
      <MarkedText as={tag} className={className} text={value.zh} words={marks.words} onWord={marks.onWord} />
    ) : (
      <Text as={tag} value={value} lang={l} {...(className ? { className } : {})} />
    );
  if (!bilingual) return shown(lang, as);
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <>
      {shown(lang, as)}
      {shown(other, as === 'p' ? 'p' : 'span', 'bilingual-other')}
    </>
  );
}

/** The ref is the panel's heading, which takes focus when a visitor opens the panel. */
export const InfoPanel = forwardRef<HTMLHeadingElement, InfoPanelProps>(function InfoPanel({ hotspot, campusId, stopId, onClose, bilingual = false }, ref) {
  const { t } = useTranslation();
  const ut = useUiT();
  const words = useStopVocabulary(campusId, stopId);
  const wordsStore = useWordsStore();
  const marks: Marks = { words: words.map((w) => w.zh), onWord: (zh) => wordsStore.getState().open({ campusId, stopId, zh }) };
  const headingId = `info-${hotspot.id}`;
  return (
    <section
      className="info-panel"
      aria-labelledby={headingId}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="info-panel__head">
        <h2 id={headingId} ref={ref} tabIndex={-1}>
          <Both value={hotspot.title} bilingual={bilingual} />
        </h2>
        <button type="button" className="icon-button" aria-label={t('stop.closePanel')} title={t('stop.closePanel')} onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {hotspot.body.map((paragraph, i) => (
        <Both key={i} as="p" value={paragraph} bilingual={bilingual} marks={marks} />
      ))}
      {hotspot.facts && hotspot.facts.length > 0 && (
        <>
          <h3 className="info-panel__facts-heading">{ut('stop.factsHeading')}</h3>
          <dl className="facts">
            {hotspot.facts.map((f, i) => (
              <div key={i} className="facts__row">
                <dt>
                  <Both value={f.label} bilingual={bilingual} />
                </dt>
                <dd>
                  <Both value={f.value} bilingual={bilingual} />
                </dd>
              </div>
            ))}
          </dl>
        </>
      )}
      {hotspot.textBasis === 'descriptive' && <p className="info-panel__basis">{ut('stop.descriptive')}</p>}
    </section>
  );
});
