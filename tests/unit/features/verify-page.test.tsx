/**
 * The verify page as a teacher uses it: a certificate's code (from its link or typed) shows what
 * was issued under it, in the page's language, or plainly that nothing was; a code that cannot be
 * one is said to be wrong before anything is asked. The server is a stubbed fetch.
 */
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../src/i18n/en.json';
import zh from '../../../src/i18n/zh.json';
import { VerifyPage } from '../../../src/features/verify/VerifyPage';
import { stateToUrl, urlToState } from '../../../src/store/paths';
import { useStore } from 'zustand';
import { useVisitStore } from '../../../src/store/context';
import { realContent, renderWithApp } from '../render';

const CODE = 'ABCDEFGHJKMNPQRS'.replace(/[^A-Z2-7]/g, '2').slice(0, 16);
const SHOWN = CODE.match(/.{4}/g)!.join('-');
const issued = {
  code: SHOWN,
  certificate: { name: 'Анна Иванова', tourId: 'yubei-walk', score: 6, total: 7, percent: 86, issuedAt: '2026-11-30T06:00:00.000Z', lang: 'en' },
};

function stubFetch(reply: (url: string) => { status: number; body: unknown }) {
  const fetch = vi.fn((url: string) => {
    const { status, body } = reply(url);
    return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

afterEach(() => vi.unstubAllGlobals());

/** The page for the store's current place, as Page.tsx renders it (a new page per code). */
function Routed() {
  const place = useStore(useVisitStore(), (s) => s.place);
  return place.page === 'verify' ? <VerifyPage key={place.code ?? ''} code={place.code} /> : null;
}

describe('verify URLs', () => {
  it('are read with or without a language, however the code is written, and written with dashes', () => {
    expect(urlToState(`/verify/${SHOWN}`, '').place).toEqual({ page: 'verify', code: CODE });
    expect(urlToState(`/zh/verify/${CODE.toLowerCase()}`, '')).toMatchObject({ lang: 'zh', place: { page: 'verify', code: CODE } });
    expect(urlToState('/en/verify', '').place).toEqual({ page: 'verify', code: null });
    expect(urlToState('/en/verify/<script>', '').place).toEqual({ page: 'notFound' });
    expect(stateToUrl({ lang: 'en', place: { page: 'verify', code: CODE }, view: null, openHotspotId: null })).toBe(`/en/verify/${SHOWN}`);
  });
});

describe('the verify page', () => {
  it('shows what was issued under a code: name, tour, score, date and the college in both languages', async () => {
    const fetch = stubFetch(() => ({ status: 200, body: issued }));
    const { container } = renderWithApp(<VerifyPage code={CODE} />, { place: { page: 'verify', code: CODE } });
    const card = await screen.findByRole('region', { name: en.verify.confirmed.replace('{{code}}', SHOWN) });
    expect(fetch).toHaveBeenCalledWith(`/api/certificates/${CODE}`, expect.anything());
    expect(card).toHaveTextContent('Анна Иванова');
    const tour = realContent().tours.find((t) => t.id === 'yubei-walk')!;
    expect(card).toHaveTextContent(tour.title.en);
    expect(card).toHaveTextContent('6 of 7 (86 %)');
    expect(card).toHaveTextContent(new Intl.DateTimeFormat('en', { dateStyle: 'long' }).format(new Date(issued.certificate.issuedAt)));
    const college = realContent().college.name;
    expect(screen.getByText(college.zh)).toHaveAttribute('lang', 'zh-CN');
    expect(screen.getByText(college.en)).toHaveAttribute('lang', 'en');
    expect(card.closest('[aria-live="polite"]')).not.toBeNull();
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('says in Chinese when nothing was issued under a code', async () => {
    stubFetch(() => ({ status: 404, body: { error: 'not-issued' } }));
    renderWithApp(<VerifyPage code={CODE} />, { lang: 'zh', place: { page: 'verify', code: CODE } });
    expect(await screen.findByText(zh.verify.notIssued.replace('{{code}}', SHOWN))).toBeInTheDocument();
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('says when the server cannot be reached, and checks again on request', async () => {
    const fetch = stubFetch(() => ({ status: 503, body: {} }));
    renderWithApp(<VerifyPage code={CODE} />, { place: { page: 'verify', code: CODE } });
    await screen.findByText(en.verify.error, { exact: false });
    fetch.mockImplementation(() => Promise.resolve(new Response(JSON.stringify(issued), { status: 200 })));
    await userEvent.click(screen.getByRole('button', { name: en.verify.retry }));
    expect(await screen.findByText('Анна Иванова')).toBeInTheDocument();
  });

  it('checks a typed code with the keyboard, and refuses one that cannot be a code without asking the server', async () => {
    const fetch = stubFetch(() => ({ status: 200, body: issued }));
    const { store } = renderWithApp(<Routed />, { place: { page: 'verify', code: null } });
    const field = screen.getByLabelText(en.verify.codeLabel);
    await userEvent.type(field, 'not a code{Enter}');
    expect(screen.getByRole('alert')).toHaveTextContent(en.verify.codeInvalid);
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(fetch).not.toHaveBeenCalled();

    await act(async () => {
      await userEvent.clear(screen.getByLabelText(en.verify.codeLabel));
      await userEvent.type(screen.getByLabelText(en.verify.codeLabel), `${SHOWN.toLowerCase()}{Enter}`);
    });
    await waitFor(() => expect(store.getState().place).toEqual({ page: 'verify', code: CODE }));
    expect(await screen.findByText('Анна Иванова')).toBeInTheDocument();
  });
});
