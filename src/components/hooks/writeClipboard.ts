/**
 * Puts text on the clipboard. Resolves false, never throws, where the browser refuses (no
 * Clipboard API, no permission, an insecure page): the caller then shows the text selected.
 */
export async function writeClipboard(text: string): Promise<boolean> {
  try {
    if (!navigator.clipboard) return false;
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
