/**
 * The record's shape as zod checks it: a saved record when the app starts, an imported file. Loaded
 * only then (a dynamic import), so zod stays off the welcome page.
 */
import { z } from '../content/zod';
import type { RecordData } from './recordStore';

const KEY = /^[a-z0-9-]{1,64}\/[a-z0-9-]{1,64}$/;
const ID = /^[a-z0-9-]{1,64}$/;
const isoDate = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'not a date');

const quizResult = z.object({
  attemptId: z.string().min(1).max(200),
  correct: z.number().int().min(0).max(100),
  total: z.number().int().min(1).max(100),
  percent: z.number().min(0).max(100),
  passed: z.boolean(),
  at: isoDate,
});

const certificate = z.object({
  code: z.string().min(1).max(200),
  name: z.string().min(1).max(200),
  tourId: z.string().regex(ID),
  score: z.number().int().min(0).max(100),
  total: z.number().int().min(1).max(100),
  percent: z.number().min(0).max(100),
  issuedAt: isoDate,
  lang: z.enum(['zh', 'en']),
});

export const recordSchema = z.object({
  version: z.literal(1),
  stamps: z.record(z.string().regex(KEY), z.object({ visitedAt: isoDate })),
  opened: z.record(z.string().regex(KEY), z.array(z.string().regex(ID)).max(200)),
  quizzes: z.record(z.string().regex(ID), quizResult),
  certificates: z.array(certificate).max(500),
});

/** Where a record is wrong: the first problem's path and message, for a person to read. */
export type RecordParse = { ok: true; data: RecordData } | { ok: false; problem: 'json' | 'shape'; path: string; detail: string };

/** Reads a record from text (a saved record, an imported file). */
export function parseRecord(text: string): RecordParse {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'json', path: '', detail: error instanceof Error ? error.message : String(error) };
  }
  const result = recordSchema.safeParse(json);
  if (result.success) return { ok: true, data: result.data as RecordData };
  const issue = result.error.issues[0];
  return { ok: false, problem: 'shape', path: issue ? issue.path.join('.') : '', detail: issue?.message ?? '' };
}
