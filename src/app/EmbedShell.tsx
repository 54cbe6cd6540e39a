/**
 * The frame around a page in embed mode: no header, footer or navigation — the host site has its
 * own — only the page (its CSS shows a stop's view alone) and a link to the full tour in a new tab.
 */
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { ErrorBoundary } from '../components/ErrorBoundary';
import { useVisitStore } from '../store/context';
import { stateToUrl } from '../store/paths';
import { Page } from './Page';
import './EmbedShell.css';

export function EmbedShell({ placeKey }: { placeKey: string }) {
  const { t } = useTranslation();
  const full = useStore(useVisitStore(), (s) => stateToUrl(s) ?? `/${s.lang}`);
  return (
    <main id="main" className="main main--embed" tabIndex={-1}>
      <ErrorBoundary resetKey={placeKey} fallback={<p role="alert">{t('error.title')}</p>}>
        <Page />
      </ErrorBoundary>
      <a className="embed-full-link" href={full} target="_blank" rel="noopener">
        {t('viewerTools.openFull')}
        <span className="visually-hidden"> {t('viewerTools.newTab')}</span>
      </a>
    </main>
  );
}
