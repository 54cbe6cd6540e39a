/** A campus: its stops as a list of pictures to enter. */
import { useTranslation } from 'react-i18next';
import type { Campus } from '../../content/schema';
import { derivedImage } from '../../content/images';
import { Text } from '../../components/Text';
import { PlaceLink } from '../../components/PlaceLink';

export function CampusPage({ campus }: { campus: Campus }) {
  const { t } = useTranslation();
  return (
    <div className="campus">
      <h1>
        <Text value={campus.name} />
      </h1>
      <Text as="p" className="lead" value={campus.summary} />
      <h2>{t('campus.stopsHeading')}</h2>
      <ol className="card-grid card-grid--stops">
        {campus.stops.map((s) => (
          <li key={s.id} className="card card--stop">
            <PlaceLink to={{ page: 'stop', campusId: campus.id, stopId: s.id }} className="card__link">
              <img
                className="card__image"
                src={derivedImage.thumbnail(s.panorama.master)}
                alt=""
                width={640}
                height={360}
                loading="lazy"
              />
              <span className="card__body">
                <Text className="card__title" value={s.name} />
                <Text className="card__text" value={s.summary} />
              </span>
            </PlaceLink>
          </li>
        ))}
      </ol>
    </div>
  );
}
