import { DEFAULT_HEARTBEAT, DEFAULT_SWIM } from '../engine/membership';
import type { LoggedAction, SimConfig } from '../engine/types';
import type { CliOptions } from './options';

/**
 * Flags that would change nothing. A strict command line refuses them, naming why, rather than
 * letting the user believe they measured what they asked for (`--degree 8` on the complete graph
 * runs exactly the run without it). Only flags given explicitly are checked: defaults are never
 * "given", and a scenario file's own fields are its business.
 */

const num = (v: number): string => v.toLocaleString('en-US');

type Spreading = Pick<SimConfig, 'nodes' | 'topology' | 'degree' | 'fanout' | 'crashRate' | 'recoverRate' | 'recoverEmpty'>;

/** Neighbours per side of a ring: ⌊D/2⌋, at least one, at most ⌊n/2⌋ (topology.ts's ringEdges). */
const ringHalf = (nodes: number, degree: number): number => Math.min(Math.max(1, Math.floor(degree / 2)), Math.floor(nodes / 2));

/** The most neighbours any node has, or null when it varies from run to run (random graphs). */
export function maxNeighbours(c: Pick<SimConfig, 'nodes' | 'topology' | 'degree'>): number | null {
  switch (c.topology) {
    case 'complete': return c.nodes - 1;
    case 'random': return null;
    case 'ring': {
      const half = ringHalf(c.nodes, c.degree);
      return 2 * half === c.nodes ? 2 * half - 1 : 2 * half; // on an even ring the opposite node is one neighbour
    }
    case 'grid': {
      // ⌈√n⌉ columns: from 9 nodes on some node has all four neighbours; below, count them.
      if (c.nodes >= 9) return 4;
      const cols = Math.ceil(Math.sqrt(c.nodes));
      let most = 0;
      for (let i = 0; i < c.nodes; i++) {
        const d = Number(i % cols > 0) + Number(i % cols + 1 < cols && i + 1 < c.nodes) + Number(i >= cols) + Number(i + cols < c.nodes);
        most = Math.max(most, d);
      }
      return most;
    }
  }
}

function degreeProblem(c: Spreading): string | null {
  switch (c.topology) {
    case 'complete':
      return '--degree has no effect with --topology complete: every node is linked to every other (drop --degree, or use --topology ring or random)';
    case 'grid':
      return '--degree has no effect with --topology grid: a grid links each node to its left, right, upper and lower neighbours (drop --degree)';
    case 'ring': {
      const same = 2 * ringHalf(c.nodes, c.degree);
      if (same === c.degree) return null;
      return `--degree ${c.degree} with --topology ring builds the same ring as --degree ${same}: a ring links ⌊D/2⌋ neighbours on each side (at least 1, at most ⌊nodes/2⌋ = ${num(Math.floor(c.nodes / 2))})`;
    }
    case 'random':
      return c.degree > c.nodes - 1
        ? `--degree ${c.degree} with --nodes ${num(c.nodes)} builds the same graph as --degree ${c.nodes - 1}: a node has at most nodes - 1 neighbours`
        : null;
  }
}

/** What a spreading run's explicit flags would fail to change, or null. */
export function spreadingNoEffect(
  c: Spreading,
  given: ReadonlySet<string>,
  format: CliOptions['format'],
  actions: readonly LoggedAction[] = [],
): string | null {
  if (given.has('--degree')) {
    const problem = degreeProblem(c);
    if (problem) return problem;
  }
  const most = maxNeighbours(c);
  if (given.has('--fanout') && most !== null && c.fanout > most) {
    const graph = c.topology === 'ring' ? `--topology ring --degree ${c.degree}` : `--topology ${c.topology}`;
    return `--fanout ${c.fanout} has no effect beyond ${most} with ${graph}: a node has at most ${most} neighbour${most === 1 ? '' : 's'} to send to (lower --fanout)`;
  }
  const crashes = c.crashRate > 0 || actions.some((a) => a.action.type === 'crash');
  if (given.has('--recover-rate') && c.recoverRate > 0 && !crashes) {
    return '--recover-rate has no effect without crashes: no node is ever down to recover (add --crash-rate, or crash actions in a --scenario)';
  }
  const recoveries = (c.recoverRate > 0 && crashes) || actions.some((a) => a.action.type === 'recover');
  if (given.has('--recover-empty') && c.recoverEmpty && !recoveries) {
    return '--recover-empty has no effect: no node ever recovers (add --crash-rate and --recover-rate, or recover actions in a --scenario)';
  }
  if (given.has('--series') && format === 'csv') return '--series has no effect with --format csv: the CSV is the series';
  return null;
}

/** What a membership run's explicit flags would fail to change, or null. */
export function membershipNoEffect(o: Pick<CliOptions, 'protocol' | 'swim' | 'heartbeat'>, given: ReadonlySet<string>): string | null {
  if (o.protocol === 'heartbeat') {
    const phi = o.heartbeat.phi ?? DEFAULT_HEARTBEAT.phi;
    if (given.has('--phi-threshold') && !phi) return '--phi-threshold has no effect without --phi: --t-fail decides when a member is down (add --phi)';
    if (given.has('--t-fail') && phi) return '--t-fail has no effect with --phi: the phi-accrual detector decides when a member is down (drop --t-fail, or set --phi-threshold)';
    return null;
  }
  const interval = o.swim.gossipInterval ?? DEFAULT_SWIM.gossipInterval;
  const nodes = o.swim.gossipNodes ?? DEFAULT_SWIM.gossipNodes;
  if (given.has('--gossip-nodes') && interval === 0) return '--gossip-nodes has no effect with --gossip-interval 0: gossip is off (drop one of them)';
  if (given.has('--gossip-interval') && interval > 0 && nodes === 0) return '--gossip-interval has no effect with --gossip-nodes 0: gossip goes to no one (drop one of them)';
  return null;
}
