/**
 * Previous and next step right under the picture, where a thumb holding a phone reaches them: on a
 * narrow screen the tour player (and its own buttons) sits below the captions, far down the page.
 * Wide screens and presenter mode have the player beside or over the picture, and hide this bar.
 */
import { useTranslation } from 'react-i18next';
import { useUiT } from '../../components/useUiT';
import { useTour } from './useTour';

export function StepBar() {
  const { t } = useTranslation();
  const ut = useUiT();
  const { tour, index, count, next, previous } = useTour();
  if (!tour) return null;
  return (
    <nav className="step-bar" aria-label={t('tour.stepBar')}>
      {/* aria-disabled, not disabled: a disabled button drops the focus of a keyboard user. */}
      <button type="button" className="button button--quiet step-bar__previous" onClick={previous} aria-disabled={index === 0}>
        <span aria-hidden="true">◀ </span>
        {ut('tour.previous')}
      </button>
      <span className="step-bar__count" aria-hidden="true">
        {index + 1} / {count}
      </span>
      <button type="button" className="button step-bar__next" onClick={next}>
        {ut('tour.next')}
        <span aria-hidden="true"> ▶</span>
      </button>
    </nav>
  );
}
