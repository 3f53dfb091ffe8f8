import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { MAX_SCENARIO_BYTES, parseScenario, type Scenario } from '../engine/scenario';

/**
 * The file-system calls the loader makes (tests inject failures that root cannot provoke).
 * The file is opened once and everything is asked of that descriptor, so what is checked is
 * what is read.
 */
export interface ScenarioFs {
  openSync(path: string, flags: number): number;
  fstatSync(fd: number): { isFile(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean; size: number };
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number | null): number;
  closeSync(fd: number): void;
}

const NODE_FS: ScenarioFs = { openSync, fstatSync, readSync, closeSync };

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

/** What a path that is not a regular file is, in words ("a FIFO (named pipe)", …). */
function kindOf(st: ReturnType<ScenarioFs['fstatSync']>): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a FIFO (named pipe)';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

const tooLarge = (size: string): string => `file too large (${size}; at most ${num(MAX_SCENARIO_BYTES)})`;

/**
 * Reads at most MAX_SCENARIO_BYTES + 1 bytes, whatever the file's size says: /proc files say 0
 * and grow, a file may grow while it is read. Returns null when there is more than the limit.
 */
function readCapped(fs: ScenarioFs, fd: number): Uint8Array | null {
  const buffer = new Uint8Array(MAX_SCENARIO_BYTES + 1);
  let length = 0;
  while (length < buffer.length) {
    const n = fs.readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return length > MAX_SCENARIO_BYTES ? null : buffer.subarray(0, length);
}

/**
 * Reads and validates a scenario file. Every failure is one line that names the file and,
 * for a malformed file, the JSON path of the first problem and what was expected there:
 *   --scenario s.json: $.actions[2].action.node: Too big: expected number to be <=9999999
 * Only a regular file is read (a FIFO would block, /dev/zero never ends), and never more than
 * the limit.
 */
export function loadScenarioFile(path: string, fs: ScenarioFs = NODE_FS): LoadResult {
  const fail = (why: string): LoadResult => ({ ok: false, message: `--scenario ${path}: ${why}` });
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, forever.
    fd = fs.openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    return fail(fsReason(e));
  }
  let bytes: Uint8Array | null;
  try {
    const st = fs.fstatSync(fd);
    if (st.isDirectory()) return fail('is a directory, not a scenario file');
    if (!st.isFile()) return fail(`is ${kindOf(st)}, not a regular file: a scenario is read from a regular file`);
    // Refused before reading: a scenario is small, and a huge file would only waste memory.
    if (st.size > MAX_SCENARIO_BYTES) return fail(tooLarge(`${num(st.size)} bytes`));
    bytes = readCapped(fs, fd);
  } catch (e) {
    return fail(fsReason(e));
  } finally {
    fs.closeSync(fd);
  }
  if (bytes === null) return fail(tooLarge(`it goes on past ${num(MAX_SCENARIO_BYTES)} bytes`));
  const result = parseScenario(new TextDecoder().decode(bytes));
  if (result.ok) return result;
  return fail(problemLine(result.problems));
}

/** The first problem as "$.path: message", and how many more there are. */
export function problemLine(problems: readonly { path: string; message: string }[]): string {
  const first = problems[0];
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
  return `${first.path}: ${first.message.split('\n')[0]}${more}`;
}
