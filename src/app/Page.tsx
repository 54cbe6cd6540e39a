/** Chooses the page for the visitor's place, checking its ids against the content. */
import { useContent } from '../content/ContentContext';
import { findCampus, findStop } from '../content/lookup';
import { AboutPage } from '../features/about/AboutPage';
import { CampusPage } from '../features/campus/CampusPage';
import { NotFoundPage } from '../features/notFound/NotFoundPage';
import { StopPage } from '../features/stop/StopPage';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { usePlace } from '../store/context';

export function Page() {
  const place = usePlace();
  const content = useContent();
  switch (place.page) {
    case 'home':
      return <WelcomePage />;
    case 'about':
      return <AboutPage />;
    case 'campus': {
      const campus = findCampus(content, place.campusId);
      return campus ? <CampusPage campus={campus} /> : <NotFoundPage />;
    }
    case 'stop': {
      const campus = findCampus(content, place.campusId);
      const stop = campus && findStop(campus, place.stopId);
      return campus && stop ? <StopPage campus={campus} stop={stop} /> : <NotFoundPage campusId={campus?.id} />;
    }
    case 'notFound':
      return <NotFoundPage />;
  }
}
