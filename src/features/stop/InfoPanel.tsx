/** The open info hotspot: title, paragraphs and key facts, in the visitor's language. */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InfoHotspot, LocalizedText } from '../../content/schema';
import { Text } from '../../components/Text';
import { useLang } from '../../store/context';

interface InfoPanelProps {
  hotspot: InfoHotspot;
  onClose(): void;
  /** Each text in Chinese and English at once. */
  bilingual?: boolean;
}

/** A text in the visitor's language and, when bilingual, in the other one too. */
function Both({ value, bilingual, as }: { value: LocalizedText; bilingual: boolean; as?: 'p' | 'span' | 'dt' | 'dd' }) {
  const lang = useLang();
  if (!bilingual) return <Text as={as} value={value} />;
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <>
      <Text as={as} value={value} />
      <Text as={as === 'p' ? 'p' : 'span'} className="bilingual-other" value={value} lang={other} />
    </>
  );
}

/** The ref is the panel's heading, which takes focus when a visitor opens the panel. */
export const InfoPanel = forwardRef<HTMLHeadingElement, InfoPanelProps>(function InfoPanel({ hotspot, onClose, bilingual = false }, ref) {
  const { t } = useTranslation();
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
        <Both key={i} as="p" value={paragraph} bilingual={bilingual} />
      ))}
      {hotspot.facts && hotspot.facts.length > 0 && (
        <>
          <h3 className="info-panel__facts-heading">{t('stop.factsHeading')}</h3>
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
      {hotspot.textBasis === 'descriptive' && <p className="info-panel__basis">{t('stop.descriptive')}</p>}
    </section>
  );
});
