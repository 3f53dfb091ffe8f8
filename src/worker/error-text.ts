import { ConfigError } from '../engine/config';

/** The message of anything thrown, for a line on the page (a refused configuration lists its problems). */
export function errorText(e: unknown): string {
  if (e instanceof ConfigError) return e.problems.join('; ');
  return e instanceof Error ? e.message : String(e);
}
