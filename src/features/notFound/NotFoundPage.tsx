/** An address that leads nowhere: say so, and offer a way on. */
import { useTranslation } from 'react-i18next';
import { useContent } from '../../content/ContentContext';
import { findCampus } from '../../content/lookup';
import { PlaceLink } from '../../components/PlaceLink';
import { useLang } from '../../store/context';

/** `campusId` is the campus the address named, if it exists: the nearest useful place. */
export function NotFoundPage({ campusId }: { campusId?: string | undefined }) {
  const { t } = useTranslation();
  const content = useContent();
  const lang = useLang();
  const campus = campusId ? findCampus(content, campusId) : undefined;
  return (
    <div className="message-page">
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <ul className="link-list">
        {campus && (
          <li>
            <PlaceLink to={{ page: 'campus', campusId: campus.id }}>{t('notFound.campus', { campus: campus.name[lang] })}</PlaceLink>
          </li>
        )}
        <li>
          <PlaceLink to={{ page: 'home' }}>{t('notFound.home')}</PlaceLink>
        </li>
        {content.campuses
          .filter((c) => c.id !== campus?.id)
          .map((c) => (
            <li key={c.id}>
              <PlaceLink to={{ page: 'campus', campusId: c.id }}>{t('notFound.campus', { campus: c.name[lang] })}</PlaceLink>
            </li>
          ))}
      </ul>
    </div>
  );
}
