import type { CrashRecord, MembershipProtocol, MembershipRoundMetrics, MembershipSummary } from '../engine/membership';
import { formatNumber, i18next } from '../i18n';

/** One round of the charts, per live node where it says so. */
export interface MembershipPoint {
  round: number;
  suspicions: number;
  falsePositives: number;
  refutations: number;
  declaredDead: number;
  /** (live observer, live subject) pairs held dead or forgotten. */
  wronglyDead: number;
  /** (live observer, crashed subject) pairs held alive or suspect. */
  wronglyAlive: number;
  messagesPerNode: number;
  bytesPerNode: number;
}

export function pointOf(m: MembershipRoundMetrics): MembershipPoint {
  const live = Math.max(1, m.live);
  return {
    round: m.round,
    suspicions: m.suspicions,
    falsePositives: m.falsePositives,
    refutations: m.refutations,
    declaredDead: m.declaredDead,
    wronglyDead: m.wronglyDead,
    wronglyAlive: m.wronglyAlive,
    messagesPerNode: m.sent / live,
    bytesPerNode: m.bytes / live,
  };
}

/** Rounds from a crash to its detections; null = not (yet). */
export interface Detection {
  node: number;
  crashedAt: number;
  /** SWIM: the first suspicion; heartbeat (no suspect state): the first down mark. */
  detected: number | null;
  /** The first death declaration. */
  declaredDead: number | null;
  /** Every live node holds it dead or has forgotten it. */
  allKnow: number | null;
  /** It came back before every live node knew. */
  recoveredFirst: boolean;
}

export function detectionOf(c: CrashRecord, protocol: MembershipProtocol): Detection {
  const since = (r: number): number | null => (r >= 0 ? r - c.crashedAt : null);
  const first = protocol === 'swim' ? c.firstSuspect : c.firstDead;
  return {
    node: c.node,
    crashedAt: c.crashedAt,
    detected: since(first),
    declaredDead: since(c.firstDead),
    allKnow: since(c.allKnow),
    recoveredFirst: c.recoveredAt >= 0 && c.allKnow < 0,
  };
}

/** The crash the status line talks about: the most recent one. */
export function latestCrash(summary: MembershipSummary | null): CrashRecord | null {
  if (!summary || summary.crashes.length === 0) return null;
  return summary.crashes.reduce((a, b) => (b.crashedAt >= a.crashedAt ? b : a));
}


export interface StatusInput {
  round: number;
  nodes: number;
  live: number;
  protocol: MembershipProtocol;
  summary: MembershipSummary | null;
}

/**
 * The line a room reads at a glance, e.g.
 * "Round 12 · 1 crashed · detected in 3 rounds · all know after 7 · 0 false positives".
 */
export function statusLine({ round, nodes, live, protocol, summary }: StatusInput): string {
  const t = i18next.t;
  const parts = [t('membership:status.round', { round }), t('membership:status.crashed', { count: formatNumber(nodes - live) })];
  const c = latestCrash(summary);
  if (c) {
    const d = detectionOf(c, protocol);
    const named = summary!.crashes.length > 1;
    if (d.detected === null) {
      parts.push(d.recoveredFirst ? t('membership:status.recoveredFirst', { node: c.node })
        : named ? t('membership:status.notDetectedNode', { node: c.node }) : t('membership:status.notDetected'));
    } else {
      parts.push(named ? t('membership:status.detectedNode', { count: d.detected, node: c.node }) : t('membership:status.detected', { count: d.detected }));
      if (d.allKnow !== null) parts.push(t('membership:status.allKnow', { round: d.allKnow }));
      else if (!d.recoveredFirst) parts.push(t('membership:status.notAllKnow'));
    }
  }
  const fp = summary?.falsePositives ?? 0;
  parts.push(t('membership:status.falsePositives', { count: fp, n: formatNumber(fp) }));
  return parts.join(' · ');
}
