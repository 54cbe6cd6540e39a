/** The open info hotspot: title, paragraphs and key facts, in the visitor's language. */
import { forwardRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { InfoHotspot } from '../../content/schema';
import { Text } from '../../components/Text';

interface InfoPanelProps {
  hotspot: InfoHotspot;
  onClose(): void;
}

/** The ref is the panel's heading, which takes focus when a visitor opens the panel. */
export const InfoPanel = forwardRef<HTMLHeadingElement, InfoPanelProps>(function InfoPanel({ hotspot, onClose }, ref) {
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
          <Text value={hotspot.title} />
        </h2>
        <button type="button" className="icon-button" aria-label={t('stop.closePanel')} title={t('stop.closePanel')} onClick={onClose}>
          <span aria-hidden="true">✕</span>
        </button>
      </div>
      {hotspot.body.map((paragraph, i) => (
        <Text key={i} as="p" value={paragraph} />
      ))}
      {hotspot.facts && hotspot.facts.length > 0 && (
        <>
          <h3 className="info-panel__facts-heading">{t('stop.factsHeading')}</h3>
          <dl className="facts">
            {hotspot.facts.map((f, i) => (
              <div key={i} className="facts__row">
                <Text as="dt" value={f.label} />
                <Text as="dd" value={f.value} />
              </div>
            ))}
          </dl>
        </>
      )}
      {hotspot.textBasis === 'descriptive' && <p className="info-panel__basis">{t('stop.descriptive')}</p>}
    </section>
  );
});
