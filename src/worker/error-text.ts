/** The message of anything thrown, for a line on the page. */
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
