/** Hands the browser a file to save. */
export function downloadBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  // The download holds its own reference by now; the URL is freed a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
