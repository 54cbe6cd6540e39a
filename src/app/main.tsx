/** Entry: validate the content, create the store from the URL, and start the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ContentProvider } from '../content/ContentContext';
import { loadBundledContent } from '../content/load';
import { createI18n } from '../i18n/i18n';
import { preferredLang } from '../i18n/language';
import { PresenterStoreProvider, VisitStoreProvider, WordsStoreProvider } from '../store/context';
import { createWordsStore } from '../store/wordsStore';
import { RESERVED_SEGMENTS } from '../store/paths';
import { createPresenterStore } from '../store/presenterStore';
import { createVisitStore } from '../store/visitStore';
import { RecordStoreProvider } from '../store/recordContext';
import { createRecordStore, emptyRecord } from '../store/recordStore';
import { persistRecord } from './recordPersistence';
import { createLiveSession } from '../features/live/liveSession';
import { LiveSessionProvider } from '../features/live/LiveSessionContext';
import { ContentErrorPage } from './ContentErrorPage';
import { Shell } from './Shell';
import { readStartUrl } from './UrlSync';
import { warmUpFirstStop } from './warmUp';
import './styles.css';

const fromUrl = readStartUrl(window.location);
const lang = fromUrl.lang ?? preferredLang();
const store = createVisitStore({ ...fromUrl, lang });
const presenterStore = createPresenterStore();
const wordsStore = createWordsStore();
// The participation record is read from the browser's storage while the app starts; nothing is
// saved over it until then.
const recordStore = createRecordStore(emptyRecord(), 'loading');
void persistRecord(recordStore);
const i18n = createI18n(lang);
// i18next follows the store before React renders the change, so UI and content switch together.
store.subscribe((state, prev) => {
  if (state.lang !== prev.lang) void i18n.changeLanguage(state.lang);
});

const content = await loadBundledContent(RESERVED_SEGMENTS);
const root = createRoot(document.getElementById('root')!);

if (!content.ok) {
  root.render(
    <I18nextProvider i18n={i18n}>
      <ContentErrorPage issues={content.issues} />
    </I18nextProvider>,
  );
} else {
  warmUpFirstStop(store.getState().place, content.content);
  const router = createBrowserRouter([{ path: '*', element: <Shell /> }]);
  // The live session drives the visit store as a guide or follows one; the app makes the one it has.
  const liveSession = createLiveSession({ visit: store, presenter: presenterStore });
  root.render(
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <VisitStoreProvider store={store}>
          <PresenterStoreProvider store={presenterStore}>
            <WordsStoreProvider store={wordsStore}>
              <LiveSessionProvider session={liveSession}>
                <RecordStoreProvider store={recordStore}>
                  <ContentProvider content={content.content}>
                    <RouterProvider router={router} />
                  </ContentProvider>
                </RecordStoreProvider>
              </LiveSessionProvider>
            </WordsStoreProvider>
          </PresenterStoreProvider>
        </VisitStoreProvider>
      </I18nextProvider>
    </StrictMode>,
  );
}

// Lets the browser tests and the benchmark read and drive the store, in the builds they make
// (VITE_TEST_HOOKS=1: `npm run test:e2e`, `npm run bench`); a visitor's build has no such handle.
declare global {
  interface Window {
    __visitStore?: typeof store;
    __recordStore?: typeof recordStore;
  }
}
if (import.meta.env.VITE_TEST_HOOKS === '1') {
  window.__visitStore = store;
  window.__recordStore = recordStore;
}
