/** Fields where keys are text (or a value), so shortcuts must stay out of the way. */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['range', 'button', 'submit', 'checkbox', 'radio'].includes(target.type);
}

/** A key no page shortcut takes: typed into a field, or with a modifier (Ctrl+F is the browser's find). */
export function notAShortcut(e: KeyboardEvent): boolean {
  return e.altKey || e.ctrlKey || e.metaKey || isTextEntry(e.target);
}
