import { Rng } from '../prng';
import { resolveMembershipConfig } from './config';
import { HeartbeatEngine } from './heartbeat';
import { crashNode, recoverNode } from './lifecycle';
import { MembershipNet } from './network';
import { SwimEngine } from './swim';
import type { HeartbeatParams, SwimParams } from './types';
import { ViewTable } from './view-table';

/**
 * Test rig: the parts of a membership run wired by hand, so tests can force message drops
 * (`net.drop`) and reach engine internals. Not used by the simulation.
 */
export interface Rig<E> {
  table: ViewTable;
  net: MembershipNet;
  engine: E;
  /** Runs one round; returns its number. */
  step(): number;
  crash(node: number): void;
  recover(node: number): void;
}

function rig<E extends { round(r: number): void; restart(node: number): void }>(n: number, seed: number, make: (t: ViewTable, net: MembershipNet, rng: Rng) => E): Rig<E> {
  const rng = new Rng(seed);
  const net = new MembershipNet(n, rng, true);
  const table = new ViewTable(n, net.alive);
  const engine = make(table, net, rng);
  return {
    table,
    net,
    engine,
    step() {
      table.round++;
      table.tracker.begin(table.round);
      net.begin();
      engine.round(table.round);
      table.tracker.end(net.sent, net.bytes, net.liveCount);
      return table.round;
    },
    crash: (node) => crashNode(table, net, node, table.round),
    recover: (node) => recoverNode(table, net, engine, node, table.round),
  };
}

export function swimRig(n: number, swim: Partial<SwimParams> = {}, seed = 1): Rig<SwimEngine> {
  const params = resolveMembershipConfig({ protocol: 'swim', nodes: n, seed, loss: 0, swim }).swim;
  return rig(n, seed, (t, net, rng) => new SwimEngine(t, net, rng, params));
}

export function heartbeatRig(n: number, heartbeat: Partial<HeartbeatParams> = {}, seed = 1): Rig<HeartbeatEngine> {
  const params = resolveMembershipConfig({ protocol: 'heartbeat', nodes: n, seed, loss: 0, heartbeat }).heartbeat;
  return rig(n, seed, (t, net, rng) => new HeartbeatEngine(t, net, rng, params));
}

/** The recorded messages of the last round as readable tuples. */
export function messagesOf(net: MembershipNet): { from: number; to: number; kind: number; outcome: number; updates: number }[] {
  const b = net.messages!;
  return Array.from({ length: b.count }, (_, i) => ({ from: b.from[i], to: b.to[i], kind: b.kind[i], outcome: b.outcome[i], updates: b.updates[i] }));
}
