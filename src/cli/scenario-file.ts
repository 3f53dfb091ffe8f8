import { readFileSync, statSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, parseScenario, type Scenario } from '../engine/scenario';

/** The file-system calls the loader makes (tests inject failures that root cannot provoke). */
export interface ScenarioFs {
  statSync(path: string): { isDirectory(): boolean; size: number };
  readFileSync(path: string, encoding: 'utf8'): string;
}

export type LoadResult = { ok: true; scenario: Scenario } | { ok: false; message: string };

const num = (v: number): string => v.toLocaleString('en-US');

/** One line for an fs error: "no such file", "permission denied (EACCES)", … */
function fsReason(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return `cannot read the file: permission denied (${code})`;
  if (code === 'EISDIR') return 'is a directory, not a scenario file';
  const message = e instanceof Error ? e.message.split('\n')[0] : String(e);
  return `cannot read the file (${message})`;
}

/**
 * Reads and validates a scenario file. Every failure is one line that names the file and,
 * for a malformed file, the JSON path of the first problem and what was expected there:
 *   --scenario s.json: $.actions[2].action.node: Too big: expected number to be <=9999999
 */
export function loadScenarioFile(path: string, fs: ScenarioFs = { statSync, readFileSync }): LoadResult {
  const fail = (why: string): LoadResult => ({ ok: false, message: `--scenario ${path}: ${why}` });
  let size: number;
  try {
    const st = fs.statSync(path);
    if (st.isDirectory()) return fail('is a directory, not a scenario file');
    size = st.size;
  } catch (e) {
    return fail(fsReason(e));
  }
  // Refused before reading: a scenario is small, and a huge file would only waste memory.
  if (size > MAX_SCENARIO_BYTES) return fail(`file too large (${num(size)} bytes; at most ${num(MAX_SCENARIO_BYTES)})`);
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    return fail(fsReason(e));
  }
  const result = parseScenario(text);
  if (result.ok) return result;
  return fail(problemLine(result.problems));
}

/** The first problem as "$.path: message", and how many more there are. */
export function problemLine(problems: readonly { path: string; message: string }[]): string {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${first.path}: ${first.message.split('\n')[0]}${more}`;
}
