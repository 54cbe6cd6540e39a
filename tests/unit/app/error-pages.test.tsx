import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { ContentErrorPage } from '../../../src/app/ContentErrorPage';
import { ErrorBoundary } from '../../../src/components/ErrorBoundary';
import { createI18n } from '../../../src/i18n/i18n';

describe('error pages', () => {
  it('lists every content problem with its file and JSON path', () => {
    render(
      <I18nextProvider i18n={createI18n('zh')}>
        <ContentErrorPage
          issues={[
            { file: 'assets/content/campuses/yubei.json', path: '$.stops[1].hotspots[0].yaw', message: 'yaw must be between -180 and 180 degrees' },
            { file: 'assets/content/college.json', path: '$.name.en', message: 'the English (en) text is empty' },
          ]}
        />
      </I18nextProvider>,
    );
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('参观内容有错误');
    const items = screen.getAllByRole('listitem');
    expect(items[0]).toHaveTextContent('assets/content/campuses/yubei.json: $.stops[1].hotspots[0].yaw: yaw must be between -180 and 180 degrees');
    expect(items[1]).toHaveTextContent('assets/content/college.json: $.name.en: the English (en) text is empty');
  });

  it('shows a message instead of a white screen when a page fails to render', () => {
    const Broken = () => {
      throw new Error('boom');
    };
    const quiet = console.error;
    console.error = () => undefined;
    render(
      <ErrorBoundary fallback={<p>Something went wrong</p>}>
        <Broken />
      </ErrorBoundary>,
    );
    console.error = quiet;
    expect(screen.getByText('Something went wrong')).toBeInTheDocument();
  });
});
