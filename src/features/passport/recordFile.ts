/** The record as a file: what an import would change, and saving a file the browser downloads. */
import { mergeRecords, type RecordData } from '../../store/recordStore';

export interface RecordCounts {
  stamps: number;
  quizzes: number;
  certificates: number;
}

export const countsOf = (r: RecordData): RecordCounts => ({
  stamps: Object.keys(r.stamps).length,
  quizzes: Object.keys(r.quizzes).length,
  certificates: r.certificates.length,
});

/** What the file adds to the passport now (merge), and what replacing the passport with it would remove. */
export function compareRecords(current: RecordData, incoming: RecordData): { adds: RecordCounts; loses: RecordCounts } {
  const merged = mergeRecords(current, incoming);
  const now = countsOf(current);
  const m = countsOf(merged);
  const codes = new Set(incoming.certificates.map((c) => c.code));
  return {
    adds: { stamps: m.stamps - now.stamps, quizzes: m.quizzes - now.quizzes, certificates: m.certificates - now.certificates },
    loses: {
      stamps: Object.keys(current.stamps).filter((k) => !incoming.stamps[k]).length,
      quizzes: Object.keys(current.quizzes).filter((k) => !incoming.quizzes[k]).length,
      certificates: current.certificates.filter((c) => !codes.has(c.code)).length,
    },
  };
}

export { downloadFile } from '../../components/downloadFile';
