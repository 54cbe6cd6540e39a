/** Chooses the page for the visitor's place, checking its ids against the content. */
import { useContent } from '../content/ContentContext';
import { findCampus, findStop } from '../content/lookup';
import { AboutPage } from '../features/about/AboutPage';
import { CampusPage } from '../features/campus/CampusPage';
import { NotFoundPage } from '../features/notFound/NotFoundPage';
import { StopPage } from '../features/stop/StopPage';
import { LiveJoinPage, JoinForm } from '../features/live/LiveJoinPage';
import { LivePanel, type EndedSession } from '../features/live/LivePanel';
import { LiveEnded } from '../features/live/LiveEnded';
import { useLive } from '../features/live/LiveSessionContext';
import { TourCaptions } from '../features/tour/Captions';
import { TourEndCard } from '../features/tour/TourEndCard';
import { StepBar } from '../features/tour/StepBar';
import { NotesPage } from '../features/tour/NotesPage';
import { TourList } from '../features/tour/TourList';
import { TourPlayer } from '../features/tour/TourPlayer';
import { WelcomePage } from '../features/welcome/WelcomePage';
import { usePlace, usePresenter, useVisitStore } from '../store/context';
import { useStore } from 'zustand';
import { lazy, Suspense, useState } from 'react';

// The learner's views load with their first use: the welcome page carries none of them.
const MyWordsPage = lazy(() => import('../features/words/MyWordsPage').then((m) => ({ default: m.MyWordsPage })));
const WordsPanel = lazy(() => import('../features/words/WordsPanel').then((m) => ({ default: m.WordsPanel })));

// The certificate page (its fonts' coverage, and pdf-lib on demand) loads only when opened.
const CertificatePage = lazy(() => import('../features/certificate/CertificatePage'));
// The passport, quiz and verify pages, and a guide's class panels, load when first shown: a
// delegate's first page carries none of them (tests/e2e/bundle-budget.test.ts).
const PassportPage = lazy(() => import('../features/passport/PassportPage').then((m) => ({ default: m.PassportPage })));
const QuizPage = lazy(() => import('../features/quiz/QuizPage').then((m) => ({ default: m.QuizPage })));
const VerifyPage = lazy(() => import('../features/verify/VerifyPage').then((m) => ({ default: m.VerifyPage })));
const GuideClassPanels = lazy(() => import('../features/live/GuideClass').then((m) => ({ default: m.GuideClassPanels })));
const GuideClassAfter = lazy(() => import('../features/live/GuideClass').then((m) => ({ default: m.GuideClassAfter })));
const StopCount = lazy(() => import('../features/live/GuideClass').then((m) => ({ default: m.StopCount })));

export function Page() {
  const place = usePlace();
  const content = useContent();
  const inTour = useStore(useVisitStore(), (s) => s.tour !== null);
  const bilingual = usePresenter((s) => s.bilingual && s.presenting);
  // A guide's session panel (code, QR code) comes first; the control to start one comes last.
  const guiding = useLive((s) => s.role === 'guide');
  // The session a guide has just ended, told where its panel was until they dismiss it or start another.
  const [ended, setEnded] = useState<EndedSession | null>(null);
  const [wasGuiding, setWasGuiding] = useState(guiding);
  if (guiding !== wasGuiding) {
    setWasGuiding(guiding);
    // A new session replaces the notice of the last one.
    if (guiding) setEnded(null);
  }
  const endedNotice = ended && !guiding ? ended : null;
  const followingGuide = useLive((s) => s.role === 'delegate' && s.following);
  switch (place.page) {
    case 'home':
      return (
<WelcomePage join={<JoinForm />} extra={<TourList />} />
      );
    case 'about':
      return <AboutPage />;
    case 'words':
      return (
        <Suspense fallback={null}>
          <MyWordsPage />
        </Suspense>
      );
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
          cameraDriven={inTour || guiding || followingGuide}
          panels={inTour && <TourPlayer />}
          session={
            guiding ? (
              <>
                <LivePanel onEnded={setEnded} />
                <Suspense fallback={null}>
                  <GuideClassPanels />
                </Suspense>
              </>
            ) : (
              endedNotice && <LiveEnded ended={endedNotice} onDismiss={() => setEnded(null)} />
            )
          }
          after={
            guiding ? (
              <Suspense fallback={null}>
                <GuideClassAfter />
              </Suspense>
            ) : (
              <LivePanel />
            )
          }
          stopBadge={
            guiding
              ? (stopId) => (
                  <Suspense fallback={null}>
                    <StopCount campusId={campus.id} stopId={stopId} />
                  </Suspense>
                )
              : undefined
          }
          words={
            <Suspense fallback={null}>
              <WordsPanel campus={campus} stop={stop} />
            </Suspense>
          }
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
      return (
        <Suspense fallback={null}>
          <PassportPage />
        </Suspense>
      );
    case 'quiz':
      return (
        <Suspense fallback={null}>
          <QuizPage tourId={place.tourId} />
        </Suspense>
      );
    case 'certificate':
      return (
        <Suspense fallback={null}>
          <CertificatePage tourId={place.tourId} />
        </Suspense>
      );
    case 'verify':
      return (
        <Suspense fallback={null}>
          <VerifyPage key={place.code ?? ''} code={place.code} />
        </Suspense>
      );
    case 'notFound':
      return <NotFoundPage />;
  }
}
