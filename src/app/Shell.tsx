/** The frame around every page: skip link, header with navigation and language, the page, footer. */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { PinyinToggle } from '../components/PinyinToggle';
import { PlaceLink } from '../components/PlaceLink';
import { Text } from '../components/Text';
import { useContent } from '../content/ContentContext';
import { DelegateBar } from '../features/live/DelegateBar';
import { useLiveSession } from '../features/live/LiveSessionContext';
import { PresenterLayer } from '../features/tour/PresenterLayer';
import { TourSync } from '../features/tour/TourSync';
import { usePlace, useVisitStore } from '../store/context';
import { useStore } from 'zustand';
import { DocumentTitle } from './DocumentTitle';
import { embedded } from '../store/embed';
import { EmbedShell } from './EmbedShell';
import { LanguageSync } from './LanguageSync';
import { Page } from './Page';
import { UrlSync } from './UrlSync';
import { useScrollOnNavigation } from './useScrollOnNavigation';

// Only an embedded tour talks to a host page: its message schemas stay out of every other visit's bundle.
const EmbedBridge = lazy(() => import('./EmbedBridge'));

function PageError() {
  const { t } = useTranslation();
  return (
    <div className="message-page" role="alert">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <p className="button-row">
        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
        <a className="button button--quiet" href="/">
          {t('error.home')}
        </a>
      </p>
    </div>
  );
}

/**
 * After the visitor moves to another page, focus its heading so keyboard and screen-reader users
 * start there. A tour moving the visitor does not move focus: its captions are announced instead,
 * and the focus stays on the Next button or wherever the visitor left it.
 */
function useFocusOnPageChange(placeKey: string, tourKey: string) {
  const previous = useRef({ placeKey, tourKey });
  const liveSession = useLiveSession();
  useEffect(() => {
    const was = previous.current;
    previous.current = { placeKey, tourKey };
    if (was.placeKey === placeKey || was.tourKey !== tourKey) return;
    // A guide moving a delegate's screen is announced, not focused.
    const live = liveSession.getState();
    if (live.role === 'delegate' && live.following) return;
    const heading = document.querySelector<HTMLElement>('#main h1');
    if (heading) {
      if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: true });
    }
  }, [placeKey, tourKey, liveSession]);
}

export function Shell() {
  const { t } = useTranslation();
  const liveSession = useLiveSession();
  useEffect(() => liveSession.getState().resumeSaved(), [liveSession]);
  const { college } = useContent();
  const place = usePlace();
  const placeKey = JSON.stringify(place);
  const tourKey = JSON.stringify(useStore(useVisitStore(), (s) => s.tour));
  useFocusOnPageChange(placeKey, tourKey);
  useScrollOnNavigation(placeKey, tourKey);
  // The speaker-notes window is the presenter's own, beside the projected tab: no site header or
  // footer there, so a stray click cannot navigate it away from the notes (issue 18).
  const notesWindow = place.page === 'notes';
  if (embedded)
    return (
      <>
        <UrlSync />
        <LanguageSync />
        <DocumentTitle />
        <Suspense fallback={null}>
          <EmbedBridge />
        </Suspense>
        <EmbedShell placeKey={placeKey} />
      </>
    );
  return (
    <>
      <UrlSync />
      <LanguageSync />
      <DocumentTitle />
      <TourSync />
      <PresenterLayer onStop={place.page === 'stop'} />
      {!notesWindow && (
        <a className="skip-link" href="#main">
          {t('app.skip')}
        </a>
      )}
      {!notesWindow && (
      <header className="site-header">
        <PlaceLink to={{ page: 'home' }} className="brand">
          <Text className="brand__name" value={college.name} />
          <Text className="brand__programme" value={college.programme} />
        </PlaceLink>
        <nav aria-label={t('nav.label')} className="site-nav">
          <PlaceLink to={{ page: 'home' }} aria-current={place.page === 'home' ? 'page' : undefined}>
            {t('nav.home')}
          </PlaceLink>
          <PlaceLink to={{ page: 'about' }} aria-current={place.page === 'about' ? 'page' : undefined}>
            {t('nav.about')}
          </PlaceLink>
          <PlaceLink to={{ page: 'words' }} aria-current={place.page === 'words' ? 'page' : undefined}>
            {t('words.navMyWords')}
          </PlaceLink>
          <PlaceLink to={{ page: 'passport' }} aria-current={place.page === 'passport' ? 'page' : undefined}>
            {t('passport.nav')}
          </PlaceLink>
        </nav>
        <PinyinToggle />
        <LanguageSwitch />
      </header>
      )}
      <DelegateBar />
      <main id="main" className={`main main--${place.page}`} tabIndex={-1}>
        <ErrorBoundary resetKey={placeKey} fallback={<PageError />}>
          <Page />
        </ErrorBoundary>
      </main>
      {!notesWindow && (
        <footer className="site-footer">
          <Text as="p" value={college.name} lang="zh" />
          <p>{t('footer.note')}</p>
        </footer>
      )}
    </>
  );
}
