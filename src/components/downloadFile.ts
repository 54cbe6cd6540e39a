/** Hands the browser a file to save (the CSV, JSON, PDF and PNG downloads of every page). */
export function downloadFile(name: string, body: Blob | BlobPart, type?: string): void {
  const blob = body instanceof Blob ? body : new Blob([body], type ? { type } : {});
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
