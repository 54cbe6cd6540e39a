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

export { FOV_MAX, FOV_MIN, LANGS, type Lang };

const text = (lang: string) =>
  z
    .string({ error: (iss) => (iss.input === undefined ? `the ${lang} text is missing` : `the ${lang} text must be a string in quotes`) })
    .refine((s) => s.trim().length > 0, { message: `the ${lang} text is empty` });

/** A text shown to visitors, in every language the tour speaks. */
export const localizedText = z.strictObject(
  { zh: text('Chinese (zh)'), en: text('English (en)') },
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

export const stop = z.strictObject({
  id,
  name: localizedText,
  summary: localizedText,
  textBasis,
  panorama,
  initialView: view,
  hotspots: z.array(hotspot),
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
});
export type College = z.infer<typeof college>;


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
});
export type TourStep = z.infer<typeof tourStep>;

export const tour = z.strictObject({
  id,
  title: localizedText,
  summary: localizedText,
  steps: z.array(tourStep).min(1, { message: 'a tour needs at least one step' }),
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
