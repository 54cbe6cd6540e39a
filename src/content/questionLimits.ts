/**
 * Bounds of a question a guide can ask the delegates at a tour step (content `questions`), kept
 * apart from the schema so a screen or the live protocol can read them without zod.
 */
/** Options of one question: at least two to choose from, at most what fits a phone's screen. */
export const QUESTION_OPTIONS_MIN = 2;
export const QUESTION_OPTIONS_MAX = 6;
/** Questions at one tour step: a handful the guide picks from, not a quiz (quizzes are per tour). */
export const QUESTIONS_PER_STEP_MAX = 5;
/** Characters of a question's prompt and of one option, per language: one reads them on a phone. */
export const QUESTION_PROMPT_MAX = 200;
export const QUESTION_OPTION_MAX = 100;
