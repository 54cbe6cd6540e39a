/**
 * Keeps the participation record in localStorage: read once at start (checked with the record's
 * zod schema, loaded lazily), written after every change. A saved record that cannot be read is
 * not thrown away: it is moved aside (DAMAGED_KEY) and the passport tells the delegate, who can
 * download it; a new record starts. Storage that is off or full loses nothing on screen: the
 * record lasts for the visit.
 */
import { emptyRecord, pickRecord, type RecordStore } from '../store/recordStore';

export const RECORD_KEY = 'cbdo.record';
export const DAMAGED_KEY = 'cbdo.record.damaged';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Private mode, storage off or full: the record lasts for this visit.
  }
}

/** Reads the saved record into the store, then saves every change. Returns the unsubscribe. */
export async function persistRecord(store: RecordStore): Promise<() => void> {
  const saved = read(RECORD_KEY);
  const earlierDamage = read(DAMAGED_KEY);
  if (saved === null) {
    store.getState().loaded(emptyRecord(), earlierDamage === null ? null : { raw: earlierDamage });
  } else {
    const { parseRecord } = await import('../store/recordSchema');
    const parsed = parseRecord(saved);
    if (parsed.ok) {
      store.getState().loaded(parsed.data, earlierDamage === null ? null : { raw: earlierDamage });
    } else {
      write(DAMAGED_KEY, saved);
      store.getState().loaded(emptyRecord(), { raw: saved });
    }
  }
  write(RECORD_KEY, JSON.stringify(pickRecord(store.getState())));
  return store.subscribe((state, prev) => {
    if (state.status !== 'ready') return;
    if (state.damaged === null && prev.damaged !== null) write(DAMAGED_KEY, null);
    if (state.stamps !== prev.stamps || state.opened !== prev.opened || state.quizzes !== prev.quizzes || state.certificates !== prev.certificates) {
      write(RECORD_KEY, JSON.stringify(pickRecord(state)));
    }
  });
}
