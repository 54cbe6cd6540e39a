/** Renders app parts with the real content, i18n and fresh stores, for component tests. */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { ContentProvider } from '../../src/content/ContentContext';
import { content } from 'virtual:content';
import type { Content } from '../../src/content/schema';
import { createLiveSession } from '../../src/features/live/liveSession';
import { LiveSessionProvider } from '../../src/features/live/LiveSessionContext';
import { createI18n } from '../../src/i18n/i18n';
import { PresenterStoreProvider, VisitStoreProvider, WordsStoreProvider } from '../../src/store/context';
import { createWordsStore } from '../../src/store/wordsStore';
import { createPresenterStore } from '../../src/store/presenterStore';
import { createVisitStore, type VisitState } from '../../src/store/visitStore';
import { RecordStoreProvider } from '../../src/store/recordContext';
import { createRecordStore, type RecordData } from '../../src/store/recordStore';

export function realContent(): Content {
  if (!content) throw new Error('the project content is invalid');
  return content;
}

export function renderWithApp(ui: ReactNode, initial: Partial<VisitState> = {}, url = '/', record?: RecordData) {
  const state: VisitState = { lang: 'en', place: { page: 'home' }, view: null, openHotspotId: null, tour: null, ...initial };
  const store = createVisitStore(state);
  const presenterStore = createPresenterStore();
  const wordsStore = createWordsStore(null);
  const recordStore = createRecordStore(record);
  const i18n = createI18n(state.lang);
  store.subscribe((s, prev) => {
    if (s.lang !== prev.lang) void i18n.changeLanguage(s.lang);
  });
  const router = createMemoryRouter([{ path: '*', element: ui }], { initialEntries: [url] });
  // Nothing connects unless a test starts a session; a test that does hands in its own session.
  const liveSession = createLiveSession({ visit: store, presenter: presenterStore, storage: () => null });
  const result = render(
    <I18nextProvider i18n={i18n}>
      <VisitStoreProvider store={store}>
        <PresenterStoreProvider store={presenterStore}>
          <WordsStoreProvider store={wordsStore}>
            <LiveSessionProvider session={liveSession}>
              <RecordStoreProvider store={recordStore}>
                <ContentProvider content={realContent()}>
                  <RouterProvider router={router} />
                </ContentProvider>
              </RecordStoreProvider>
            </LiveSessionProvider>
          </WordsStoreProvider>
        </PresenterStoreProvider>
      </VisitStoreProvider>
    </I18nextProvider>,
  );
  return { ...result, store, presenterStore, wordsStore, recordStore, router, i18n, liveSession };
}
