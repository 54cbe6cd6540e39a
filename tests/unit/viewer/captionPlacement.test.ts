import { describe, expect, it } from 'vitest';
import { arrowDirection, placeCaptions, spreadMarkers } from '../../../src/viewer/captionPlacement';

const size = () => ({ width: 120, height: 26 });

describe('placing hotspot names', () => {
  it('puts a name right of its marker when there is room', () => {
    expect(placeCaptions([{ id: 'a', x: 100, y: 100 }], size, 800, 400).get('a')).toBe('right');
  });

  it('puts it on the left near the right edge, where it would be cut', () => {
    expect(placeCaptions([{ id: 'a', x: 760, y: 100 }], size, 800, 400).get('a')).toBe('left');
  });

  it('keeps a name off a neighbouring marker, and hides it when neither side is free', () => {
    // b sits where a's name would go on the right; a's left is the frame edge.
    const sides = placeCaptions(
      [
        { id: 'a', x: 30, y: 100 },
        { id: 'b', x: 90, y: 100 },
      ],
      size,
      800,
      400,
    );
    expect(sides.get('a')).toBe('none');
    expect(sides.get('b')).toBe('right');
  });

  it('gives a name the other side when a marker takes the first', () => {
    const sides = placeCaptions(
      [
        { id: 'a', x: 300, y: 100 },
        { id: 'b', x: 310, y: 110 },
      ],
      size,
      800,
      400,
    );
    expect([sides.get('a'), sides.get('b')]).toEqual(['left', 'right']);
  });
});

describe('link arrows', () => {
  it('point left, ahead or right by where the link lies in the frame', () => {
    expect(arrowDirection(100, 1000)).toBe('left');
    expect(arrowDirection(500, 1000)).toBe('ahead');
    expect(arrowDirection(900, 1000)).toBe('right');
  });
});

describe('spreading overview pins', () => {
  it('moves a pin that would cover another one up, clear of it', () => {
    const [a, b] = spreadMarkers(
      [
        { x: 100, y: 100 },
        { x: 110, y: 105 },
      ],
      40,
      400,
    );
    expect(a).toEqual({ x: 100, y: 100 });
    expect(b!.y).toBeLessThanOrEqual(60);
  });

  it('moves it down instead where up would leave the frame', () => {
    const [, b] = spreadMarkers(
      [
        { x: 100, y: 20 },
        { x: 100, y: 25 },
      ],
      40,
      400,
    );
    expect(b!.y).toBeGreaterThanOrEqual(60);
  });
});
