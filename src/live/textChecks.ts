/**
 * What people type that a screen must not show as typed: control characters (besides the line
 * breaks a question may have) and the bidi overrides, embeddings and isolates that would turn
 * the text around it (the guide's list) backwards. Pure, for both the app (a clear message before
 * sending) and the relay (the same check again).
 */

/** U+202A–U+202E (embeddings, overrides) and U+2066–U+2069 (isolates). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** C0/C1 controls, and the line and paragraph separators (they break a line like a control). */
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

export const hasBidiControl = (text: string): boolean => BIDI_CONTROL.test(text);

/** `allowNewlines`: line feeds (a question's lines) are not counted as controls. */
export const hasControl = (text: string, allowNewlines = false): boolean => CONTROL.test(allowNewlines ? text.replace(/\n/g, '') : text);

/** Characters as a person counts them (code points, so 汉 and 😀 are one each). */
export const characterCount = (text: string): number => Array.from(text).length;
