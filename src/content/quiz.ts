/**
 * Scoring a tour's quiz: pure, so the browser (feedback, score at the end) and the server (which
 * alone decides a pass that earns a certificate) count the same way.
 */
import type { QuizQuestion, Tour } from './schema';

/** A quiz is passed at this share of right answers or more. */
export const PASS_PERCENT = 60;

/** What a delegate answered, by question id: an option index for a choice, true/false for a statement. */
export type QuizAnswers = Readonly<Record<string, number | boolean>>;

export interface QuestionResult {
  id: string;
  /** What was answered; null when the question was left out. */
  given: number | boolean | null;
  /** The right answer (an option index, or true/false). */
  answer: number | boolean;
  correct: boolean;
}

export interface QuizScore {
  correct: number;
  total: number;
  /** Rounded to a whole percent, for showing; `passed` is decided on the exact share. */
  percent: number;
  passed: boolean;
  /** In the quiz's order. */
  perQuestion: QuestionResult[];
}

function isRight(question: QuizQuestion, given: number | boolean | undefined): boolean {
  // A boolean for a choice (or a number for a statement) is wrong, never coerced: `true == 1`.
  if (question.kind === 'choice') return typeof given === 'number' && given === question.answer;
  return typeof given === 'boolean' && given === question.answer;
}

/** Scores `answers` against the tour's quiz. A tour without a quiz scores 0 of 0, not passed. */
export function scoreQuiz(tour: Pick<Tour, 'quiz'>, answers: QuizAnswers): QuizScore {
  const questions = tour.quiz?.questions ?? [];
  const perQuestion = questions.map((q): QuestionResult => {
    const given = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    return { id: q.id, given: given ?? null, answer: q.answer, correct: isRight(q, given) };
  });
  const correct = perQuestion.filter((r) => r.correct).length;
  const total = questions.length;
  return {
    correct,
    total,
    percent: total === 0 ? 0 : Math.round((correct / total) * 100),
    passed: total > 0 && correct * 100 >= PASS_PERCENT * total,
    perQuestion,
  };
}
