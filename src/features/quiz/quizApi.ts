/** The quiz's one call to the server, which scores the answers against the content and keeps the attempt. */
import type { QuizAnswers } from '../../content/quiz';

export interface QuizAttemptResult {
  attemptId: string;
  correct: number;
  total: number;
  percent: number;
  passed: boolean;
}

export async function submitQuiz(tourId: string, answers: QuizAnswers): Promise<QuizAttemptResult> {
  const response = await fetch(`/api/quiz/${encodeURIComponent(tourId)}/attempts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ answers }),
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  const body = (await response.json()) as Partial<QuizAttemptResult>;
  if (typeof body.attemptId !== 'string' || typeof body.correct !== 'number' || typeof body.total !== 'number' || typeof body.percent !== 'number' || typeof body.passed !== 'boolean') {
    throw new Error('unexpected answer');
  }
  return { attemptId: body.attemptId, correct: body.correct, total: body.total, percent: body.percent, passed: body.passed };
}
