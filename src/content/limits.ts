/**
 * The languages the tour speaks and the field-of-view limits: plain values the app needs on every
 * page, kept apart from the schema so that the first page loads without zod.
 */
export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Horizontal field of view, degrees. */
export const FOV_MIN = 30;
export const FOV_MAX = 110;

/** Every id of the content (campus, stop, hotspot, tour) and of the URLs made from them: "main-gate". */
export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
