import { describe, expect, it } from 'vitest';
import { createRecordStore, emptyRecord, mergeRecords, pickRecord, type QuizResult } from '../../../src/store/recordStore';
import { allStops, hasRing, infoHotspotIds, tourProgress, tourStops } from '../../../src/store/recordProgress';
import { realContent } from '../render';

const result = (percent: number, passed: boolean, attemptId = `a${percent}`): QuizResult => ({ attemptId, correct: percent / 20, total: 5, percent, passed, at: '2026-11-30T05:00:00.000Z' });

describe('the participation record', () => {
  it('stamps a stop once, keeping the date of the first visit', () => {
    const store = createRecordStore();
    store.getState().stamp('yubei', 'library', new Date('2026-11-29T10:00:00Z'));
    store.getState().stamp('yubei', 'library', new Date('2026-11-30T10:00:00Z'));
    expect(store.getState().stamps).toEqual({ 'yubei/library': { visitedAt: '2026-11-29T10:00:00.000Z' } });
  });

  it('keeps a passed quiz over a later failed attempt, and a better pass over a worse one', () => {
    const store = createRecordStore();
    store.getState().quizResult('yubei-walk', result(80, true));
    store.getState().quizResult('yubei-walk', result(40, false));
    expect(store.getState().quizzes['yubei-walk']?.attemptId).toBe('a80');
    store.getState().quizResult('yubei-walk', result(100, true));
    expect(store.getState().quizzes['yubei-walk']?.attemptId).toBe('a100');
  });

  it('merges two records: earlier stamps, every hotspot opened, the better quiz, each certificate once', () => {
    const a = { ...emptyRecord(), stamps: { 'yubei/library': { visitedAt: '2026-11-30T00:00:00.000Z' } }, opened: { 'yubei/library': ['x'] } };
    const cert = { code: 'C1', name: 'Anna', tourId: 'yubei-walk', score: 4, total: 5, percent: 80, issuedAt: '2026-11-30T00:00:00.000Z', lang: 'en' as const };
    const b = {
      ...emptyRecord(),
      stamps: { 'yubei/library': { visitedAt: '2026-11-01T00:00:00.000Z' }, 'nanchuan/canteen': { visitedAt: '2026-11-02T00:00:00.000Z' } },
      opened: { 'yubei/library': ['y', 'x'] },
      quizzes: { 'yubei-walk': result(60, true) },
      certificates: [cert],
    };
    const merged = mergeRecords({ ...a, certificates: [cert] }, b);
    expect(merged.stamps['yubei/library']?.visitedAt).toBe('2026-11-01T00:00:00.000Z');
    expect(Object.keys(merged.stamps)).toHaveLength(2);
    expect(merged.opened['yubei/library']?.sort()).toEqual(['x', 'y']);
    expect(merged.certificates).toHaveLength(1);
    expect(merged.quizzes['yubei-walk']?.passed).toBe(true);
  });

  it('keeps what was stamped before the saved record was read, and erases everything on request', () => {
    const store = createRecordStore(emptyRecord(), 'loading');
    store.getState().stamp('yubei', 'library', new Date('2026-11-30T10:00:00Z'));
    store.getState().loaded({ ...emptyRecord(), stamps: { 'yubei/main-gate': { visitedAt: '2026-11-20T10:00:00.000Z' } } });
    expect(store.getState().status).toBe('ready');
    expect(Object.keys(store.getState().stamps).sort()).toEqual(['yubei/library', 'yubei/main-gate']);
    store.getState().erase();
    expect(pickRecord(store.getState())).toEqual(emptyRecord());
  });
});

describe('stamps, rings and tours against the content', () => {
  const content = realContent();

  it('counts the 17 stops of both campuses', () => {
    expect(allStops(content)).toHaveLength(17);
  });

  it('rings a visited stop only when every one of its info hotspots was opened', () => {
    const { campus, stop } = allStops(content).find(({ stop }) => infoHotspotIds(stop).length >= 2)!;
    const ids = infoHotspotIds(stop);
    const key = `${campus.id}/${stop.id}`;
    const stamped = { [key]: { visitedAt: '2026-11-30T00:00:00.000Z' } };
    expect(hasRing({ stamps: stamped, opened: { [key]: ids.slice(1) } }, campus.id, stop)).toBe(false);
    expect(hasRing({ stamps: stamped, opened: { [key]: ids } }, campus.id, stop)).toBe(true);
    // Every panel opened but never on screen for 5 s: no stamp, so no ring.
    expect(hasRing({ stamps: {}, opened: { [key]: ids } }, campus.id, stop)).toBe(false);
  });

  it('makes a tour certificate-ready only with all its stops stamped and its quiz passed', () => {
    const tour = content.tours.find((t) => t.id === 'yubei-walk')!;
    const stops = tourStops(tour);
    expect(stops).toHaveLength(4);
    const stamps = Object.fromEntries(stops.map((s) => [`${s.campusId}/${s.stopId}`, { visitedAt: '2026-11-30T00:00:00.000Z' }]));
    expect(tourProgress({ stamps, quizzes: {} }, tour).ready).toBe(false);
    expect(tourProgress({ stamps, quizzes: { [tour.id]: result(40, false) } }, tour).ready).toBe(false);
    const three = Object.fromEntries(Object.entries(stamps).slice(1));
    const missingOne = tourProgress({ stamps: three, quizzes: { [tour.id]: result(80, true) } }, tour);
    expect(missingOne).toMatchObject({ visited: 3, total: 4, ready: false });
    expect(tourProgress({ stamps, quizzes: { [tour.id]: result(80, true) } }, tour)).toMatchObject({ visited: 4, total: 4, ready: true });
  });
});
