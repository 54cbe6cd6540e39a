/**
 * The step's narration as captions, in the visitor's language or both. A polite live region: a
 * screen reader hears each new step without focus moving — except while the narration is read
 * aloud, when one voice is enough.
 */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { TourStep } from '../../content/schema';
import { LANGS } from '../../content/limits';
import { Text } from '../../components/Text';
import { useLang, usePresenter } from '../../store/context';
import { useFitText } from './useFitText';
import { useTour } from './useTour';

export function Captions({ step, bilingual }: { step: TourStep | undefined; bilingual: boolean }) {
  const { t } = useTranslation();
  const lang = useLang();
  const shown = bilingual ? [lang, ...LANGS.filter((l) => l !== lang)] : [lang];
  // While the voice reads the step, a live region would make a screen reader read it too.
  const reading = usePresenter((s) => s.readingAloud);
  const box = useRef<HTMLDivElement>(null);
  useFitText(box, step ? shown.map((l) => step.narration[l]).join('\n') : '');
  return (
    <div ref={box} className="captions" aria-live={reading ? 'off' : 'polite'} aria-label={t('tour.captions')} role="region">
      {step && shown.map((l) => <Text key={l} as="p" className="captions__line" value={step.narration} lang={l} />)}
    </div>
  );
}

/** The captions of the tour the visitor follows, if any. */
export function TourCaptions() {
  const { step } = useTour();
  const bilingual = usePresenter((s) => s.bilingual && s.presenting);
  return step ? <Captions step={step} bilingual={bilingual} /> : null;
}
