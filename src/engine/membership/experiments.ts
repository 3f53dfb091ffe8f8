import { Rng, trialSeed } from '../prng';
import { MembershipSimulation } from './membership-sim';
import type { CrashRecord, MembershipConfig } from './types';

/** What to wait for after the crash: the first suspicion, the first death, or every live node knowing. */
export type DetectionStop = 'first-suspect' | 'first-dead' | 'all-know';

/**
 * The node a trial crashes: drawn from its own stream of the trial's seed, so the victim does
 * not depend on how many rounds ran first (the CLI's --crash-at crashes the same node).
 */
export function crashVictim(seed: number, nodes: number): number {
  return new Rng(seed ^ 0x2545f491).int(nodes);
}

/**
 * One crash-detection trial: `warmup` rounds, then a crash of a node drawn from the seed, then
 * rounds until `until` happened or `maxRounds` passed. Returns the crash record (rounds are
 * absolute; subtract `crashedAt` for latencies).
 */
function detectionTrial(config: MembershipConfig, warmup: number, until: DetectionStop, maxRounds: number): CrashRecord {
  const sim = new MembershipSimulation(config);
  for (let r = 0; r < warmup; r++) sim.step();
  sim.apply({ type: 'crash', node: crashVictim(config.seed, config.nodes) });
  const done = (c: CrashRecord): boolean =>
    until === 'first-suspect' ? c.firstSuspect >= 0 : until === 'first-dead' ? c.firstDead >= 0 : c.allKnow >= 0;
  for (let r = 0; r < maxRounds; r++) {
    sim.step();
    if (done(sim.summary().crashes[0])) break;
  }
  return sim.summary().crashes[0];
}

/** Latencies (rounds after the crash; -1 = not within maxRounds) of `trials` trials with seeds seed, seed+1, … */
export function detectionLatencies(config: MembershipConfig, trials: number, warmup: number, until: DetectionStop, maxRounds: number): {
  firstSuspect: number[];
  firstDead: number[];
  allKnow: number[];
} {
  const out = { firstSuspect: [] as number[], firstDead: [] as number[], allKnow: [] as number[] };
  for (let i = 0; i < trials; i++) {
    const c = detectionTrial({ ...config, seed: trialSeed(config.seed, i) }, warmup, until, maxRounds);
    const lat = (r: number): number => (r >= 0 ? r - c.crashedAt : -1);
    out.firstSuspect.push(lat(c.firstSuspect));
    out.firstDead.push(lat(c.firstDead));
    out.allKnow.push(lat(c.allKnow));
  }
  return out;
}

export interface FalsePositiveResult {
  /** Live nodes newly declared dead by someone, per 1000 node-rounds. */
  falsePositivesPerKNodeRounds: number;
  /** Death declarations made first-hand (suspicion timeout, T_fail, phi, failed echo), per 1000 node-rounds: all false here. */
  declaredDeadPerKNodeRounds: number;
  /** Suspicions raised by failed probes, per 1000 node-rounds. */
  suspicionsPerKNodeRounds: number;
  refutationsPerKNodeRounds: number;
  /** Mean fraction of (observer, subject) pairs wrongly held dead, over the measured rounds. */
  wronglyDeadFraction: number;
  messagesPerNodeRound: number;
  bytesPerNodeRound: number;
}

/**
 * A crash-free cluster on a lossy network: every death declaration is a false positive.
 * Runs `warmup` + `rounds` rounds per seed and reports rates over the measured rounds.
 */
export function falsePositiveRun(config: MembershipConfig, warmup: number, rounds: number, seeds: number): FalsePositiveResult {
  let fp = 0, dd = 0, sus = 0, ref = 0, wrong = 0, sent = 0, bytes = 0;
  const n = config.nodes;
  for (let i = 0; i < seeds; i++) {
    const sim = new MembershipSimulation({ ...config, seed: trialSeed(config.seed, i) });
    for (let r = 0; r < warmup; r++) sim.step();
    for (let r = 0; r < rounds; r++) {
      const m = sim.step();
      fp += m.falsePositives;
      dd += m.declaredDead;
      sus += m.suspicions;
      ref += m.refutations;
      wrong += m.wronglyDead;
      sent += m.sent;
      bytes += m.bytes;
    }
  }
  const nodeRounds = n * rounds * seeds;
  return {
    falsePositivesPerKNodeRounds: (1000 * fp) / nodeRounds,
    declaredDeadPerKNodeRounds: (1000 * dd) / nodeRounds,
    suspicionsPerKNodeRounds: (1000 * sus) / nodeRounds,
    refutationsPerKNodeRounds: (1000 * ref) / nodeRounds,
    wronglyDeadFraction: wrong / (nodeRounds * (n - 1)),
    messagesPerNodeRound: sent / nodeRounds,
    bytesPerNodeRound: bytes / nodeRounds,
  };
}
