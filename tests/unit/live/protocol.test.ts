import { describe, expect, it } from 'vitest';
import { toLiveState } from '../../../src/features/live/liveSession';
import {
  CODE_ALPHABET,
  encode,
  formatCode,
  MAX_FRAME_BYTES,
  normalizeCode,
} from '../../../src/live/protocol';
import { parseClientMessage, parseServerMessage } from '../../../src/live/schemas';
import { initialVisitState } from '../../../src/store/visitStore';

describe('the live protocol', () => {
  it('uses join codes that are easy to read aloud and type', () => {
    for (const c of '01OIL') expect(CODE_ALPHABET).not.toContain(c);
    expect(formatCode('K7QX2M')).toBe('K7Q-X2M');
    expect(normalizeCode(' k7q-x2m ')).toBe('K7QX2M');
  });

  it('accepts a guide’s snapshot and rejects anything out of bounds', () => {
    const state = { place: { page: 'stop', campusId: 'yubei', stopId: 'library' }, openHotspotId: null, tour: null, blank: false };
    expect(parseClientMessage(JSON.stringify({ v: 1, type: 'state', rev: 3, state }))).toMatchObject({ type: 'state', rev: 3 });
    const bad = [
      { v: 2, type: 'state', rev: 3, state }, // another version
      { v: 1, type: 'state', rev: -1, state },
      { v: 1, type: 'state', rev: 3, state: { ...state, place: { page: 'stop', campusId: '../etc', stopId: 'x' } } },
      { v: 1, type: 'view', view: { yaw: 181, pitch: 0, fov: 90 } },
      { v: 1, type: 'view', view: { yaw: 0, pitch: 0, fov: 90, extra: 1 } },
      { v: 1, type: 'join', code: 'K7QX2O', lang: 'en', following: true }, // O is not in the alphabet
      { v: 1, type: 'join', code: 'K7QX2M', lang: 'fr', following: true },
      { v: 1, type: 'resume', code: 'K7QX2M', token: 'short' },
      { v: 1, type: 'nonsense' },
    ];
    for (const message of bad) expect(parseClientMessage(JSON.stringify(message)), JSON.stringify(message)).toBeNull();
    expect(parseClientMessage('{not json')).toBeNull();
    expect(parseClientMessage(' '.repeat(MAX_FRAME_BYTES + 1))).toBeNull();
  });

  it('round-trips what the relay sends', () => {
    const frame = encode({ type: 'stats', stats: { connected: 3, following: 2, exploring: 1, langs: { zh: 1, en: 2 } } });
    expect(parseServerMessage(frame)).toEqual({ v: 1, type: 'stats', stats: { connected: 3, following: 2, exploring: 1, langs: { zh: 1, en: 2 } } });
  });

  it('sends places, ids and numbers, never text or the guide’s language', () => {
    const wire = toLiveState(
      { ...initialVisitState, lang: 'zh', place: { page: 'stop', campusId: 'yubei', stopId: 'library' }, openHotspotId: 'library-books', tour: { id: 'yubei-walk', step: 1 } },
      true,
    );
    expect(wire).toEqual({ place: { page: 'stop', campusId: 'yubei', stopId: 'library' }, openHotspotId: 'library-books', tour: { id: 'yubei-walk', step: 1 }, blank: true });
    expect(JSON.stringify(wire)).not.toContain('zh');
    expect(toLiveState({ ...initialVisitState, place: { page: 'notes', tourId: 'x' } }, false)).toBeNull();
  });
});
