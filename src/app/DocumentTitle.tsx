/** Keeps the document title on the visitor's place, tour step and language (see pageTitle). */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useContent } from '../content/ContentContext';
import { useVisitStore } from '../store/context';
import { pageTitle } from './pageTitle';

export function DocumentTitle() {
  const { i18n } = useTranslation();
  const content = useContent();
  const store = useVisitStore();
  const lang = useStore(store, (s) => s.lang);
  const placeKey = useStore(store, (s) => JSON.stringify(s.place));
  const tourKey = useStore(store, (s) => JSON.stringify(s.tour));
  useEffect(() => {
    const { place, tour } = store.getState();
    // A t fixed to the store's language: i18next may switch a moment after the store does.
    document.title = pageTitle({ lang, place, tour }, content, i18n.getFixedT(lang));
  }, [store, lang, placeKey, tourKey, content, i18n]);
  return null;
}
