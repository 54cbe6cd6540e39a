import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { findCampus, findStop } from '../../../src/content/lookup';
import { StopPage } from '../../../src/features/stop/StopPage';
import { realContent, renderWithApp } from '../render';

// jsdom has no WebGL: the stop shows its text view, which must do everything the 3D view does.
const content = realContent();
const campus = findCampus(content, 'yubei')!;
const stop = findStop(campus, 'main-gate')!;
const info = stop.hotspots.find((h) => h.kind === 'info')!;
const link = stop.hotspots.find((h) => h.kind === 'link')!;
if (info.kind !== 'info' || link.kind !== 'link') throw new Error('fixture');
const target = findStop(campus, link.target)!;

function renderStop(lang: 'en' | 'zh' = 'en') {
  return renderWithApp(<StopPage campus={campus} stop={stop} />, {
    lang,
    place: { page: 'stop', campusId: 'yubei', stopId: 'main-gate' },
  });
}

describe('a stop without WebGL', () => {
  it('says the 3D view is unavailable and lists every hotspot and stop', () => {
    renderStop();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(stop.name.en);
    expect(screen.getByRole('status')).toHaveTextContent('cannot show the 360° view');
    const list = screen.getByRole('heading', { name: 'In this place' }).parentElement!;
    expect(within(list).getAllByRole('button')).toHaveLength(stop.hotspots.length);
    const stops = screen.getByRole('navigation', { name: /Stops on/ });
    expect(within(stops).getAllByRole('link')).toHaveLength(campus.stops.length);
    expect(within(stops).getByRole('link', { current: 'page' })).toHaveTextContent(stop.name.en);
  });

  it('opens an info panel from the list, moves focus to it, and Escape brings focus back', async () => {
    const user = userEvent.setup();
    const { store } = renderStop();
    const button = screen.getByRole('button', { name: `Information: ${info.title.en}` });
    await user.click(button);
    const heading = screen.getByRole('heading', { level: 2, name: info.title.en });
    expect(heading).toHaveFocus();
    expect(screen.getByText(info.body[0]!.en)).toBeInTheDocument();
    expect(store.getState().openHotspotId).toBe(info.id);
    // Turning to a hotspot chosen from the list shows what the text is about.
    expect(store.getState().view).toMatchObject({ yaw: info.yaw, pitch: info.pitch });
    await user.keyboard('{Escape}');
    expect(store.getState().openHotspotId).toBeNull();
    await act(() => new Promise((r) => requestAnimationFrame(r)));
    expect(button).toHaveFocus();
  });

  it('shows the open panel in Chinese after a language switch, still open', async () => {
    const { store } = renderStop();
    act(() => store.getState().openHotspot(info.id));
    expect(screen.getByRole('heading', { level: 2, name: info.title.en })).toBeInTheDocument();
    act(() => store.getState().setLang('zh'));
    const heading = screen.getByRole('heading', { level: 2, name: info.title.zh });
    expect(heading.querySelector('[lang]')).toHaveAttribute('lang', 'zh-CN');
    // The body reads whole in Chinese (the stop's words inside it are buttons, so it is several nodes).
    const bodies = [...document.querySelectorAll('[lang="zh-CN"]')].map((el) => el.textContent);
    expect(bodies).toContain(info.body[0]!.zh);
  });

  it('follows a link hotspot to its target stop at the view the content gives', async () => {
    const user = userEvent.setup();
    const { store } = renderStop();
    await user.click(screen.getByRole('button', { name: `Go to ${target.name.en}` }));
    expect(store.getState().place).toEqual({ page: 'stop', campusId: 'yubei', stopId: target.id });
    expect(store.getState().view).toEqual(link.arrive ?? target.initialView);
  });
});
