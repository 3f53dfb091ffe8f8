import { describe, expect, it } from 'vitest';
import { MembershipSimulation } from './membership-sim';
import { heartbeatRig, messagesOf } from './testing';
import { ALIVE, BYTE_MODEL, DEAD, KIND_ACK1, KIND_ACK2, KIND_ECHO, KIND_ECHO_REPLY, KIND_SYN, UNKNOWN } from './types';

const { header, digest, endpointState } = BYTE_MODEL;

/** A rig whose heartbeat tables are set by hand: rows[o][s] is what o knows of s. */
function handSet(rows: number[][]) {
  const n = rows.length;
  const rig = heartbeatRig(n);
  const { engine, table } = rig;
  table.round = 10;
  for (let o = 0; o < n; o++) {
    engine.serial[o] = rows[o][o];
    for (let s = 0; s < n; s++) {
      engine.hb[o * n + s] = rows[o][s];
      table.touch(o * n + s);
    }
  }
  rig.net.begin();
  return rig;
}

describe('Cassandra gossip exchange (SYN → ACK → ACK2)', () => {
  it('SYN carries every digest, ACK the newer states and the requests, ACK2 the requested states', () => {
    const { engine, net } = handSet([[5, 3, 7, 2], [4, 6, 9, 2], [0, 0, 9, 0], [0, 0, 0, 2]]);
    engine.exchange(0, 1);
    expect(messagesOf(net).map((m) => [m.from, m.to, m.kind, m.updates])).toEqual([
      [0, 1, KIND_SYN, 4], // digests of 0, 1, 2, 3
      [1, 0, KIND_ACK1, 3], // request 0's state (5 > 4); node 1's (6 > 3) and node 2's (9 > 7) states; 3 agrees
      [0, 1, KIND_ACK2, 1], // node 0's state
    ]);
    expect(net.bytes).toBe((header + 4 * digest) + (header + digest + 2 * endpointState) + (header + endpointState));
    expect(Array.from(engine.hb.subarray(0, 8))).toEqual([5, 6, 9, 2, 5, 6, 9, 2]);
    expect(engine.view(0, 1)).toMatchObject({ state: 'alive', heartbeat: [1, 6], lastAdvanced: 10 });
  });

  it('a forgotten member is learned again only from a newer heartbeat, after an echo round trip', () => {
    const rig = handSet([[5, 3, 7], [4, 6, 2], [0, 0, 9]]);
    rig.table.set(1, 2, UNKNOWN); // node 1 forgot node 2 at heartbeat 2
    rig.engine.exchange(0, 1);
    expect(messagesOf(rig.net).map((m) => [m.from, m.to, m.kind, m.updates])).toEqual([
      [0, 1, KIND_SYN, 3],
      [1, 0, KIND_ACK1, 3], // requests for 0 and 2, node 1's state
      [0, 1, KIND_ACK2, 2],
      [1, 2, KIND_ECHO, 0], // markAlive: node 2 is new to node 1
      [2, 1, KIND_ECHO_REPLY, 0],
    ]);
    expect(rig.table.status[1 * 3 + 2]).toBe(ALIVE);

    const stale = handSet([[5, 3, 7], [4, 6, 8], [0, 0, 9]]);
    stale.table.set(1, 2, UNKNOWN); // forgotten at 8: node 0's 7 is older, so no resurrection
    stale.engine.exchange(0, 1);
    expect(messagesOf(stale.net).map((m) => m.updates)).toEqual([3, 2, 1]);
    expect(stale.table.status[1 * 3 + 2]).toBe(UNKNOWN);
  });

  it('a down member whose heartbeat advances stays down when the echo fails', () => {
    const rig = handSet([[5, 3, 7], [4, 6, 2], [0, 0, 9]]);
    rig.table.set(1, 2, DEAD);
    rig.net.drop = (_from, _to, kind) => kind === KIND_ECHO;
    rig.engine.exchange(0, 1);
    expect(rig.engine.hb[1 * 3 + 2]).toBe(7);
    expect(rig.table.status[1 * 3 + 2]).toBe(DEAD);
  });
});

describe('heartbeats', () => {
  it('every live node bumps its own version every round', () => {
    const sim = new MembershipSimulation({ protocol: 'heartbeat', nodes: 5, seed: 2, loss: 0 });
    for (let r = 0; r < 3; r++) sim.step();
    for (let o = 0; o < 5; o++) expect(sim.view(o, o).heartbeat).toEqual([1, 3]);
    // Others know a version at most 3, at least 1 (news travels one hop per exchange).
    const v = sim.view(0, 4).heartbeat!;
    expect(v[0]).toBe(1);
    expect(v[1]).toBeGreaterThanOrEqual(1);
    expect(v[1]).toBeLessThanOrEqual(3);
  });

  it('a restart starts a new generation at version 0, and the others accept it', () => {
    const sim = new MembershipSimulation({ protocol: 'heartbeat', nodes: 6, seed: 4, loss: 0 });
    sim.step();
    sim.step();
    sim.apply({ type: 'crash', node: 1 });
    sim.step();
    sim.apply({ type: 'recover', node: 1 });
    expect(sim.view(1, 1).heartbeat).toEqual([2, 0]);
    expect(sim.view(1, 3).state).toBe('dead'); // saved endpoints start down
    sim.step();
    expect(sim.view(1, 1).heartbeat).toEqual([2, 1]);
    for (let r = 0; r < 8; r++) sim.step();
    for (let o = 0; o < 6; o++) {
      expect(sim.view(o, 1).state).toBe('alive');
      expect(sim.view(o, 1).heartbeat![0]).toBe(2);
      expect(sim.view(1, o).state).toBe('alive');
    }
  });

  it('marks a member down exactly T_fail rounds after its heartbeat last advanced, and forgets it at T_cleanup', () => {
    const tFail = 4, tCleanup = 8;
    const rig = heartbeatRig(5, { tFail, tCleanup, seeds: [] }, 9);
    rig.step();
    rig.step();
    rig.crash(2);
    const seen = new Set<string>();
    for (let k = 0; k < 20; k++) {
      const r = rig.step();
      const v = rig.engine.view(0, 2);
      seen.add(v.state);
      if (v.state === 'unknown') continue;
      const age = r - v.lastAdvanced!;
      expect(v.state).toBe(age >= tFail ? 'dead' : 'alive');
    }
    expect([...seen].sort()).toEqual(['alive', 'dead', 'unknown']);
    const rec = rig.table.tracker.crashes[0];
    expect(rec.firstDead - rec.crashedAt).toBeLessThanOrEqual(tFail);
    expect(rig.table.tracker.totals.falsePositives).toBe(0);
  });

  it('phi mode convicts exactly when phi passes the threshold', () => {
    const rig = heartbeatRig(8, { phi: true, phiConvictThreshold: 8 }, 6);
    for (let k = 0; k < 20; k++) rig.step();
    rig.crash(7);
    let convicted = false;
    for (let k = 0; k < 60; k++) {
      rig.step();
      const v = rig.engine.view(0, 7);
      if (v.state === 'alive') expect(v.phi!).toBeLessThanOrEqual(8);
      if (v.state === 'dead' && !convicted) {
        convicted = true;
        expect(v.phi!).toBeGreaterThan(8);
      }
    }
    expect(convicted).toBe(true);
    // With arrivals about one per round, conviction needs about 8·ln 10 ≈ 18.4 silent rounds.
    const rec = rig.table.tracker.crashes[0];
    expect(rec.firstDead - rec.crashedAt).toBeGreaterThanOrEqual(15);
    expect(rec.firstDead - rec.crashedAt).toBeLessThanOrEqual(38);
  });
});

describe('heartbeat partitions', () => {
  const split = (seeds: number[], tCleanup: number): number => {
    const sim = new MembershipSimulation({ protocol: 'heartbeat', nodes: 20, seed: 8, loss: 0, heartbeat: { tFail: 5, tCleanup, seeds } });
    sim.apply({ type: 'partition', groups: [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]] });
    for (let r = 0; r < 30; r++) sim.step();
    expect(sim.step().wronglyDead).toBe(200); // each half holds the other down or forgotten
    sim.apply({ type: 'heal' });
    let last = sim.step();
    for (let r = 0; r < 40; r++) last = sim.step();
    return last.wronglyDead;
  };

  it('seeds merge a healed split even after both sides forgot each other', () => {
    expect(split([0], 10)).toBe(0);
  });

  it('without seeds, sides that forgot each other stay split; sides that remember merge', () => {
    expect(split([], 10)).toBe(200);
    expect(split([], 0)).toBe(0);
  });
});
