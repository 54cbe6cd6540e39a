import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { findCampus, findStop } from '../../../src/content/lookup';
import { StopPage } from '../../../src/features/stop/StopPage';
import { placeNames } from '../../../src/features/stop/stopMapLayout';
import { realContent, renderWithApp } from '../render';

const content = realContent();

describe('the "You are here" map on a stop page', () => {
  for (const [campusId, stopId] of [
    ['yubei', 'library'],
    ['nanchuan', 'canteen'],
  ] as const) {
    it(`shows every stop of the campus, marks the current one and links to the others (${campusId})`, async () => {
      const campus = findCampus(content, campusId)!;
      const stop = findStop(campus, stopId)!;
      const user = userEvent.setup();
      const { store } = renderWithApp(<StopPage campus={campus} stop={stop} />, { lang: 'en', place: { page: 'stop', campusId, stopId } });
      const map = await screen.findByRole('navigation', { name: `Map of ${campus.name.en}` });
      expect(within(map).getByRole('heading', { name: 'You are here' })).toBeInTheDocument();
      const links = within(map).getAllByRole('link');
      expect(links.map((a) => a.textContent)).toEqual(campus.stops.filter((s) => s.id !== stopId).map((s) => s.name.en));
      const here = map.querySelector('[aria-current="location"]')!;
      expect(here).toHaveTextContent(stop.name.en);
      expect(here.querySelector('[lang]')).toHaveAttribute('lang', 'en');
      const other = campus.stops.find((s) => s.id !== stopId)!;
      const link = within(map).getByRole('link', { name: other.name.en });
      expect(link).toHaveAttribute('href', `/en/${campusId}/${other.id}`);
      await user.click(link);
      expect(store.getState().place).toEqual({ page: 'stop', campusId, stopId: other.id });
    });
  }

  it('names the stops in Chinese, tagged zh', async () => {
    const campus = findCampus(content, 'yubei')!;
    const stop = findStop(campus, 'main-gate')!;
    renderWithApp(<StopPage campus={campus} stop={stop} />, { lang: 'zh', place: { page: 'stop', campusId: 'yubei', stopId: 'main-gate' } });
    const map = await screen.findByRole('navigation', { name: `${campus.name.zh}平面图` });
    expect(within(map).getByRole('heading', { name: '您在这里' })).toBeInTheDocument();
    await waitFor(() => expect(within(map).getAllByRole('link')).toHaveLength(campus.stops.length - 1));
    for (const a of within(map).getAllByRole('link')) expect(a.querySelector('[lang]')?.getAttribute('lang')).toMatch(/^zh/);
  });
});

describe('the strip of stops', () => {
  it('links every stop of the campus in order, the current one marked', () => {
    const campus = findCampus(content, 'yubei')!;
    const stop = findStop(campus, 'library')!;
    renderWithApp(<StopPage campus={campus} stop={stop} />, { lang: 'en', place: { page: 'stop', campusId: 'yubei', stopId: 'library' } });
    const strip = screen.getByRole('navigation', { name: `Jump to a stop of ${campus.name.en}` });
    const links = within(strip).getAllByRole('link');
    expect(links.map((a) => a.getAttribute('href'))).toEqual(campus.stops.map((s) => `/en/yubei/${s.id}`));
    expect(within(strip).getByRole('link', { current: 'page' })).toHaveTextContent(stop.name.en);
  });
});

describe('placing names on the map', () => {
  it('keeps two names on one street apart', () => {
    const placed = placeNames(
      [
        { id: 'a', x: 100, y: 100, name: 'Mechanical Workshop' },
        { id: 'b', x: 140, y: 100, name: 'Vehicle Workshop' },
      ],
      300,
    );
    const [a, b] = placed;
    expect(a!.side !== b!.side || a!.dy !== b!.dy).toBe(true);
  });
});
