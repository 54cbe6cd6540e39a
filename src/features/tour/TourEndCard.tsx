/**
 * The closing card after a tour's last step, over the panorama like a presentation's last slide:
 * the tour's name, and the ways on (from the start again, or leave the tour here).
 */
import { useUiT } from '../../components/useUiT';
import { PlaceLink } from '../../components/PlaceLink';
import { Text } from '../../components/Text';
import { usePresenter } from '../../store/context';
import { usePresenterMode } from './presenterMode';
import { useTour } from './useTour';

export function TourEndCard() {
  const ut = useUiT();
  const ended = usePresenter((s) => s.tourEnded);
  const presenting = usePresenter((s) => s.presenting);
  const presenter = usePresenterMode();
  const { tour, goTo, leave } = useTour();
  if (!ended || !tour) return null;
  return (
    <section className="tour-end" role="status" aria-labelledby="tour-end-title">
      <p className="tour-end__kicker">{ut('tour.finished')}</p>
      <h2 id="tour-end-title" className="tour-end__title">
        <Text value={tour.title} />
      </h2>
      <p className="tour-end__thanks">{ut('tour.thanks')}</p>
      <p className="button-row">
        {tour.quiz && !presenting && (
          <PlaceLink to={{ page: 'quiz', tourId: tour.id }} className="button">
            {ut('quiz.tourEnd')}
          </PlaceLink>
        )}
        <button type="button" className={tour.quiz && !presenting ? 'button button--quiet' : 'button'} onClick={() => goTo(0)}>
          {ut('tour.again')}
        </button>
        <button
          type="button"
          className="button button--quiet"
          onClick={() => {
            if (presenting) presenter.leave();
            leave();
          }}
        >
          {ut('tour.leave')}
        </button>
      </p>
    </section>
  );
}
