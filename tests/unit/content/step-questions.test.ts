/**
 * Questions on tour steps (the polls a guide can launch in a live session), as an editor meets
 * their checks: each broken fixture gives one problem, named by tours.json and its JSON path.
 * Cases start from the valid content fixture plus tests/fixtures/content/questions/tours.json.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { assetExistsIn, readContentFiles } from '../../../lib/content';
import { TOURS_FILE, formatIssue, validateContent } from '../../../src/content/validate';
import type { ContentIssue } from '../../../src/content/validate';

const ROOT = process.cwd();
const FIXTURE = path.join(ROOT, 'tests/fixtures/content/valid');
const TOURS = readFileSync(path.join(ROOT, 'tests/fixtures/content/questions/tours.json'), 'utf8');

interface Question {
  id: string;
  prompt: { zh: string; en: string };
  options: { zh: string; en: string }[];
  multiple: boolean;
  correct: number[];
}
interface Step {
  questions?: Question[];
}
interface Tours {
  tours: { id: string; steps: Step[] }[];
}

function files(change?: (tours: Tours) => void): Record<string, string> {
  const all = readContentFiles(FIXTURE);
  const json = JSON.parse(TOURS) as Tours;
  change?.(json);
  all[TOURS_FILE] = JSON.stringify(json);
  return all;
}

/** The first question of step `si`. */
function q(tours: Tours, si = 0): Question {
  const question = tours.tours[0]?.steps[si]?.questions?.[0];
  if (!question) throw new Error(`the fixture has no question at step ${si}`);
  return question;
}

function issuesOf(contentFiles: Record<string, string>): ContentIssue[] {
  const result = validateContent(contentFiles, { assetExists: assetExistsIn(FIXTURE) });
  return result.ok ? [] : result.issues;
}

function expectOnly(contentFiles: Record<string, string>, jsonPath: string, message: string | RegExp) {
  const issues = issuesOf(contentFiles);
  expect(issues, issues.map(formatIssue).join('\n')).toHaveLength(1);
  expect(issues[0]?.file).toBe(TOURS_FILE);
  expect(issues[0]?.path).toBe(jsonPath);
  if (typeof message === 'string') expect(issues[0]?.message).toBe(message);
  else expect(issues[0]?.message).toMatch(message);
}

const Q0 = '$.tours[0].steps[0].questions[0]';
const Q1 = '$.tours[0].steps[1].questions[0]';

describe('questions on tour steps', () => {
  it('the fixture with a single- and a multiple-answer question passes, and the questions reach the content', () => {
    const result = validateContent(files(), { assetExists: assetExistsIn(FIXTURE) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.content.tours[0]?.steps[1]?.questions?.[0]).toMatchObject({ id: 'hall-use', multiple: true, correct: [0, 1] });
  });

  it('a question id used twice in one tour, even at another step', () => {
    expectOnly(files((t) => (q(t, 1).id = 'campus-count')), `${Q1}.id`, 'the question id "campus-count" is used twice in tour "walk"');
  });

  it('the same id in two different tours is fine (a question is named by tour and id)', () => {
    const contentFiles = files((t) => {
      const copy = JSON.parse(JSON.stringify(t.tours[0])) as Tours['tours'][number];
      copy.id = 'walk-again';
      t.tours.push(copy);
    });
    expect(issuesOf(contentFiles).map(formatIssue)).toEqual([]);
  });

  it('two options with the same text in one language', () => {
    expectOnly(files((t) => (q(t).options[2]!.en = ' 2 ')), `${Q0}.options[2].en`, 'the option "2" is given twice in this question');
    expectOnly(files((t) => (q(t).options[0]!.zh = '2个')), `${Q0}.options[1].zh`, 'the option "2个" is given twice in this question');
  });

  it('a correct index past the last option, or below 0', () => {
    expectOnly(files((t) => (q(t).correct = [3])), `${Q0}.correct[0]`, '3 is not an option: options are numbered 0 to 2');
    expectOnly(files((t) => (q(t, 1).correct = [0, -1])), `${Q1}.correct[1]`, '-1 is not an option: options are numbered 0 to 2');
  });

  it('a correct answer that is not a whole number', () => {
    expectOnly(files((t) => (q(t).correct = [1.5])), `${Q0}.correct[0]`, /index of an option/);
  });

  it('a single-answer question with two correct options, or none', () => {
    expectOnly(
      files((t) => (q(t).correct = [0, 1])),
      `${Q0}.correct`,
      'a single-answer question (multiple: false) has exactly one correct option, not 2',
    );
    expectOnly(files((t) => (q(t).correct = [])), `${Q0}.correct`, 'a question needs at least one correct option');
  });

  it('the same option listed as correct twice', () => {
    expectOnly(files((t) => (q(t, 1).correct = [0, 1, 1])), `${Q1}.correct[2]`, 'the option 1 is listed as correct twice');
  });

  it('a multiple-answer question whose every option is correct', () => {
    expectOnly(files((t) => (q(t, 1).correct = [0, 1, 2])), `${Q1}.correct`, 'at least one option must be wrong');
  });

  it('fewer than 2 or more than 6 options', () => {
    expectOnly(
      files((t) => {
        q(t).options = [{ zh: '2个', en: '2' }];
        q(t).correct = [0];
      }),
      `${Q0}.options`,
      'a question needs at least 2 options',
    );
    expectOnly(
      files((t) => (q(t).options = Array.from({ length: 7 }, (_, i) => ({ zh: `${i}个`, en: String(i) })))),
      `${Q0}.options`,
      'a question has at most 6 options',
    );
  });

  it('an option missing a language, and a prompt too long to read on a phone', () => {
    expectOnly(files((t) => delete (q(t).options[1] as Partial<Question['options'][number]>).en), `${Q0}.options[1].en`, 'the English (en) text is missing');
    expectOnly(files((t) => (q(t).prompt.zh = '问'.repeat(201))), `${Q0}.prompt`, 'a prompt is at most 200 characters in each language');
  });

  it('multiple given as a string, and an unknown field', () => {
    expectOnly(files((t) => ((q(t) as unknown as Record<string, unknown>).multiple = 'yes')), `${Q0}.multiple`, /multiple must be true or false/);
    expectOnly(files((t) => ((q(t) as unknown as Record<string, unknown>).answer = 1)), Q0, 'unknown field "answer" (check the spelling)');
  });
});

describe('the project tours', () => {
  const tours = (JSON.parse(readContentFiles(ROOT)[TOURS_FILE]!) as Tours).tours;

  it('offer a question at every step of every tour, in both languages', () => {
    for (const tour of tours) {
      tour.steps.forEach((step, si) => expect(step.questions?.length ?? 0, `${tour.id} step ${si + 1}`).toBeGreaterThan(0));
    }
  });

  it('mark every multiple-answer question as such in its prompt, in both languages', () => {
    for (const question of tours.flatMap((t) => t.steps.flatMap((s) => s.questions ?? []))) {
      if (!question.multiple) continue;
      expect(question.prompt.zh).toContain('可多选');
      expect(question.prompt.en).toMatch(/Choose all/);
    }
  });
});
