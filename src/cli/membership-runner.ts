import {
  resolveMembershipConfig, suspicionRounds, swimFirstProbeRandom, swimFirstProbeRoundRobin, swimSuspicionProbability,
  type ResolvedMembershipConfig,
} from '../engine/membership';
import { trialSeed } from '../engine/prng';
import { membershipConfigOf, runMembershipTrial, type MembershipTrialResult } from './membership-trial';
import type { CliOptions } from './options';
import { summarize, type Stats } from './stats';

/** What a membership experiment reports: one JSON object on stdout. */
export interface MembershipSummary {
  kind: 'membership';
  config: ResolvedMembershipConfig & { trials: number; maxRounds: number; crashAt: number | null; warmup: number };
  trials: number;
  /** With --crash-at: fraction of trials in which every live node came to know of the crash. */
  converged: number | null;
  rounds: Stats | null;
  /** Rounds from the crash to its first suspicion or death declaration. */
  detection: Stats | null;
  /** Rounds from the crash to its first death declaration. */
  firstDead: Stats | null;
  /** Rounds from the crash until no live node holds it alive or suspect. */
  dissemination: Stats | null;
  /** Per trial, after the warm-up: live nodes newly declared dead by someone. */
  falsePositives: Stats | null;
  /** The same per 1000 live node-rounds. */
  falsePositiveRate: Stats | null;
  /** Per 1000 live node-rounds: suspicions raised by failed probes, refutations. */
  suspicionRate: Stats | null;
  refutations: Stats | null;
  messagesPerNodeRound: Stats | null;
  bytesPerNodeRound: Stats | null;
  theory: MembershipTheory;
  timing: { elapsedMs: number; roundsSimulated: number; msPerRound: number; setupMs: number };
}

export type MembershipTheory =
  | {
    protocol: 'swim';
    /** Expected rounds until some member pings a crashed one (SWIM paper §3.1 / §4.3), no loss. */
    firstProbe: number;
    /** Rounds a suspicion lasts before it becomes a death declaration. */
    suspicionTimeout: number;
    /** Probability that one probe of a live member ends in a suspicion at this loss, per node-round. */
    suspicionPerProbe: number;
    source: string;
  }
  | { protocol: 'heartbeat'; firstDown: number | null; source: string };

function theoryOf(c: ResolvedMembershipConfig): MembershipTheory {
  if (c.protocol === 'heartbeat') {
    return {
      protocol: 'heartbeat',
      firstDown: c.heartbeat.phi ? null : c.heartbeat.tFail,
      source: 'without loss the first down mark comes exactly T_fail rounds after the crash (van Renesse et al. 1998); phi: no closed form',
    };
  }
  const random = c.swim.probeSelection === 'random';
  return {
    protocol: 'swim',
    firstProbe: random ? swimFirstProbeRandom(c.nodes) : swimFirstProbeRoundRobin(c.nodes),
    suspicionTimeout: suspicionRounds(c.swim.suspicionMult, c.nodes),
    suspicionPerProbe: swimSuspicionProbability(c.loss, c.swim.indirectChecks),
    source: `Das, Gupta & Motivala 2002: ${random ? '1 / (1 - (1 - 1/(n-1))^(n-1)) (§3.1)' : 'round-robin probe lists (§4.3)'}; suspicion per probe (1-(1-p)^2)(1-(1-p)^4)^k`,
  };
}

/**
 * Runs `options.trials` membership trials with seeds seed, seed + 1, … and summarises them.
 * Trial i is exactly the engine's run with seed trialSeed(seed, i) and, with a crash, the
 * engine's detectionTrial with warm-up `crashAt` (same victim, same rounds).
 */
export function runMembershipExperiment(options: CliOptions, onTrial?: (i: number, r: MembershipTrialResult) => void): MembershipSummary {
  const n = options.trials;
  const cols = {
    rounds: new Float64Array(n), detection: new Float64Array(n), firstDead: new Float64Array(n), dissemination: new Float64Array(n),
    fp: new Float64Array(n), fpRate: new Float64Array(n), susRate: new Float64Array(n), refutations: new Float64Array(n),
    msgs: new Float64Array(n), bytes: new Float64Array(n),
  };
  let known = 0, elapsedMs = 0, setupMs = 0, roundsSimulated = 0;
  for (let i = 0; i < n; i++) {
    const r = runMembershipTrial(membershipConfigOf(options, trialSeed(options.seed, i)), options.crashAt, options.warmup, options.maxRounds);
    onTrial?.(i, r);
    const perK = (x: number): number => (r.nodeRounds > 0 ? (1000 * x) / r.nodeRounds : NaN);
    cols.rounds[i] = r.rounds;
    cols.detection[i] = r.detection;
    cols.firstDead[i] = r.firstDead;
    cols.dissemination[i] = r.dissemination;
    cols.fp[i] = r.falsePositives;
    cols.fpRate[i] = perK(r.falsePositives);
    cols.susRate[i] = perK(r.suspicions);
    cols.refutations[i] = r.refutations;
    cols.msgs[i] = r.nodeRounds > 0 ? r.sent / r.nodeRounds : NaN;
    cols.bytes[i] = r.nodeRounds > 0 ? r.bytes / r.nodeRounds : NaN;
    if (Number.isFinite(r.dissemination)) known++;
    elapsedMs += r.stepMs;
    setupMs += r.setupMs;
    roundsSimulated += r.rounds;
  }
  const resolved = resolveMembershipConfig(membershipConfigOf(options, options.seed));
  return {
    kind: 'membership',
    config: { ...resolved, trials: n, maxRounds: options.maxRounds, crashAt: options.crashAt, warmup: options.warmup },
    trials: n,
    converged: options.crashAt === null ? null : known / n,
    rounds: summarize(cols.rounds),
    detection: summarize(cols.detection),
    firstDead: summarize(cols.firstDead),
    dissemination: summarize(cols.dissemination),
    falsePositives: summarize(cols.fp),
    falsePositiveRate: summarize(cols.fpRate),
    suspicionRate: summarize(cols.susRate),
    refutations: summarize(cols.refutations),
    messagesPerNodeRound: summarize(cols.msgs),
    bytesPerNodeRound: summarize(cols.bytes),
    theory: theoryOf(resolved),
    timing: { elapsedMs, roundsSimulated, msPerRound: roundsSimulated > 0 ? elapsedMs / roundsSimulated : 0, setupMs },
  };
}
