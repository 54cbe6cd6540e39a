import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findCampus } from '../../../src/content/lookup';
import { Page } from '../../../src/app/Page';
import { CampusPage } from '../../../src/features/campus/CampusPage';
import { realContent, renderWithApp } from '../render';

// jsdom has no WebGL: the campus page says the 3D model cannot be shown and keeps the list of stops,
// numbered as the overview's markers are.
const content = realContent();

describe.each(['yubei', 'nanchuan'])('the campus page of %s without WebGL', (campusId) => {
  const campus = findCampus(content, campusId)!;

  it('says the 3D model is unavailable and lists every stop, numbered, in both languages', () => {
    const { store } = renderWithApp(<CampusPage campus={campus} />, { lang: 'en', place: { page: 'campus', campusId } });
    expect(screen.getByRole('heading', { level: 2, name: 'The campus in 3D' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('cannot show the 3D model');
    const list = screen.getByRole('list');
    const links = within(list).getAllByRole('link');
    expect(links).toHaveLength(campus.stops.length);
    campus.stops.forEach((s, i) => {
      expect(links[i]).toHaveTextContent(s.name.en);
      expect(links[i]).toHaveAttribute('href', `/en/${campusId}/${s.id}`);
      expect(links[i]!.querySelector('.card__number')).toHaveTextContent(String(i + 1));
    });
    act(() => store.getState().setLang('zh'));
    expect(screen.getByRole('heading', { level: 2, name: '三维校园' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('无法显示校园三维模型');
    const zhLinks = within(screen.getByRole('list')).getAllByRole('link');
    campus.stops.forEach((s, i) => expect(zhLinks[i]).toHaveTextContent(s.name.zh));
  });
});

describe.each(['yubei', 'nanchuan'])('the guided walk offered on the campus page of %s', (campusId) => {
  it('lists the tours that stay on the campus, each with a link to its first step, in both languages', () => {
    const walks = content.tours.filter((tour) => tour.steps.every((s) => s.campus === campusId));
    expect(walks.length).toBeGreaterThan(0);
    const { store } = renderWithApp(<Page />, { lang: 'en', place: { page: 'campus', campusId } });
    const section = screen.getByRole('region', { name: 'Guided tours' });
    const starts = within(section).getAllByRole('link');
    expect(starts).toHaveLength(walks.length);
    walks.forEach((tour, i) => {
      const first = tour.steps[0]!;
      expect(starts[i]).toHaveAccessibleName(`Start the tour: ${tour.title.en}`);
      // Steps count from 1 in addresses.
      expect(starts[i]!.getAttribute('href')).toMatch(new RegExp(`^/en/${campusId}/${first.stop}\\?.*tour=${tour.id}&step=1$`));
    });
    act(() => store.getState().setLang('zh'));
    const zh = screen.getByRole('region', { name: '导览路线' });
    walks.forEach((tour) => expect(zh).toHaveTextContent(tour.title.zh));
  });
});
