import { hasRunLink } from './run-link';

/**
 * The page's own URL as a share link holds it: the run in the fragment, which never reaches a
 * server. Guarded, as browsers may refuse history changes (sandboxed frames, file: URLs).
 */
export function linkUrl(hash: string): string {
  const { origin, pathname, search } = window.location;
  return `${origin === 'null' ? '' : origin}${pathname}${search}${hash}`;
}

export function showInAddressBar(url: string): void {
  try {
    window.history.replaceState(window.history.state, '', url);
  } catch {
    // The link is still in the clipboard or in the notice.
  }
}

/** Takes the run out of the address bar once the page has moved on from it. */
export function clearRunFromAddressBar(): void {
  if (!hasRunLink(window.location.hash)) return;
  showInAddressBar(`${window.location.pathname}${window.location.search}`);
}

/** Copies text to the clipboard; false when the browser refuses (no permission, insecure page). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
