/**
 * fontkit 2 in the shape pdf-lib 1.17 expects of its `fontkit`: pdf-lib reads a subset through a
 * stream (`encodeStream().on('data'|'end'|'error')`), fontkit 2 encodes it in one call. We use
 * fontkit 2 and not @pdf-lib/fontkit (fontkit 1) because the older one's subset of the Chinese font
 * drew only the first few characters of a line (checked with poppler); fontkit 2's draws them all,
 * and its layout shapes Arabic (joining forms, right to left) as pdf-lib writes the glyphs.
 */
import * as fontkit from 'fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

type Listener = (value?: unknown) => void;

function withStream<S extends { encode(): Uint8Array }>(subset: S) {
  return Object.assign(subset, {
    encodeStream() {
      const on: Record<string, Listener> = {};
      const api = {
        on(event: string, listener: Listener) {
          on[event] = listener;
          // pdf-lib attaches 'data', 'end' and 'error' in that order, all at once.
          if (event === 'error') {
            queueMicrotask(() => {
              try {
                on.data?.(subset.encode());
                on.end?.();
              } catch (error) {
                on.error?.(error);
              }
            });
          }
          return api;
        },
      };
      return api;
    },
  });
}

export const fontkitForPdfLib = {
  create(data: Uint8Array) {
    const font = fontkit.create(data as Buffer);
    if (!('createSubset' in font)) throw new Error('a font collection is not a font');
    const createSubset = font.createSubset.bind(font);
    return Object.assign(font, { createSubset: () => withStream(createSubset()) });
  },
} as unknown as Fontkit;
