/**
 * Runs of Chinese text that must not break across lines: a short bracketed note such as "（B档）"
 * (a line that starts with "档）" reads as a mistake). They are returned as separate pieces, which
 * Text wraps in a no-break span; the text itself is unchanged.
 */
const SHORT_BRACKETED = /（[^（）]{1,6}）/g;

export function keepTogether(text: string): { text: string; together: boolean }[] {
  const pieces: { text: string; together: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(SHORT_BRACKETED)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index), together: false });
    pieces.push({ text: match[0], together: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last), together: false });
  return pieces;
}
