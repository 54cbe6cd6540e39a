/** Chooses the page for the visitor's place, checking its ids against the content. */
import { lazy, Suspense } from 'react';
import { useContent } from '../content/ContentContext';
import { findCampus, findStop } from '../content/lookup';
import { AboutPage } from '../features/about/AboutPage';
import { CampusPage } from '../features/campus/CampusPage';
import { NotFoundPage } from '../features/notFound/NotFoundPage';
import { StopPage } from '../features/stop/StopPage';
import { LiveJoinPage, JoinForm } from '../features/live/LiveJoinPage';
import { LivePanel } from '../features/live/LivePanel';
import { useLive } from '../features/live/LiveSessionContext';
import { TourCaptions } from '../features/tour/Captions';
import { TourEndCard } from '../features/tour/TourEndCard';
import { StepBar } from '../features/tour/StepBar';
import { NotesPage } from '../features/tour/NotesPage';
import { TourList } from '../features/tour/TourList';
import { TourPlayer } from '../features/tour/TourPlayer';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { PassportPage } from '../features/passport/PassportPage';
import { QuizPage } from '../features/quiz/QuizPage';
import { VerifyPage } from '../features/verify/VerifyPage';
import { usePlace, usePresenter, useVisitStore } from '../store/context';
import { useStore } from 'zustand';

// The certificate page (its fonts' coverage, and pdf-lib on demand) loads only when opened.
const CertificatePage = lazy(() => import('../features/certificate/CertificatePage'));

export function Page() {
  const place = usePlace();
  const content = useContent();
  const inTour = useStore(useVisitStore(), (s) => s.tour !== null);
  const bilingual = usePresenter((s) => s.bilingual && s.presenting);
  // A guide's session panel (code, QR code) comes first; the control to start one comes last.
  const guiding = useLive((s) => s.role === 'guide');
  switch (place.page) {
    case 'home':
      return (
<WelcomePage join={<JoinForm />} extra={<TourList />} />
      );
    case 'about':
      return <AboutPage />;
    case 'campus': {
      const campus = findCampus(content, place.campusId);
      return campus ? <CampusPage campus={campus} tours={<TourList campusId={campus.id} />} /> : <NotFoundPage />;
    }
    case 'stop': {
      const campus = findCampus(content, place.campusId);
      const stop = campus && findStop(campus, place.stopId);
      return campus && stop ? (
        <StopPage
          campus={campus}
          stop={stop}
          bilingual={bilingual}
          panels={
            <>
              {inTour && <TourPlayer />}
              {guiding && <LivePanel />}
            </>
          }
          after={guiding ? null : <LivePanel />}
          captions={
            inTour ? (
              <>
                <StepBar />
                <TourCaptions />
                <TourEndCard />
              </>
            ) : null
          }
        />
      ) : (
        <NotFoundPage campusId={campus?.id} />
      );
    }
    case 'notes':
      return <NotesPage tourId={place.tourId} />;
    case 'live':
      return <LiveJoinPage code={place.code} />;
    case 'passport':
      return <PassportPage />;
    case 'quiz':
      return <QuizPage tourId={place.tourId} />;
    case 'certificate':
      return (
        <Suspense fallback={null}>
          <CertificatePage tourId={place.tourId} />
        </Suspense>
      );
    case 'verify':
      return <VerifyPage key={place.code ?? ''} code={place.code} />;
    case 'notFound':
      return <NotFoundPage />;
  }
}
