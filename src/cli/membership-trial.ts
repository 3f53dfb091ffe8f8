import { crashVictim, MembershipSimulation, type MembershipConfig } from '../engine/membership';
import type { CliOptions } from './options';

/** The membership engine's configuration for one trial: parameters not given keep the engine's defaults. */
export function membershipConfigOf(o: CliOptions, seed: number): MembershipConfig {
  return {
    protocol: o.protocol === 'heartbeat' ? 'heartbeat' : 'swim',
    nodes: o.nodes,
    seed,
    loss: o.loss,
    swim: { ...o.swim },
    heartbeat: { ...o.heartbeat },
  };
}

export interface MembershipTrialResult {
  rounds: number;
  /** Rounds from the crash to the first suspicion or death declaration (NaN: none, or no crash). */
  detection: number;
  /** … to the first death declaration (SWIM: after the suspicion timeout; heartbeat: the first down mark). */
  firstDead: number;
  /** … until no live node holds the crashed node alive or suspect. */
  dissemination: number;
  crashed: boolean;
  /** Counted after the warm-up: live nodes newly declared dead by someone (episodes), refutations, suspicions. */
  falsePositives: number;
  refutations: number;
  suspicions: number;
  sent: number;
  bytes: number;
  /** Σ live nodes over the counted rounds. */
  nodeRounds: number;
  stepMs: number;
  setupMs: number;
}

/**
 * One membership trial: `crashAt` (if not null) crashes one node after that round; the trial
 * ends when every live node knows of the crash, or after `maxRounds` rounds. Rates count the
 * rounds after `warmup`.
 */
export function runMembershipTrial(config: MembershipConfig, crashAt: number | null, warmup: number, maxRounds: number): MembershipTrialResult {
  const t0 = performance.now();
  const sim = new MembershipSimulation(config);
  const setupMs = performance.now() - t0;
  const r: MembershipTrialResult = {
    rounds: 0, detection: NaN, firstDead: NaN, dissemination: NaN, crashed: false,
    falsePositives: 0, refutations: 0, suspicions: 0, sent: 0, bytes: 0, nodeRounds: 0, stepMs: 0, setupMs,
  };
  const t1 = performance.now();
  for (;;) {
    if (crashAt !== null && sim.round === crashAt) {
      sim.apply({ type: 'crash', node: crashVictim(config.seed, config.nodes) });
      r.crashed = true;
    }
    if (sim.round >= maxRounds) break;
    if (r.crashed && sim.summary().crashes[0].allKnow >= 0) break;
    const m = sim.step();
    if (m.round <= warmup) continue;
    r.falsePositives += m.falsePositives;
    r.refutations += m.refutations;
    r.suspicions += m.suspicions;
    r.sent += m.sent;
    r.bytes += m.bytes;
    r.nodeRounds += m.live;
  }
  r.stepMs = performance.now() - t1;
  r.rounds = sim.round;
  const c = sim.summary().crashes[0];
  if (c) {
    const since = (round: number): number => (round >= 0 ? round - c.crashedAt : NaN);
    const firsts = [c.firstSuspect, c.firstDead].filter((x) => x >= 0);
    r.detection = firsts.length > 0 ? Math.min(...firsts) - c.crashedAt : NaN;
    r.firstDead = since(c.firstDead);
    r.dissemination = since(c.allKnow);
  }
  return r;
}
