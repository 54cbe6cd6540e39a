/** Copies a text to the clipboard; says whether it worked (a browser may refuse without a secure context). */
export async function copyText(text: string, fallbackField?: HTMLInputElement | HTMLTextAreaElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Older browsers and plain-http pages: select the field and let the visitor (or execCommand) copy it.
    if (!fallbackField) return false;
    fallbackField.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    }
  }
}
