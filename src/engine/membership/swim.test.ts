import { describe, expect, it } from 'vitest';
import { OUTCOME_DELIVERED, OUTCOME_LOST } from '../types';
import { BroadcastQueue } from './broadcast-queue';
import { atLeast16, newer16, pushPullRounds, retransmitLimit, suspicionRounds } from './swim-state';
import { messagesOf, swimRig } from './testing';
import {
  ALIVE, DEAD, KIND_ACK, KIND_ACK_RELAY, KIND_INDIRECT_ACK, KIND_INDIRECT_PING, KIND_PING, KIND_PING_REQ, SUSPECT, UNKNOWN,
} from './types';

/** Probing only: no gossip ticks, no push/pull, so every message of a round is a probe's. */
const quiet = { gossipInterval: 0, pushPullInterval: 0 };

describe('memberlist formulas', () => {
  it('scales the suspicion timeout, retransmit limit and push/pull interval as memberlist does', () => {
    expect(suspicionRounds(4, 10)).toBe(4); // 4 × max(1, log10 10)
    expect(suspicionRounds(4, 100)).toBe(8);
    expect(suspicionRounds(4, 2000)).toBe(14); // ⌈4 × 3.301⌉
    expect(suspicionRounds(5, 3)).toBe(5); // small clusters: log10 n < 1 counts as 1
    expect(retransmitLimit(4, 9)).toBe(4); // 4 × ⌈log10 10⌉
    expect(retransmitLimit(4, 10)).toBe(8); // 4 × ⌈log10 11⌉
    expect(retransmitLimit(4, 2000)).toBe(16);
    expect(pushPullRounds(30, 32)).toBe(30);
    expect(pushPullRounds(30, 33)).toBe(60); // ⌈log2 33 − 5⌉ + 1 = 2
    expect(pushPullRounds(30, 2000)).toBe(210);
  });

  it('compares 16-bit incarnations as serial numbers across the wrap', () => {
    expect(newer16(1, 0)).toBe(true);
    expect(newer16(0, 0)).toBe(false);
    expect(newer16(0, 65535)).toBe(true);
    expect(newer16(65535, 0)).toBe(false);
    expect(atLeast16(5, 5)).toBe(true);
    expect(atLeast16(4, 5)).toBe(false);
  });
});

describe('BroadcastQueue (TransmitLimitedQueue)', () => {
  it('sends the fewest-transmitted updates first, newest first among equals, each at most `limit` times', () => {
    const q = new BroadcastQueue(10, 2);
    const out = new Uint16Array(8);
    q.push(0, 1);
    q.push(0, 2);
    q.push(0, 3);
    expect(Array.from(out.subarray(0, q.take(0, out, 2)))).toEqual([3, 2]);
    // 1 has never been sent, so it goes before 3 and 2 (sent once).
    q.push(0, 4);
    expect(Array.from(out.subarray(0, q.take(0, out, 2)))).toEqual([4, 1]);
    expect(Array.from(out.subarray(0, q.take(0, out, 8)))).toEqual([4, 3, 2, 1]);
    // Every update has now been sent twice: the queue is empty.
    expect(q.size[0]).toBe(0);
    expect(q.take(0, out, 8)).toBe(0);
  });

  it('replaces a queued update about the same subject and resets its count', () => {
    const q = new BroadcastQueue(4, 2);
    const out = new Uint16Array(4);
    q.push(1, 2);
    q.take(1, out, 4);
    q.push(1, 2);
    expect(q.size[1]).toBe(1);
    expect(q.take(1, out, 4)).toBe(1);
    expect(q.take(1, out, 4)).toBe(1);
    expect(q.take(1, out, 4)).toBe(0);
    q.push(1, 3);
    q.drop(1, 3);
    q.push(1, 3);
    expect(q.take(1, out, 4)).toBe(1); // dropped and queued again: listed once
  });
});

describe('SWIM probing', () => {
  it('pings the next member of its round-robin list and gets an ack; every member once per cycle', () => {
    const { net, table, step } = swimRig(4, quiet);
    const probed = Array.from({ length: 4 }, () => new Set<number>());
    for (let r = 0; r < 3; r++) {
      step();
      const msgs = messagesOf(net);
      expect(msgs).toHaveLength(8);
      for (let j = 0; j < 8; j += 2) {
        const [ping, ack] = [msgs[j], msgs[j + 1]];
        expect([ping.kind, ack.kind]).toEqual([KIND_PING, KIND_ACK]);
        expect([ack.from, ack.to]).toEqual([ping.to, ping.from]);
        expect(ping.outcome).toBe(OUTCOME_DELIVERED);
        probed[ping.from].add(ping.to);
      }
    }
    // Three rounds cover at least one full cycle of the three other members for every node
    // (a cycle may straddle the rounds, so allow the 3rd round to belong to the next one).
    for (let o = 0; o < 4; o++) expect(probed[o].size).toBeGreaterThanOrEqual(2);
    expect(table.tracker.totals.suspicions).toBe(0);
  });

  it('takes the ping-req path when the direct ping is lost, and an indirect ack prevents suspicion', () => {
    const { net, table, engine, step } = swimRig(3, quiet);
    net.drop = (from, to, kind) => from === 0 && to === 1 && kind === KIND_PING;
    let seen = false;
    for (let r = 0; r < 3 && !seen; r++) {
      step();
      const msgs = messagesOf(net);
      const k = msgs.findIndex((m) => m.from === 0 && m.to === 1 && m.kind === KIND_PING);
      if (k < 0) continue;
      seen = true;
      expect(msgs[k].outcome).toBe(OUTCOME_LOST);
      expect(msgs.slice(k + 1, k + 5).map((m) => [m.from, m.to, m.kind])).toEqual([
        [0, 2, KIND_PING_REQ], [2, 1, KIND_INDIRECT_PING], [1, 2, KIND_INDIRECT_ACK], [2, 0, KIND_ACK_RELAY],
      ]);
    }
    expect(seen).toBe(true);
    expect(table.status[0 * 3 + 1]).toBe(ALIVE);
    expect(engine.view(0, 1)).toEqual({ state: 'alive', incarnation: 0 });
    expect(table.tracker.totals.suspicions).toBe(0);
  });

  it('suspects a member when neither the ping nor any indirect probe is answered', () => {
    const { net, table, step } = swimRig(3, quiet);
    net.drop = (_from, to, kind) => to === 1 && (kind === KIND_PING || kind === KIND_INDIRECT_PING);
    for (let r = 0; r < 3 && table.status[0 * 3 + 1] === ALIVE; r++) step();
    expect(table.status[0 * 3 + 1]).toBe(SUSPECT);
    expect(table.tracker.totals.suspicions).toBeGreaterThan(0);
    expect(table.tracker.totals.falsePositives).toBe(0); // suspected, not declared dead
  });
});

describe('SWIM suspicion, refutation and death', () => {
  it('a suspect that hears of its suspicion refutes with a higher incarnation, and everyone accepts it', () => {
    const { net, table, engine, step } = swimRig(5, { gossipInterval: 0.5, pushPullInterval: 0, suspicionMult: 6 });
    // Node 4 cannot be probed for a while (its inbound pings vanish), but it still hears gossip.
    net.drop = (_from, to, kind) => to === 4 && (kind === KIND_PING || kind === KIND_INDIRECT_PING);
    for (let r = 0; r < 6 && table.tracker.totals.suspicions === 0; r++) step();
    expect(table.tracker.totals.suspicions).toBeGreaterThan(0);
    net.drop = null;
    for (let r = 0; r < 6; r++) step();
    expect(table.tracker.totals.refutations).toBeGreaterThan(0);
    expect(engine.state.incarnation[4]).toBeGreaterThan(0);
    for (let o = 0; o < 4; o++) expect(engine.view(o, 4)).toEqual({ state: 'alive', incarnation: engine.state.incarnation[4] });
    expect(table.tracker.totals.declaredDead).toBe(0);
  });

  it('declares an unrefuted suspect dead exactly `suspicionRounds` after the first suspicion', () => {
    for (const suspicionMult of [1, 3]) {
      const r = swimRig(6, { suspicionMult, pushPullInterval: 0 }, 11);
      r.step();
      r.crash(5);
      for (let k = 0; k < 30; k++) r.step();
      const rec = r.table.tracker.crashes[0];
      expect(rec.firstSuspect).toBeGreaterThan(1);
      expect(rec.firstDead - rec.firstSuspect).toBe(suspicionRounds(suspicionMult, 6));
      expect(rec.allKnow).toBeGreaterThanOrEqual(rec.firstDead);
      for (let o = 0; o < 5; o++) expect([DEAD, UNKNOWN]).toContain(r.table.status[o * 6 + 5]);
      expect(r.table.tracker.totals.falsePositives).toBe(0);
    }
  });

  it('prunes dead members once GossipToTheDeadTime has passed, at the next wrap of the probe list', () => {
    const r = swimRig(6, { suspicionMult: 1, gossipToTheDeadTime: 3, pushPullInterval: 0 }, 5);
    r.crash(2);
    for (let k = 0; k < 40; k++) r.step();
    for (let o = 0; o < 6; o++) if (o !== 2) expect(r.table.status[o * 6 + 2]).toBe(UNKNOWN);
    expect(r.engine.view(0, 2)).toEqual({ state: 'unknown' });
  });

  it('a restarted node comes back one incarnation higher and is accepted as alive again', () => {
    const r = swimRig(6, { suspicionMult: 1, pushPullInterval: 0 }, 3);
    r.crash(4);
    for (let k = 0; k < 15; k++) r.step();
    expect(r.engine.view(0, 4).state).not.toBe('alive');
    r.recover(4);
    for (let k = 0; k < 10; k++) r.step();
    for (let o = 0; o < 6; o++) expect(r.engine.view(o, 4)).toEqual({ state: 'alive', incarnation: 1 });
  });
});
