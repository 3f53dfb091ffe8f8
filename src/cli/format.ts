import { meanFieldSeries, primaryBackupSeries } from '../engine/theory';
import type { MembershipSummary } from './membership-runner';
import type { MembershipTrialResult } from './membership-trial';
import type { Summary } from './runner';

const WIDTH = 120;

/**
 * One line whatever the message holds: control characters (a flag typed with a newline or an
 * escape sequence in it, a path with a tab) are shown escaped, \n, \u001b, never acted on.
 */
export function oneLine(message: string): string {
  // eslint-disable-next-line no-control-regex
  return message.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/**
 * 9 significant digits: drops float noise (0.0010000000000000005) yet resolves 1 node in 10^7.
 * Integers are printed exactly: a seed (up to 4294967295) or a count identifies a run, and
 * 4294967295 rounded to 4.29496730e9 would replay a different one.
 */
export const round9 = (x: number): number => (Number.isFinite(x) && !Number.isInteger(x) ? Number(x.toPrecision(9)) : x);

/**
 * The summary as one JSON object: indented like JSON.stringify(…, null, 2), except that an
 * object or array that fits on one line stays on one line and long number arrays (the
 * series) wrap, so the summary reads at a glance. Numbers are rounded by `round9`.
 */
export function formatJson(summary: Summary | MembershipSummary): string {
  return `${compact(JSON.parse(JSON.stringify(summary, (_k, v: unknown) => (typeof v === 'number' ? round9(v) : v))), '')}\n`;
}

function compact(value: unknown, indent: string): string {
  const flat = JSON.stringify(value);
  if (value === null || typeof value !== 'object' || indent.length + flat.length <= WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.every((v) => typeof v === 'number')) {
      const rows: string[] = [];
      let row = '';
      for (const v of value.map((x) => JSON.stringify(x))) {
        if (row && inner.length + row.length + v.length + 2 > WIDTH) {
          rows.push(row);
          row = '';
        }
        row += row ? `, ${v}` : v;
      }
      rows.push(row);
      return `[\n${rows.map((r) => inner + r).join(',\n')}\n${indent}]`;
    }
    return `[\n${value.map((v) => inner + compact(v, inner)).join(',\n')}\n${indent}]`;
  }
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{\n${entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compact(v, inner)}`).join(',\n')}\n${indent}}`;
}

/**
 * One header row and one row per round of the series: the simulated mean informed fraction
 * and, on the complete graph, the mean-field expectation for the same round (primary-backup:
 * its exact curve, min(1, (1 + b·r)/n), in a column of that name).
 */
export function formatCsv(summary: Summary): string {
  const series = summary.series ?? [];
  const c = summary.config;
  const rounds = Math.max(0, series.length - 1);
  const pb = c.protocol === 'primary-backup';
  const theory = pb ? primaryBackupSeries(c.nodes, c.fanout, rounds)
    : c.topology === 'complete' && c.protocol !== 'rumor' && c.protocol !== 'primary-backup'
      ? meanFieldSeries({ protocol: c.protocol, nodes: c.nodes, fanout: c.fanout, loss: c.loss }, rounds)
      : null;
  const lines = [theory ? `round,informed_mean,${pb ? 'primary_backup' : 'mean_field'}` : 'round,informed_mean'];
  series.forEach((x, r) => lines.push(theory ? `${r},${round9(x)},${round9(theory[r])}` : `${r},${round9(x)}`));
  return `${lines.join('\n')}\n`;
}

/** A finite number to 9 significant digits, or empty (undefined in this trial: no crash, never known). */
const cell = (x: number): string => (Number.isFinite(x) ? String(round9(x)) : '');

export const MEMBERSHIP_CSV_HEADER = 'trial,seed,rounds,detection,first_dead,dissemination,false_positives,refutations,suspicions,messages_per_node_round,bytes_per_node_round';

/** One membership trial as a CSV row (see MEMBERSHIP_CSV_HEADER); rates over the rounds after the warm-up. */
export function membershipCsvRow(trial: number, seed: number, r: MembershipTrialResult): string {
  const per = (x: number): number => (r.nodeRounds > 0 ? x / r.nodeRounds : NaN);
  return [trial, seed, r.rounds, cell(r.detection), cell(r.firstDead), cell(r.dissemination), r.falsePositives, r.refutations, r.suspicions, cell(per(r.sent)), cell(per(r.bytes))].join(',');
}
