/**
 * A tour's quiz: every content rule gives its own message at the question's JSON path (starting
 * from the valid fixture plus a tours.json with a valid quiz, changing one thing), and scoring counts
 * right answers the way the server and the quiz page both rely on.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetExistsIn, readContentFiles, readContent } from '../../../lib/content';
import { scoreQuiz } from '../../../src/content/quiz';
import type { Tour } from '../../../src/content/schema';
import { TOURS_FILE, formatIssue, validateContent, type ContentIssue } from '../../../src/content/validate';

const FIXTURE = path.join(process.cwd(), 'tests/fixtures/content/valid');
const t = (zh: string, en: string) => ({ zh, en });

interface QuestionJson {
  id: string;
  kind: string;
  prompt: { zh: string; en: string };
  options?: { zh: string; en: string }[];
  answer: unknown;
  explanation: { zh: string; en: string };
  cites: { step: unknown };
}

const choice = (id: string, answer: number, step = 1): QuestionJson => ({
  id,
  kind: 'choice',
  prompt: t(`问题${id}`, `Question ${id}`),
  options: [t('一', 'one'), t('二', 'two'), t('三', 'three')],
  answer,
  explanation: t('说明', 'Because.'),
  cites: { step },
});
const truefalse = (id: string, answer: boolean, step = 2): QuestionJson => ({
  id,
  kind: 'truefalse',
  prompt: t(`陈述${id}`, `Statement ${id}`),
  answer,
  explanation: t('说明', 'Because.'),
  cites: { step },
});

function validQuestions(): QuestionJson[] {
  return [choice('q1', 0), choice('q2', 2), truefalse('q3', true), truefalse('q4', false), choice('q5', 1, 2)];
}

function toursJson(questions: QuestionJson[] | undefined) {
  return {
    tours: [
      {
        id: 'walk',
        title: t('散步', 'A walk'),
        summary: t('两站', 'Two stops'),
        steps: [
          { campus: 'alpha', stop: 'gate', view: { yaw: 0, pitch: 0, fov: 80 }, narration: t('大门', 'The gate') },
          { campus: 'alpha', stop: 'hall', view: { yaw: 0, pitch: 0, fov: 80 }, narration: t('大厅', 'The hall') },
        ],
        ...(questions ? { quiz: { questions } } : {}),
      },
    ],
  };
}

function validate(change: (questions: QuestionJson[]) => void) {
  const questions = validQuestions();
  change(questions);
  const files = { ...readContentFiles(FIXTURE), [TOURS_FILE]: JSON.stringify(toursJson(questions)) };
  return validateContent(files, { assetExists: assetExistsIn(FIXTURE) });
}

function expectOnly(change: (questions: QuestionJson[]) => void, jsonPath: string, message: string | RegExp) {
  const result = validate(change);
  const issues: ContentIssue[] = result.ok ? [] : result.issues;
  expect(issues, issues.map(formatIssue).join('\n')).toHaveLength(1);
  expect(issues[0]?.file).toBe(TOURS_FILE);
  expect(issues[0]?.path).toBe(jsonPath);
  if (typeof message === 'string') expect(issues[0]?.message).toBe(message);
  else expect(issues[0]?.message).toMatch(message);
}

const Q = '$.tours[0].quiz.questions';

describe('quiz content checks', () => {
  it('a valid quiz passes, and a tour without one too', () => {
    expect(validate(() => {}).ok).toBe(true);
    const files = { ...readContentFiles(FIXTURE), [TOURS_FILE]: JSON.stringify(toursJson(undefined)) };
    expect(validateContent(files, { assetExists: assetExistsIn(FIXTURE) }).ok).toBe(true);
  });

  it('fewer than 5 or more than 8 questions', () => {
    expectOnly((qs) => qs.pop(), Q, 'a quiz has 5 to 8 questions');
    expectOnly((qs) => qs.push(choice('q6', 0), choice('q7', 0), choice('q8', 0), choice('q9', 0)), Q, 'a quiz has 5 to 8 questions');
  });

  it('a question id used twice', () => {
    expectOnly((qs) => (qs[3]!.id = 'q1'), `${Q}[3].id`, 'the question id "q1" is used twice in the quiz of tour "walk"');
  });

  it('two options that read the same, in either language', () => {
    expectOnly((qs) => (qs[1]!.options![2]!.en = ' One '), `${Q}[1].options[2].en`, 'two options read the same ("one"): the options of a question must differ');
    expectOnly((qs) => (qs[0]!.options![1]!.zh = '一'), `${Q}[0].options[1].zh`, /two options read the same \("一"\)/);
  });

  it('an answer that is not an option', () => {
    expectOnly((qs) => (qs[1]!.answer = 3), `${Q}[1].answer`, 'the answer 3 is not an option: options are numbered 0 to 2');
    expectOnly((qs) => (qs[0]!.answer = -1), `${Q}[0].answer`, 'the answer -1 is not an option: options are numbered 0 to 2');
  });

  it('a cited step the tour does not have', () => {
    expectOnly((qs) => (qs[2]!.cites.step = 3), `${Q}[2].cites.step`, 'the explanation cites step 3, but tour "walk" has 2 steps');
    expectOnly((qs) => (qs[2]!.cites.step = 0), `${Q}[2].cites.step`, 'cites.step counts from 1 (got 0)');
  });

  it('the wrong number of options, a wrong answer type, an unknown kind', () => {
    expectOnly((qs) => qs[0]!.options!.splice(2), `${Q}[0].options`, 'a choice question needs 3 to 4 options');
    expectOnly((qs) => qs[0]!.options!.push(t('四', 'four'), t('五', 'five')), `${Q}[0].options`, 'a choice question needs 3 to 4 options');
    expectOnly((qs) => (qs[2]!.answer = 'true'), `${Q}[2].answer`, /true\/false question is true or false/);
    expectOnly((qs) => (qs[0]!.answer = true), `${Q}[0].answer`, /index of the right option/);
    expectOnly((qs) => (qs[4]!.kind = 'essay'), `${Q}[4].kind`, /kind must be "choice" or "truefalse"/);
  });

  it('a question without its explanation in both languages', () => {
    expectOnly((qs) => delete (qs[0]!.explanation as Partial<{ en: string }>).en, `${Q}[0].explanation.en`, 'the English (en) text is missing');
  });
});

describe('the real tours each have a quiz of 5 to 8 questions', () => {
  it('every tour of assets/content', () => {
    const { tours } = readContent(process.cwd());
    expect(tours.length).toBeGreaterThan(0);
    for (const tour of tours) {
      const n = tour.quiz?.questions.length ?? 0;
      expect(n, tour.id).toBeGreaterThanOrEqual(5);
      expect(n, tour.id).toBeLessThanOrEqual(8);
    }
  });
});

describe('scoreQuiz', () => {
  const tour = toursJson(validQuestions()).tours[0] as unknown as Tour;
  const allRight = { q1: 0, q2: 2, q3: true, q4: false, q5: 1 };

  it('all right: 5 of 5, 100 %, passed, each question marked', () => {
    const score = scoreQuiz(tour, allRight);
    expect(score).toMatchObject({ correct: 5, total: 5, percent: 100, passed: true });
    expect(score.perQuestion.map((r) => [r.id, r.correct])).toEqual([['q1', true], ['q2', true], ['q3', true], ['q4', true], ['q5', true]]);
  });

  it('passes at 60 % and not below', () => {
    expect(scoreQuiz(tour, { ...allRight, q1: 1, q3: false })).toMatchObject({ correct: 3, percent: 60, passed: true });
    expect(scoreQuiz(tour, { ...allRight, q1: 1, q3: false, q4: true })).toMatchObject({ correct: 2, percent: 40, passed: false });
  });

  it('a missing answer is wrong and shown as null; the right answer is given back', () => {
    const score = scoreQuiz(tour, { q1: 0, q3: true, q4: false, q5: 1 });
    expect(score.correct).toBe(4);
    expect(score.perQuestion[1]).toEqual({ id: 'q2', given: null, answer: 2, correct: false });
  });

  it('an answer of the wrong type is wrong, never coerced (true is not option 1)', () => {
    const score = scoreQuiz(tour, { ...allRight, q5: true, q3: 1 });
    expect(score.perQuestion[4]?.correct).toBe(false);
    expect(score.perQuestion[2]?.correct).toBe(false);
    expect(score.correct).toBe(3);
  });

  it('answers to questions the quiz does not have count for nothing', () => {
    expect(scoreQuiz(tour, { x1: 0, x2: 1, x3: true })).toMatchObject({ correct: 0, total: 5, passed: false });
    expect(scoreQuiz(tour, { toString: 0 } as Record<string, number>).correct).toBe(0);
  });

  it('a tour without a quiz: 0 of 0, not passed', () => {
    expect(scoreQuiz({}, {})).toEqual({ correct: 0, total: 0, percent: 0, passed: false, perQuestion: [] });
  });
});
