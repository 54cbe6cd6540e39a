/**
 * The delegate's participation record ("Delegation passport"): the stops visited (stamps), the info
 * hotspots opened on each (a stamp earns its ring when every one is), the best quiz result of each
 * tour, and the certificates the server issued. No account: it lives in the browser
 * (src/app/recordPersistence.ts keeps it in localStorage) and can be exported, imported and erased.
 *
 * Made like the other stores: a factory over zustand's framework-free `createStore`, plain
 * serializable data, actions that only set it; one per app (src/app/main.tsx), a fresh one per test.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';

/** A stop's key in the record: `campusId/stopId` (stop ids are unique only within a campus). */
export const stopKey = (campusId: string, stopId: string) => `${campusId}/${stopId}`;

/** What the server answered for a quiz attempt (POST /api/quiz/:tourId/attempts), and when. */
export interface QuizResult {
  attemptId: string;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
  /** ISO 8601. */
  at: string;
}

/** A certificate the server issued (POST /api/certificates): its code and the fields it signed. */
export interface IssuedCertificate {
  code: string;
  name: string;
  tourId: string;
  score: number;
  total: number;
  percent: number;
  issuedAt: string;
  lang: 'zh' | 'en';
}

export interface RecordData {
  version: 1;
  /** By stop key: when the stop was first visited (ISO 8601). */
  stamps: Record<string, { visitedAt: string }>;
  /** By stop key: the ids of the info hotspots opened there. */
  opened: Record<string, string[]>;
  /** By tour id: the best attempt (a pass is never replaced by a lower score). */
  quizzes: Record<string, QuizResult>;
  certificates: IssuedCertificate[];
}

export interface RecordState extends RecordData {
  /** 'loading' until the saved record has been read: nothing is saved over it before then. */
  status: 'loading' | 'ready';
  /** The saved record could not be read: what was there is kept, and the passport says so. */
  damaged: { raw: string } | null;
}

export interface RecordActions {
  /** Stamps a stop; a stop keeps the date of its first visit. */
  stamp(campusId: string, stopId: string, at: Date): void;
  openedHotspot(campusId: string, stopId: string, hotspotId: string): void;
  quizResult(tourId: string, result: QuizResult): void;
  addCertificate(certificate: IssuedCertificate): void;
  /** The saved record has been read (or found damaged). */
  loaded(data: RecordData, damaged?: { raw: string } | null): void;
  /** Replaces the whole record (an import the delegate confirmed). */
  replace(data: RecordData): void;
  /** Forgets the damaged copy (the delegate downloaded or dismissed it). */
  dismissDamaged(): void;
  erase(): void;
}

export type RecordStore = StoreApi<RecordState & RecordActions>;

export const emptyRecord = (): RecordData => ({ version: 1, stamps: {}, opened: {}, quizzes: {}, certificates: [] });

/** The serializable record, without status and actions: what is saved and exported. */
export function pickRecord(s: RecordData): RecordData {
  return { version: 1, stamps: s.stamps, opened: s.opened, quizzes: s.quizzes, certificates: s.certificates };
}

/** Which of two results a tour keeps: a pass over a fail, then the higher score, then the later. */
export function betterResult(a: QuizResult | undefined, b: QuizResult): QuizResult {
  if (!a) return b;
  if (a.passed !== b.passed) return a.passed ? a : b;
  return b.percent >= a.percent ? b : a;
}

/** Two records as one: every stamp (the earlier date), every hotspot opened, the better quiz result, every certificate. */
export function mergeRecords(a: RecordData, b: RecordData): RecordData {
  const stamps = { ...a.stamps };
  for (const [key, stamp] of Object.entries(b.stamps)) {
    const had = stamps[key];
    if (!had || stamp.visitedAt < had.visitedAt) stamps[key] = stamp;
  }
  const opened = { ...a.opened };
  for (const [key, ids] of Object.entries(b.opened)) opened[key] = [...new Set([...(opened[key] ?? []), ...ids])];
  const quizzes = { ...a.quizzes };
  for (const [tourId, result] of Object.entries(b.quizzes)) quizzes[tourId] = betterResult(quizzes[tourId], result);
  const codes = new Set(a.certificates.map((c) => c.code));
  const certificates = [...a.certificates, ...b.certificates.filter((c) => !codes.has(c.code))];
  return { version: 1, stamps, opened, quizzes, certificates };
}

export function createRecordStore(initial: RecordData = emptyRecord(), status: RecordState['status'] = 'ready'): RecordStore {
  return createStore<RecordState & RecordActions>()((set) => ({
    ...pickRecord(initial),
    status,
    damaged: null,
    stamp: (campusId, stopId, at) =>
      set((s) => {
        const key = stopKey(campusId, stopId);
        return s.stamps[key] ? {} : { stamps: { ...s.stamps, [key]: { visitedAt: at.toISOString() } } };
      }),
    openedHotspot: (campusId, stopId, hotspotId) =>
      set((s) => {
        const key = stopKey(campusId, stopId);
        const had = s.opened[key] ?? [];
        return had.includes(hotspotId) ? {} : { opened: { ...s.opened, [key]: [...had, hotspotId] } };
      }),
    quizResult: (tourId, result) => set((s) => ({ quizzes: { ...s.quizzes, [tourId]: betterResult(s.quizzes[tourId], result) } })),
    addCertificate: (certificate) =>
      set((s) => ({ certificates: [...s.certificates.filter((c) => c.code !== certificate.code), certificate] })),
    // What happened before the saved record was read (a stamp in the first moments) is kept too.
    loaded: (data, damaged = null) => set((s) => ({ ...mergeRecords(data, pickRecord(s)), status: 'ready', damaged })),
    replace: (data) => set({ ...pickRecord(data) }),
    dismissDamaged: () => set({ damaged: null }),
    erase: () => set({ ...emptyRecord() }),
  }));
}
