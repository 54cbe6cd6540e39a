/** Index → value of every value seen before at a lower index (shared by the content checks). */
export function findDuplicatesIn(values: readonly string[]): Map<number, string> {
  const seen = new Set<string>();
  const dupes = new Map<number, string>();
  values.forEach((value, index) => {
    if (seen.has(value)) dupes.set(index, value);
    seen.add(value);
  });
  return dupes;
}
