/**
 * Where this app serves a character's stroke-order data (copied from hanzi-writer-data at build,
 * vite.config.ts): ASCII names, the character's code point in hex, so no server or cache has to
 * agree on how to encode a Chinese file name.
 */
export const hanziPath = (char: string) => `/hanzi/${char.codePointAt(0)!.toString(16)}.json`;
