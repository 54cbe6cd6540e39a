import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DAMAGED_KEY, persistRecord, RECORD_KEY } from '../../../src/app/recordPersistence';
import { createRecordStore, emptyRecord } from '../../../src/store/recordStore';
import { parseRecord } from '../../../src/store/recordSchema';

const fresh = () => createRecordStore(emptyRecord(), 'loading');

beforeEach(() => localStorage.clear());

describe('the record in the browser', () => {
  it('survives a reload: what one visit stamped, the next reads', async () => {
    const first = fresh();
    await persistRecord(first);
    first.getState().stamp('yubei', 'library', new Date('2026-11-30T10:00:00Z'));
    first.getState().openedHotspot('yubei', 'library', 'library-books');
    const second = fresh();
    await persistRecord(second);
    expect(second.getState().stamps).toEqual({ 'yubei/library': { visitedAt: '2026-11-30T10:00:00.000Z' } });
    expect(second.getState().opened).toEqual({ 'yubei/library': ['library-books'] });
    expect(second.getState().damaged).toBeNull();
  });

  it('tells of a damaged saved record, keeps it aside, and starts a new one that works', async () => {
    localStorage.setItem(RECORD_KEY, '{"version":1,"stamps":{"yubei/library":{"visitedAt":');
    const store = fresh();
    await persistRecord(store);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().damaged?.raw).toContain('yubei/library');
    expect(localStorage.getItem(DAMAGED_KEY)).toContain('yubei/library');
    store.getState().stamp('yubei', 'main-gate', new Date());
    expect(JSON.parse(localStorage.getItem(RECORD_KEY)!).stamps['yubei/main-gate']).toBeDefined();
    // Told on the next visit too, until dismissed.
    const next = fresh();
    await persistRecord(next);
    expect(next.getState().damaged).not.toBeNull();
    next.getState().dismissDamaged();
    expect(localStorage.getItem(DAMAGED_KEY)).toBeNull();
  });

  it('a record of the wrong shape counts as damaged, not as a crash', async () => {
    localStorage.setItem(RECORD_KEY, JSON.stringify({ version: 1, stamps: { 'yubei/library': { visitedAt: 'yesterday-ish' } }, opened: {}, quizzes: {}, certificates: [] }));
    const store = fresh();
    await persistRecord(store);
    expect(store.getState().damaged).not.toBeNull();
    expect(store.getState().stamps).toEqual({});
  });

  it('keeps working for the visit when storage is off', async () => {
    const get = vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new Error('SecurityError');
    });
    const set = vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new Error('QuotaExceededError');
    });
    const store = fresh();
    await persistRecord(store);
    store.getState().stamp('yubei', 'library', new Date());
    expect(store.getState().stamps['yubei/library']).toBeDefined();
    get.mockRestore();
    set.mockRestore();
  });
});

describe('an imported record file', () => {
  const good = { version: 1, stamps: { 'yubei/library': { visitedAt: '2026-11-30T10:00:00.000Z' } }, opened: { 'yubei/library': ['library-books'] }, quizzes: {}, certificates: [] };

  it('accepts a record this app wrote', () => {
    expect(parseRecord(JSON.stringify(good))).toEqual({ ok: true, data: good });
  });

  it.each([
    ['not JSON at all', 'PK\u0003\u0004 a zip file', 'json', ''],
    ['cut short', JSON.stringify(good).slice(0, 40), 'json', ''],
    ['another version', JSON.stringify({ ...good, version: 2 }), 'shape', 'version'],
    ['a stop key that is not campus/stop', JSON.stringify({ ...good, stamps: { library: { visitedAt: '2026-11-30T10:00:00.000Z' } } }), 'shape', 'stamps.library'],
    ['a date that is not one', JSON.stringify({ ...good, stamps: { 'yubei/library': { visitedAt: 'soon' } } }), 'shape', 'stamps.yubei/library.visitedAt'],
    ['a certificate without its code', JSON.stringify({ ...good, certificates: [{ name: 'A', tourId: 'yubei-walk', score: 4, total: 5, percent: 80, issuedAt: '2026-11-30T10:00:00.000Z', lang: 'en' }] }), 'shape', 'certificates.0.code'],
    ['an array', '[]', 'shape', ''],
  ])('refuses %s, saying where', (_what, text, problem, path) => {
    const parsed = parseRecord(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.problem).toBe(problem);
      expect(parsed.path).toBe(path);
      expect(parsed.detail).not.toBe('');
    }
  });
});
