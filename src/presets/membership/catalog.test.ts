import { describe, expect, it } from 'vitest';
import { MembershipSimulation, suspicionRounds, type MembershipRoundMetrics } from '../../engine/membership';
import { MEMBERSHIP_PRESETS, membershipHalves, membershipPresetById, type MembershipPreset } from './catalog';

/** Runs a preset's scenario in the engine up to its pause round, as the page does. */
function play(p: MembershipPreset, swim: MembershipPreset['config']['swim'] = {}): { sim: MembershipSimulation; metrics: MembershipRoundMetrics[] } {
  const sim = new MembershipSimulation({ ...p.config, swim: { ...p.config.swim, ...swim } });
  const metrics: MembershipRoundMetrics[] = [];
  let k = 0;
  for (;;) {
    while (k < p.schedule.length && p.schedule[k].round === sim.round) sim.apply(p.schedule[k++].action);
    if (sim.round >= p.pauseAt) break;
    metrics.push(sim.step());
  }
  return { sim, metrics };
}

const preset = (id: string): MembershipPreset => membershipPresetById(id)!;

describe('membership presets', () => {
  it('are well-formed: unique ids, two-line captions, valid timelines within the run', () => {
    expect(new Set(MEMBERSHIP_PRESETS.map((p) => p.id)).size).toBe(MEMBERSHIP_PRESETS.length);
    for (const p of MEMBERSHIP_PRESETS) {
      expect(p.caption.every((line) => line.length > 40)).toBe(true);
      expect(p.schedule.every((e) => e.round < p.pauseAt)).toBe(true);
      expect(() => play(p)).not.toThrow();
    }
  });

  it('Detecting a crash (SWIM): suspected within 3 rounds, dead one suspicion timeout later, known to all, no false positive', () => {
    const p = preset('swim-crash');
    const { sim } = play(p);
    const [c] = sim.summary().crashes;
    expect(c.node).toBe(12);
    expect(c.firstSuspect - c.crashedAt).toBeGreaterThanOrEqual(1);
    expect(c.firstSuspect - c.crashedAt).toBeLessThanOrEqual(3);
    expect(c.firstDead - c.firstSuspect).toBe(suspicionRounds(4, 50));
    expect(suspicionRounds(4, 50)).toBe(7);
    expect(c.allKnow).toBeGreaterThanOrEqual(c.firstDead);
    expect(c.allKnow).toBeLessThan(p.pauseAt);
    expect(sim.summary().falsePositives).toBe(0);
    expect(sim.view(p.select!, 12).state).toBe('dead');
  });

  it('Heartbeats spread: the first down mark exactly T fail = 10 rounds after the crash, everyone a few rounds later, then forgotten', () => {
    const p = preset('heartbeat-crash');
    const early = play({ ...p, pauseAt: 26 }).sim;
    const [c] = early.summary().crashes;
    expect(c.firstDead - c.crashedAt).toBe(10);
    expect(c.allKnow - c.firstDead).toBeGreaterThan(0);
    expect(c.allKnow - c.firstDead).toBeLessThanOrEqual(6);
    // Node 0 (the inspected one) sees live heartbeats advancing and the crashed one frozen, then down.
    expect(early.view(0, 30).lastAdvanced!).toBeGreaterThanOrEqual(23);
    const down = early.view(0, 12);
    expect(down.state).toBe('dead');
    expect(down.lastAdvanced!).toBeLessThanOrEqual(c.crashedAt + 1);
    const { sim } = play(p);
    for (let o = 0; o < 50; o++) if (o !== 12) expect(sim.view(o, 12).state).toBe('unknown');
    expect(sim.summary().falsePositives).toBe(0);
  });

  it('False positives on a lossy network: many suspicions, nearly all refuted, and live nodes declared dead', () => {
    const p = preset('swim-loss');
    const { sim } = play(p);
    const s = sim.summary();
    expect(s.crashes).toEqual([]);
    expect(s.suspicions).toBeGreaterThan(p.pauseAt);
    expect(s.refutations).toBeGreaterThan(0.9 * s.suspicions);
    expect(s.falsePositives).toBeGreaterThan(0);
  });

  it('Split brain: each half declares the other dead; without Reconnect it stays split after the heal, with it the halves merge', () => {
    const p = preset('split-brain');
    const n = p.config.nodes;
    const [left, right] = membershipHalves(n);
    const cross = 2 * left.length * right.length;
    const off = play(p);
    const heal = p.schedule.find((e) => e.action.type === 'heal')!.round;
    expect(off.metrics[heal - 1].wronglyDead).toBe(cross);
    expect(off.metrics[off.metrics.length - 1].wronglyDead).toBe(cross);
    expect(off.sim.view(left[0], right[0]).state).not.toBe('alive');
    const on = play(p, { reconnectInterval: 30 });
    expect(on.metrics[heal - 1].wronglyDead).toBe(cross);
    expect(on.metrics[on.metrics.length - 1].wronglyDead).toBe(0);
    expect(on.sim.view(left[0], right[0]).state).toBe('alive');
    // The caption: first cross deaths ~8 rounds after the split, all of them within about 20.
    const split = p.schedule[0].round;
    const firstDead = off.metrics.findIndex((m) => m.wronglyDead > 0) + 1;
    const allDead = off.metrics.findIndex((m) => m.wronglyDead === cross) + 1;
    expect(firstDead - split).toBeGreaterThanOrEqual(7);
    expect(firstDead - split).toBeLessThanOrEqual(10);
    expect(allDead - split).toBeLessThanOrEqual(22);
    // Merged within one reconnect interval of the heal.
    const merged = on.metrics.findIndex((m, i) => i >= heal && m.wronglyDead === 0) + 1;
    expect(merged - heal).toBeLessThanOrEqual(30);
  });
});
