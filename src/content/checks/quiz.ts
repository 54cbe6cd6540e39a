/**
 * The checks of a tour's quiz that the schema cannot express: question ids unique in the quiz,
 * options distinct (in each language, so no two read the same and the right one is unambiguous),
 * the answer one of the options, and the cited step a step of the tour.
 */
import { findDuplicatesIn } from './duplicates';
import type { ContentIssue } from '../issues';
import type { Tour } from '../schema';

/** How editors may write the same option twice: case, spaces and full-width punctuation aside. */
const normalized = (text: string) => text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

export function checkQuiz(file: string, tour: Tour, at: string, issues: ContentIssue[]): void {
  if (!tour.quiz) return;
  const add = (path: string, message: string) => issues.push({ file, path, message });
  const questions = tour.quiz.questions;
  for (const [index, dup] of findDuplicatesIn(questions.map((q) => q.id))) {
    add(`${at}.quiz.questions[${index}].id`, `the question id "${dup}" is used twice in the quiz of tour "${tour.id}"`);
  }
  questions.forEach((q, qi) => {
    const here = `${at}.quiz.questions[${qi}]`;
    if (q.cites.step > tour.steps.length) {
      add(`${here}.cites.step`, `the explanation cites step ${q.cites.step}, but tour "${tour.id}" has ${tour.steps.length} steps`);
    }
    if (q.kind !== 'choice') return;
    if (q.answer < 0 || q.answer >= q.options.length) {
      add(`${here}.answer`, `the answer ${q.answer} is not an option: options are numbered 0 to ${q.options.length - 1}`);
    }
    for (const lang of ['zh', 'en'] as const) {
      for (const [index, dup] of findDuplicatesIn(q.options.map((o) => normalized(o[lang])))) {
        add(`${here}.options[${index}].${lang}`, `two options read the same ("${dup}"): the options of a question must differ`);
      }
    }
  });
}
