/**
 * The checks on tour steps' questions that the schema cannot express: ids unique in their tour
 * (the live session names a question by tour and id), distinct options, correct answers that
 * point at an option, and a single-answer question with exactly one.
 */
import type { Tour } from '../schema';
import type { ContentIssue } from '../issues';

/** Index → value of every value seen before at a lower index. */
function duplicates(values: readonly string[]): Map<number, string> {
  const seen = new Set<string>();
  const dupes = new Map<number, string>();
  values.forEach((value, index) => {
    if (seen.has(value)) dupes.set(index, value);
    seen.add(value);
  });
  return dupes;
}

/** Adds an issue for every broken question of every tour; `file` is the tours file. */
export function checkStepQuestions(file: string, tours: readonly Tour[], issues: ContentIssue[]): void {
  const add = (path: string, message: string) => issues.push({ file, path, message });
  tours.forEach((tour, ti) => {
    const seenIds = new Set<string>();
    tour.steps.forEach((step, si) => {
      (step.questions ?? []).forEach((q, qi) => {
        const at = `$.tours[${ti}].steps[${si}].questions[${qi}]`;
        if (seenIds.has(q.id)) add(`${at}.id`, `the question id "${q.id}" is used twice in tour "${tour.id}"`);
        seenIds.add(q.id);

        for (const lang of ['zh', 'en'] as const) {
          for (const [oi, dup] of duplicates(q.options.map((o) => o[lang].trim()))) {
            add(`${at}.options[${oi}].${lang}`, `the option "${dup}" is given twice in this question`);
          }
        }

        const inRange = q.correct.filter((c, ci) => {
          if (c >= 0 && c < q.options.length) return true;
          add(`${at}.correct[${ci}]`, `${c} is not an option: options are numbered 0 to ${q.options.length - 1}`);
          return false;
        });
        for (const [ci, dup] of duplicates(q.correct.map(String))) {
          add(`${at}.correct[${ci}]`, `the option ${dup} is listed as correct twice`);
        }
        if (!q.multiple && q.correct.length !== 1) {
          add(`${at}.correct`, `a single-answer question (multiple: false) has exactly one correct option, not ${q.correct.length}`);
        } else if (q.multiple && inRange.length > 0 && new Set(inRange).size === q.options.length) {
          // Every option right teaches nothing and makes a poll's result meaningless.
          add(`${at}.correct`, 'at least one option must be wrong');
        }
      });
    });
  });
}
