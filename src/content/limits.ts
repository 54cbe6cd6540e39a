/**
 * The languages the tour speaks and the limits of a view: plain values the app needs on every
 * page, kept apart from the schema so that the first page loads without zod. The content schema and
 * the live protocol both take their bounds from here.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Yaw, degrees: 0 is the centre of the panorama image, positive turns right. */
export const YAW_MIN = -180;
export const YAW_MAX = 180;
/** Pitch, degrees: 0 is the horizon, positive looks up. */
export const PITCH_MIN = -90;
export const PITCH_MAX = 90;
/** Horizontal field of view, degrees. */
export const FOV_MIN = 30;
export const FOV_MAX = 110;

/** Every id of the content (campus, stop, hotspot, tour) and of the URLs made from them: "main-gate". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
