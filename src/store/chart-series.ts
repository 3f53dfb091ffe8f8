import { meanFieldSeries, primaryBackupSeries } from '../engine/theory';
import type { RoundMetrics, SimConfig } from '../engine/types';
import { formatNumber, i18next } from '../i18n';
import { informedFraction } from './selectors';

export interface Point {
  round: number;
  fraction: number;
}

export interface MessagePoint {
  round: number;
  delivered: number;
  dropped: number;
  redundant: number;
}

/** Rounds of theory drawn at most (a lossy run can take very long to finish). */
const THEORY_MAX_ROUNDS = 400;

/**
 * Why a sparse graph spreads slower than the complete graph the reference curve is drawn for:
 * on it a node's peers are only its neighbours, so news must travel hop by hop.
 */
function whySlower(c: SimConfig, lng?: string): string {
  switch (c.topology) {
    case 'ring': return i18next.t('theory.slowerRing', { ns: 'charts', lng, peers: Math.max(2, 2 * Math.floor(c.degree / 2)) });
    case 'grid': return i18next.t('theory.slowerGrid', { ns: 'charts', lng });
    default: return i18next.t('theory.slowerRandom', { ns: 'charts', lng, degree: c.degree });
  }
}

export function informedPoints(history: readonly RoundMetrics[], key: number): Point[] {
  return history.map((m) => ({ round: m.round, fraction: informedFraction(m, key) }));
}

export function messagePoints(history: readonly RoundMetrics[]): MessagePoint[] {
  return history.map((m) => ({
    round: m.round,
    delivered: m.delivered,
    redundant: m.redundant,
    dropped: m.droppedLoss + m.droppedPartition + m.droppedDead,
  }));
}

export interface TheoryInput {
  config: SimConfig;
  /** The fanout in force when it differs from the configuration's (a setting action changed it). */
  fanout?: number;
  /** Newest version of the shown key (0 = none yet) and the round it was written in. */
  latest: number;
  since: number;
  loss: number;
  round: number;
  /** Live nodes now, and whether a partition is in place. */
  live: number;
  partitioned: boolean;
}

export interface TheoryCurve {
  theory: Point[] | null;
  /**
   * True when the curve is the complete graph's, drawn for comparison on a graph that has no
   * closed form (ring, grid, random); false when it is the run's own mean-field prediction.
   */
  reference: boolean;
  /** Shown under the chart: one or two short lines, so the chart keeps its height. */
  note: string | null;
  /** The whole explanation, for the chart's accessible summary (the note when null). */
  detail: string | null;
  /** The curve's legend when it is not the mean-field one (primary-backup's exact curve). */
  label?: string;
}

/**
 * The mean-field expected informed fraction, started at the round the newest version was
 * written, or a note saying why there is none (or what it assumes that the run breaks). On a
 * graph without a closed form it is the complete graph's curve, as a labelled reference. Its
 * words are in `lng` (the page's language when not given).
 */
export function theoryCurve(t: TheoryInput, lng?: string): TheoryCurve {
  const c = t.config;
  if (c.protocol === 'primary-backup') return primaryBackupCurve(t, lng);
  if (c.protocol !== 'push' && c.protocol !== 'pull' && c.protocol !== 'push-pull') {
    return { theory: null, reference: false, note: i18next.t('theory.none', { ns: 'charts', lng, protocol: i18next.t(`protocols:names.${c.protocol}`, { lng }) }), detail: null };
  }
  const reference = c.topology !== 'complete';
  if (t.latest === 0) return { theory: null, reference, note: i18next.t('theory.noUpdate', { ns: 'charts', lng }), detail: null };
  const model = { protocol: c.protocol, nodes: c.nodes, fanout: t.fanout ?? c.fanout, loss: t.loss };
  const theory = fromWrite(t, (rounds) => meanFieldSeries(model, rounds));
  const broken = t.partitioned
    ? i18next.t('theory.partitioned', { ns: 'charts', lng })
    : t.live < c.nodes ? i18next.t('theory.crashed', { ns: 'charts', lng }) : null;
  if (!reference) return { theory, reference, note: broken, detail: null };
  return {
    theory, reference,
    note: i18next.t(c.topology === 'random' ? 'theory.referenceRandom' : c.topology === 'ring' ? 'theory.referenceRing' : 'theory.referenceGrid', { ns: 'charts', lng }),
    detail: `${i18next.t('theory.referenceDetail', { ns: 'charts', lng, nodes: formatNumber(c.nodes) })} ${whySlower(c, lng)}${broken ? ` ${broken}` : ''}`,
  };
}

/**
 * A predicted curve from the round of the write: the whole of it (until everyone is expected to
 * know) or the rounds run so far, whichever is longer — the curve runs ahead of the simulation
 * as a prediction. `series(rounds)` gives rounds 0…rounds, or the whole curve without `rounds`.
 */
function fromWrite(t: TheoryInput, series: (rounds?: number) => number[]): Point[] {
  const span = Math.min(THEORY_MAX_ROUNDS, Math.max(t.round - t.since, 1));
  const whole = series();
  const values = whole.length - 1 >= span ? whole.slice(0, THEORY_MAX_ROUNDS + 1) : series(span);
  return values.map((fraction, i) => ({ round: t.since + i, fraction }));
}

/**
 * Primary-backup's exact curve, min(1, (1 + b·r)/n) from the round of the write, whatever the
 * graph (its primary addresses every replica directly): a curve, never a reference.
 */
function primaryBackupCurve(t: TheoryInput, lng?: string): TheoryCurve {
  const c = t.config;
  if (t.latest === 0) return { theory: null, reference: false, note: i18next.t('theory.noUpdate', { ns: 'charts', lng }), detail: null };
  const fanout = t.fanout ?? c.fanout;
  const theory = fromWrite(t, (rounds) => primaryBackupSeries(c.nodes, fanout, rounds));
  const delayed = c.delay.kind !== 'fixed' || c.delay.rounds !== 1;
  const broken = t.loss > 0 || delayed || t.partitioned || t.live < c.nodes;
  const note = i18next.t('protocols:primaryBackup.theoryNote', { fanout, lng });
  return {
    theory, reference: false, note: broken ? `${note} ${i18next.t('protocols:primaryBackup.theoryBroken', { lng })}` : note, detail: null,
    label: i18next.t('protocols:primaryBackup.theoryLegend', { lng }),
  };
}
