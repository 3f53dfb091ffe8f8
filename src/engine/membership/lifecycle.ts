import type { MembershipNet } from './network';
import type { ViewTable } from './view-table';

/** A crash: the node stops acting and its (now frozen) beliefs stop counting. No-op if already down. */
export function crashNode(table: ViewTable, net: MembershipNet, node: number, round: number): void {
  if (net.alive[node] === 0) return;
  table.dropObserver(node);
  net.alive[node] = 0;
  net.liveCount--;
  table.tracker.crashed(node, round);
}

/** A restart: the protocol rebuilds the node's state, then its beliefs count again. No-op if up. */
export function recoverNode(table: ViewTable, net: MembershipNet, engine: { restart(node: number): void }, node: number, round: number): void {
  if (net.alive[node] === 1) return;
  table.round = round;
  engine.restart(node);
  table.addObserver(node);
  net.alive[node] = 1;
  net.liveCount++;
  table.tracker.recovered(node, round);
}
