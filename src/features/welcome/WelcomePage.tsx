/** The first page: who welcomes the delegates, and the two campuses to enter. */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useContent } from '../../content/ContentContext';
import { derivedImage } from '../../content/images';
import { findStop } from '../../content/lookup';
import { Text } from '../../components/Text';
import { PlaceLink } from '../../components/PlaceLink';
import { StopCard } from '../../components/StopCard';
import { useLang } from '../../store/context';

/**
 * `join` is composed in by the app beside the welcome (joining a live tour is one step from the
 * top of the page); `extra` after the campuses: the guided tours.
 */
export function WelcomePage({ join, extra }: { join?: ReactNode; extra?: ReactNode }) {
  const { t } = useTranslation();
  const { college, campuses } = useContent();
  const lang = useLang();
  const other = lang === 'zh' ? 'en' : 'zh';
  return (
    <div className="welcome">
      <header className="hero">
        <div className="hero__text">
          <Text as="p" className="hero__programme" value={college.programme} />
          <h1 className="hero__title">
            <Text value={college.name} />
            <Text className="hero__title-other" value={college.name} lang={other} />
          </h1>
          <p className="hero__intro">{t('welcome.intro')}</p>
          <Text as="p" className="hero__profile" value={college.welcome} />
          <PlaceLink to={{ page: 'about' }} className="button button--quiet">
            {t('welcome.aboutLink')}
          </PlaceLink>
        </div>
        {join}
      </header>
      <section aria-labelledby="campuses-heading">
        <h2 id="campuses-heading">{t('welcome.campusesHeading')}</h2>
        <ul className="card-grid">
          {campuses.map((c) => {
            const first = findStop(c, c.firstStop);
            return (
              <StopCard key={c.id} picture={first && derivedImage.thumbnail(first.panorama.master)}>
                <h3 className="card__title">
                  <Text value={c.name} />
                </h3>
                <Text as="p" value={c.summary} />
                <p className="card__meta">{t('welcome.stopsCount', { count: c.stops.length })}</p>
                <PlaceLink to={{ page: 'campus', campusId: c.id }} className="button">
                  {t('welcome.enterCampus', { campus: c.name[lang] })}
                </PlaceLink>
              </StopCard>
            );
          })}
        </ul>
      </section>
      {extra}
    </div>
  );
}
