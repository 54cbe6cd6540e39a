/** Shown instead of the tour when the content does not validate: every problem, by file and path. */
import { useTranslation } from 'react-i18next';
import { formatIssue, type ContentIssue } from '../content/issues';

export function ContentErrorPage({ issues }: { issues: readonly ContentIssue[] }) {
  const { t } = useTranslation();
  return (
    <main id="main" className="message-page" role="alert">
      <h1>{t('content.errorTitle')}</h1>
      <p>{t('content.errorBody')}</p>
      <ul className="issue-list">
        {issues.map((issue, i) => (
          <li key={i}>
            <code>{formatIssue(issue)}</code>
          </li>
        ))}
      </ul>
    </main>
  );
}
