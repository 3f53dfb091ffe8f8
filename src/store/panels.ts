import type { RoundMetrics, SimConfig } from '../engine/types';
import { versionCodec, type VersionCodec } from '../engine/versions';
import { i18next } from '../i18n';
import { versionLabel } from '../view/version-label';

const t = i18next.t;
import type { SpreadStats, WriteRecord } from '../worker/protocol';
import type { HealOutcome } from './run-slice';

/** Demers et al.'s measures of the shown key's rumor, live. */
export interface RumorFigures {
  infective: number;
  removed: number;
  /** Live nodes that have never held the newest version. */
  uninformed: number;
  live: number;
  /** uninformed / live. */
  residue: number;
  /** Update-carrying messages per node since the newest version was written. */
  trafficPerNode: number;
  tAve: number | null;
  tLast: number | null;
  /** The round the rumor died out, or null while it spreads. */
  endedAt: number | null;
  antiEntropy: number;
  hasUpdate: boolean;
}

export function rumorFigures(
  config: SimConfig, last: RoundMetrics | null, spread: SpreadStats | undefined, key: number, endedAt: number | null,
): RumorFigures | null {
  if (config.protocol !== 'rumor' || !last) return null;
  const live = last.live;
  const hasUpdate = (spread?.version ?? 0) !== 0;
  const uninformed = hasUpdate ? Math.max(0, live - (last.informed[key] ?? 0)) : live;
  return {
    infective: last.infective[key] ?? 0,
    removed: last.removed[key] ?? 0,
    uninformed,
    live,
    residue: live > 0 ? uninformed / live : 0,
    trafficPerNode: spread ? spread.traffic / Math.max(1, config.nodes) : 0,
    tAve: spread?.tAve ?? null,
    tLast: spread?.tLast ?? null,
    endedAt,
    antiEntropy: config.antiEntropy,
    hasUpdate,
  };
}

/** One write of the shown key, as the conflict panel lists it. */
export interface WriteRow {
  version: number;
  label: string;
  node: number;
  round: number;
  holders: number;
  reached: number;
  reachedByGroup: number[];
  winning: boolean;
}

export interface Conflict {
  rows: WriteRow[];
  winner: WriteRow;
  /** Why the winner beats the runner-up, in last-writer-wins terms. */
  why: string;
}

/** Why version `a` beats version `b` under last-writer-wins. */
export function lwwReason(codec: VersionCodec, a: number, b: number): string {
  const ca = codec.counter(a), cb = codec.counter(b);
  if (ca !== cb) return t('details:conflict.higherCounter', { a: ca, b: cb });
  return t('details:conflict.higherWriter', { counter: ca, a: codec.writer(a), b: codec.writer(b) });
}

/** The writes of `key` when there are two or more, newest version first, with the winner and why. */
export function conflictOf(writes: readonly WriteRecord[], key: number, nodes: number, latest: number): Conflict | null {
  const codec = versionCodec(nodes);
  const ofKey = writes.filter((w) => w.key === key && w.version !== 0);
  if (ofKey.length < 2) return null;
  const rows: WriteRow[] = ofKey
    .map((w) => ({
      version: w.version, label: versionLabel(codec, w.version), node: w.node, round: w.round,
      holders: w.holders, reached: w.reached, reachedByGroup: w.reachedByGroup, winning: w.version === latest,
    }))
    .sort((a, b) => b.version - a.version || a.round - b.round);
  const winner = rows[0];
  const runnerUp = rows.find((r) => r.version !== winner.version);
  const why = runnerUp
    ? t('details:conflict.why', { winner: winner.label, loser: runnerUp.label, reason: lwwReason(codec, winner.version, runnerUp.version) })
    : t('details:conflict.only', { winner: winner.label });
  return { rows, winner, why };
}

/** What the page says after a heal. */
export interface HealReport {
  tone: 'done' | 'waiting' | 'never';
  text: string;
}

export function healReport(h: HealOutcome | null, config: SimConfig, rumorEnded: boolean, nodes: number): HealReport | null {
  if (!h || h.missing === null) return null;
  const codec = versionCodec(nodes);
  const v = h.version ? versionLabel(codec, h.version) : t('details:heal.noVersion');
  const at = t('details:heal.at', { round: h.round });
  if (h.version === 0) return { tone: 'done', text: t('details:heal.noUpdate', { at }) };
  if (h.missing === 0) return { tone: 'done', text: t('details:heal.allHeld', { at, version: v }) };
  const lacking = t('details:heal.lacking', { missing: h.missing, live: h.live, version: v });
  if (h.repairedAt !== null) {
    const by = config.protocol === 'rumor'
      ? t(config.antiEntropy > 0 ? 'details:heal.byRumorAe' : 'details:heal.byRumor')
      : t('details:heal.byGossip', { protocol: t(`protocols:names.${config.protocol}`) });
    return { tone: 'done', text: t('details:heal.repaired', { at, lacking, repairedAt: h.repairedAt, after: h.repairedAt - h.round, by }) };
  }
  if (config.protocol === 'rumor' && rumorEnded && config.antiEntropy === 0 && config.recoverRate === 0) {
    return { tone: 'never', text: t('details:heal.never', { at, lacking, now: h.missingNow }) };
  }
  const next = config.antiEntropy > 0 && config.protocol === 'rumor' && rumorEnded ? t('details:heal.nextAe', { rounds: config.antiEntropy }) : '';
  return { tone: 'waiting', text: t('details:heal.waiting', { at, lacking, now: h.missingNow, next }) };
}
