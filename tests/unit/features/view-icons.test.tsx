/**
 * The panorama's view buttons draw the same symbols as the 3D overview's (issue 18: ◀ ▲ + ⟲ on
 * one, drawn chevrons on the other): the same action looks the same in both views.
 */
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ViewControls } from '../../../src/features/stop/ViewControls';
import { VIEW_ICONS } from '../../../src/viewer/viewIcons';
import en from '../../../src/i18n/en.json';
import { renderWithApp } from '../render';

const view = { yaw: 0, pitch: 0, fov: 90 };

describe('the panorama view buttons', () => {
  it("use the overview's symbol for each action, drawn, in the overview's order", () => {
    renderWithApp(<ViewControls view={view} initialView={view} onChange={() => undefined} />);
    const group = screen.getByRole('group', { name: en.stop.controls });
    const drawn = within(group)
      .getAllByRole('button')
      .map((b) => [b.getAttribute('aria-label'), b.querySelector('svg path')?.getAttribute('d') ?? b.textContent]);
    expect(drawn).toEqual([
      [en.stop.lookLeft, VIEW_ICONS.left],
      [en.stop.lookRight, VIEW_ICONS.right],
      [en.stop.lookUp, VIEW_ICONS.up],
      [en.stop.lookDown, VIEW_ICONS.down],
      [en.stop.zoomIn, VIEW_ICONS.zoomIn],
      [en.stop.zoomOut, VIEW_ICONS.zoomOut],
      [en.stop.resetView, VIEW_ICONS.reset],
    ]);
  });
});
