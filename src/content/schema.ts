/**
 * The content schema: the single source of every content type (`z.infer` below).
 *
 * Conventions that the college's editors rely on:
 * - Every user-visible text is `{ zh, en }`; Chinese is the reference text.
 * - Angles are degrees. yaw: 0 is the centre of the panorama image, positive turns right,
 *   range [-180, 180]. pitch: 0 is the horizon, positive looks up, range [-90, 90].
 *   fov is the horizontal field of view, range [30, 110].
 * - Text that does not come from the college's profile is marked `textBasis: "descriptive"`
 *   so the international office can review it; `"seed"` text states facts from the profile.
 */
import { z } from './zod';
import { FOV_MAX, FOV_MIN, ID_PATTERN, LANGS, PITCH_MAX, PITCH_MIN, YAW_MAX, YAW_MIN, type Lang } from './limits';
import {
  QUESTION_OPTION_MAX,
  QUESTION_OPTIONS_MAX,
  QUESTION_OPTIONS_MIN,
  QUESTION_PROMPT_MAX,
  QUESTIONS_PER_STEP_MAX,
} from './questionLimits';

export { FOV_MAX, FOV_MIN, LANGS, type Lang };

const text = (lang: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `the ${lang} text is missing` : `the ${lang} text must be a string in quotes`) })
    .refine((s) => s.trim().length > 0, { message: `the ${lang} text is empty` });

/**
 * Pinyin overrides: Chinese word → its reading, one syllable with tone marks per character, e.g.
 * { "重庆": "chóng qìng" }. The build reads every Chinese text with pinyin-pro (lib/pinyin.ts);
 * these correct it for polyphones and names.
 */
export const pinyinOverrides = z.record(
  z.string().regex(/^\p{Script=Han}+$/u, { message: 'an override\'s word is Chinese characters only' }),
  z.string().regex(/^[a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ]+( [a-zA-ZāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüÜ]+)*$/u, {
    message: 'a reading is pinyin syllables with tone marks, one per character, separated by spaces (like "chóng qìng")',
  }),
);
export type PinyinOverrides = z.infer<typeof pinyinOverrides>;

/** A text shown to visitors, in every language the tour speaks. */
export const localizedText = z.strictObject(
  {
    zh: text('Chinese (zh)'),
    en: text('English (en)'),
    /** Pinyin overrides for this text alone (the root's `pinyin` applies everywhere). */
    pinyin: pinyinOverrides.optional(),
  },
  {
    error: (iss) =>
      iss.input === undefined ? 'this text is missing' : 'a text needs both languages: { "zh": "…", "en": "…" }',
  },
);
export type LocalizedText = z.infer<typeof localizedText>;

export const id = z
  .string({ error: 'an id is missing' })
  .regex(ID_PATTERN, {
    message: 'an id is lowercase letters, digits and single dashes, like "main-gate"',
  });

const degrees = (name: string, min: number, max: number) =>
  z
    .number({ error: `${name} must be a number of degrees` })
    .min(min, { message: `${name} must be between ${min} and ${max} degrees` })
    .max(max, { message: `${name} must be between ${min} and ${max} degrees` });

export const yaw = degrees('yaw', YAW_MIN, YAW_MAX);
export const pitch = degrees('pitch', PITCH_MIN, PITCH_MAX);
export const fov = degrees('fov', FOV_MIN, FOV_MAX);

/** Where the camera looks: yaw and pitch of the centre of the screen, horizontal field of view. */
export const view = z.strictObject({ yaw, pitch, fov });
export type View = z.infer<typeof view>;

/** A labelled fact, e.g. { label: "Founded", value: "1956" }. */
export const fact = z.strictObject({ label: localizedText, value: localizedText });
export type Fact = z.infer<typeof fact>;

export const textBasis = z.enum(['seed', 'descriptive'], {
  message: 'textBasis must be "seed" (facts from the college profile) or "descriptive"',
});

const hotspotBase = { id, yaw, pitch };

/** Opens a panel with a title, paragraphs and key facts. */
export const infoHotspot = z.strictObject({
  ...hotspotBase,
  kind: z.literal('info'),
  title: localizedText,
  body: z.array(localizedText).min(1, { message: 'an info hotspot needs at least one paragraph' }),
  facts: z.array(fact).optional(),
  textBasis,
});

/** Takes the visitor to another stop of the same campus. */
export const linkHotspot = z.strictObject({
  ...hotspotBase,
  kind: z.literal('link'),
  /** Id of a stop on the same campus. */
  target: id,
  /** The view on arrival; the target stop's initial view when left out. */
  arrive: view.optional(),
});

export const hotspot = z.discriminatedUnion('kind', [infoHotspot, linkHotspot], {
  error: 'a hotspot\'s kind must be "info" or "link"',
});
export type InfoHotspot = z.infer<typeof infoHotspot>;
export type LinkHotspot = z.infer<typeof linkHotspot>;
export type Hotspot = z.infer<typeof hotspot>;

/** How a panorama was made: a photograph, or a rendering (labelled as an illustration). */
export const imageSource = z.enum(['photo', 'rendered', 'placeholder'], {
  message: 'source must be "photo", "rendered" or "placeholder"',
});

export const panorama = z.strictObject({
  /** Path of the equirectangular master under assets/, e.g. "panoramas/yubei-main-gate.jpg". */
  master: z.string().regex(/^panoramas\/[a-z0-9-]+\.jpg$/, {
    message: 'master must be a JPEG under panoramas/, like "panoramas/yubei-main-gate.jpg"',
  }),
  source: imageSource,
});

/** Parts of speech a vocabulary word may have. */
export const PARTS_OF_SPEECH = ['noun', 'verb', 'adjective', 'adverb', 'measure word', 'phrase'] as const;

/**
 * HSK 3.0 levels as the standard publishes them: 1–6 one by one, then 7–9 as one band; "beyond"
 * for a word none of its lists holds.
 */
export const HSK_LEVELS = [1, 2, 3, 4, 5, 6, '7-9', 'beyond'] as const;
export type HskLevel = (typeof HSK_LEVELS)[number];

/**
 * A word a visitor meets at a stop. `hsk`: its HSK 3.0 level, checked against the published lists
 * by `content:check` (lib/checks/hsk.ts).
 */
export const vocabularyWord = z.strictObject({
  zh: z.string().regex(/^\p{Script=Han}+$/u, { message: 'a word is Chinese characters only' }),
  /** With tone marks, as a dictionary writes it: "túshūguǎn". */
  pinyin: z.string().min(1, { message: 'the pinyin is empty' }),
  en: text('English (en)'),
  pos: z.enum(PARTS_OF_SPEECH, { message: `pos must be one of ${PARTS_OF_SPEECH.map((p) => `"${p}"`).join(', ')}` }),
  hsk: z.literal(HSK_LEVELS, {
    error: (issue) =>
      `${issue.input === undefined ? 'the word has no HSK level' : 'not an HSK 3.0 level'}: write 1, 2, 3, 4, 5, 6, "7-9" or "beyond"`,
  }),
  /** One short sentence using the word; no facts about the college beyond its profile. */
  example: localizedText,
});
export type VocabularyWord = z.infer<typeof vocabularyWord>;

export const stop = z.strictObject({
  id,
  name: localizedText,
  summary: localizedText,
  textBasis,
  panorama,
  initialView: view,
  hotspots: z.array(hotspot),
  /** 4–8 words a visitor meets here (checked in src/content/checks/vocabulary.ts). Not in the app's main bundle: see vite.config.ts. */
  vocabulary: z.array(vocabularyWord).optional(),
  /**
   * Whether the view turns slowly on its own after 30 s without input (never under reduced motion,
   * in a tour, a live session or presenter mode). On when left out; `false` for a stop whose point
   * is one direction.
   */
  autorotate: z.boolean().optional(),
});
export type Stop = z.infer<typeof stop>;

export const campus = z.strictObject({
  id,
  name: localizedText,
  summary: localizedText,
  textBasis,
  /** The stop whose picture stands for the campus on the welcome page; also where a visit starts. */
  firstStop: id,
  stops: z.array(stop).min(1, { message: 'a campus needs at least one stop' }),
});
export type Campus = z.infer<typeof campus>;

export const aboutSection = z.strictObject({
  id,
  title: localizedText,
  body: z.array(localizedText).optional(),
  facts: z.array(fact).optional(),
  list: z.array(localizedText).optional(),
});
export type AboutSection = z.infer<typeof aboutSection>;

export const college = z.strictObject({
  name: localizedText,
  programme: localizedText,
  /** One paragraph for the welcome page. */
  welcome: localizedText,
  about: z.array(aboutSection).min(1, { message: 'the about page needs at least one section' }),
  /** Campus ids, in the order the welcome page shows them; each is a file campuses/<id>.json. */
  campuses: z.array(id).min(1, { message: 'list at least one campus' }),
  /** Pinyin overrides for every Chinese text of the content (names and polyphones): { "重庆": "chóng qìng" }. */
  pinyin: pinyinOverrides.optional(),
});
export type College = z.infer<typeof college>;


/** A localized text of at most `max` characters in each language (a question's prompt or option). */
const boundedText = (what: string, max: number) =>
  localizedText.refine((t) => t.zh.length <= max && t.en.length <= max, {
    message: `${what} is at most ${max} characters in each language`,
  });

/**
 * A question the guide can put to the delegates at this step of a live tour (a poll). Answers come
 * only from what the step's narration states. `correct` holds 0-based indices into `options`;
 * a single-answer question (`multiple: false`) has exactly one; checked in checks/questions.ts.
 */
export const stepQuestion = z.strictObject({
  /** Unique within its tour: the live session names the question by tour id and this id. */
  id,
  prompt: boundedText('a prompt', QUESTION_PROMPT_MAX),
  options: z
    .array(boundedText('an option', QUESTION_OPTION_MAX))
    .min(QUESTION_OPTIONS_MIN, { message: `a question needs at least ${QUESTION_OPTIONS_MIN} options` })
    .max(QUESTION_OPTIONS_MAX, { message: `a question has at most ${QUESTION_OPTIONS_MAX} options` }),
  /** true: the delegate ticks every option that applies (checkboxes); false: exactly one (radio buttons). */
  multiple: z.boolean({ error: 'multiple must be true or false' }),
  correct: z
    .array(z.number({ error: 'a correct answer is the index of an option (0 is the first)' }).int({ message: 'a correct answer is the index of an option (0 is the first)' }))
    .min(1, { message: 'a question needs at least one correct option' }),
});
export type StepQuestion = z.infer<typeof stepQuestion>;

/** One step of a guided tour: where to stand, where to look, what to say. */
export const tourStep = z.strictObject({
  campus: id,
  stop: id,
  view,
  /** An info hotspot of that stop whose panel opens at this step. */
  hotspot: id.optional(),
  /** Shown as captions and spoken, in the visitor's language. */
  narration: localizedText,
  /** For the presenter's notes window only. */
  notes: localizedText.optional(),
  /** Seconds before autoplay moves on when no voice reads the narration; estimated from its length when left out. */
  duration: z.number().min(2).max(120).optional(),
  /** Questions for the delegates of a live session at this step; the guide chooses whether to ask. */
  questions: z
    .array(stepQuestion)
    .max(QUESTIONS_PER_STEP_MAX, { message: `a step has at most ${QUESTIONS_PER_STEP_MAX} questions` })
    .optional(),
});
export type TourStep = z.infer<typeof tourStep>;

/** The fewest and most questions a tour's quiz has: enough to mean something, short enough to finish. */
export const QUIZ_MIN_QUESTIONS = 5;
export const QUIZ_MAX_QUESTIONS = 8;
export const CHOICE_MIN_OPTIONS = 3;
export const CHOICE_MAX_OPTIONS = 4;

/**
 * Where the tour told the fact a question asks about: a step number, counting from 1 as in the
 * tour's URL (`?step=3`), so the explanation can send the delegate back to it.
 */
export const quizCite = z.strictObject({
  step: z.number({ error: 'cites.step must be a step number' }).int({ message: 'cites.step must be a whole step number' }).min(1, { message: 'cites.step counts from 1' }),
});

const questionBase = {
  id,
  prompt: localizedText,
  /** Said after the delegate answers: why the answer is right, in the tour's words. */
  explanation: localizedText,
  cites: quizCite,
};

/** Pick one of 3–4 options; `answer` is the index (from 0) of the right one. */
export const choiceQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('choice'),
  options: z
    .array(localizedText)
    .min(CHOICE_MIN_OPTIONS, { message: `a choice question needs ${CHOICE_MIN_OPTIONS} to ${CHOICE_MAX_OPTIONS} options` })
    .max(CHOICE_MAX_OPTIONS, { message: `a choice question needs ${CHOICE_MIN_OPTIONS} to ${CHOICE_MAX_OPTIONS} options` }),
  answer: z.number({ error: 'the answer of a choice question is the index of the right option (from 0)' }).int({ message: 'the answer must be a whole option index' }),
});

/** A statement that is true or false; `answer` says which. */
export const trueFalseQuestion = z.strictObject({
  ...questionBase,
  kind: z.literal('truefalse'),
  answer: z.boolean({ error: 'the answer of a true/false question is true or false' }),
});

export const quizQuestion = z.discriminatedUnion('kind', [choiceQuestion, trueFalseQuestion], {
  error: 'a question\'s kind must be "choice" or "truefalse"',
});
export type ChoiceQuestion = z.infer<typeof choiceQuestion>;
export type TrueFalseQuestion = z.infer<typeof trueFalseQuestion>;
export type QuizQuestion = z.infer<typeof quizQuestion>;

/** The quiz at the end of a tour: questions only on facts the tour's own narration and panels state. */
export const quiz = z.strictObject({
  questions: z
    .array(quizQuestion)
    .min(QUIZ_MIN_QUESTIONS, { message: `a quiz has ${QUIZ_MIN_QUESTIONS} to ${QUIZ_MAX_QUESTIONS} questions` })
    .max(QUIZ_MAX_QUESTIONS, { message: `a quiz has ${QUIZ_MIN_QUESTIONS} to ${QUIZ_MAX_QUESTIONS} questions` }),
});
export type Quiz = z.infer<typeof quiz>;

export const tour = z.strictObject({
  id,
  title: localizedText,
  summary: localizedText,
  steps: z.array(tourStep).min(1, { message: 'a tour needs at least one step' }),
  /** Optional: a tour without one gives no quiz and no certificate. */
  quiz: quiz.optional(),
});
export type Tour = z.infer<typeof tour>;

/** assets/content/tours.json */
export const toursFile = z.strictObject({ tours: z.array(tour) });

/** Validated content, as the app uses it. */
export interface Content {
  college: College;
  campuses: Campus[];
  tours: Tour[];
}
