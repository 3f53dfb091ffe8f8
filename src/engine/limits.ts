import type { DelaySpec, SimConfig } from './types';

/**
 * Every limit a run is held to, stated once: what a run file, a link or the timeline may hold
 * (the readers refuse more, so the writers must not write more), and what a run may cost in the
 * page and in the command line. docs/limits.md lists them with where each is enforced.
 */

/** Longest message delay, in rounds (in-flight messages are kept per round). */
export const MAX_DELAY = 1000;

/** The last round an action, a link or a run file may name; later rounds are refused. */
export const MAX_ROUND = 1_000_000;

/** Actions in one run's timeline (a file, a link, the remembered run). */
export const MAX_ACTIONS = 100_000;

/**
 * Bytes of a run's JSON: larger files are refused before parsing and a link is refused when it
 * inflates past this. A 10,000-node partition is ~60 KB; id ranges keep most far smaller. 2 MiB,
 * so that 50,000 of the shortest action (40 bytes each, a heal) fit in one file with its settings.
 */
export const MAX_RUN_BYTES = 2 * 1024 * 1024;

/**
 * Node ids a run's group actions (partition, isolate) may name in all, once their compact
 * forms (id ranges, bitmaps: node-ranges.ts) are expanded: what one group action at the
 * largest run names. Checked before expanding, so a short link of ranges cannot take more
 * memory than this (~80 MB while it is read).
 */
export const MAX_NODE_IDS = 10_000_000;

/** A compressed link longer than this is refused before inflating (browsers cap URLs near 2 MB). */
export const MAX_LINK_CHARS = 1_500_000;

/** What a run may cost in one host. */
export interface CostBudget {
  /** Who holds the run, for messages: "the page", "the command line". */
  readonly host: string;
  /** Links an explicit graph stores (memory in every copy of the adjacency, and drawing). */
  readonly edges: number;
  /** Messages per round times the rounds one stays on its way: nodes × fanout × the rounds of the delay. */
  readonly messages: number;
}

/**
 * The page, up to DENSITY_THRESHOLD nodes: a tab holds the adjacency in the engine worker, the
 * layout worker and the renderer, lays it out by force and draws every link; a round's messages
 * are sent, held for their delay and counted in the engine worker, whose answer the page waits
 * for. These keep a round in the tens of milliseconds and the tab in the low hundreds of MB at
 * 10,000 nodes (docs/limits.md).
 */
export const PAGE_BUDGET: CostBudget = { host: 'the page', edges: 250_000, messages: 1_000_000 };

/** Most nodes the page runs (the engine and the command line go to 10^7). */
export const PAGE_MAX_NODES = 1_000_000;

/**
 * Past this many nodes the page draws a density view instead of the node-and-link graph: a
 * deterministic layout into a pixel buffer, no force layout, links only where zoomed in, and
 * compact frames from the worker (docs/limits.md, docs/performance.md).
 */
export const DENSITY_THRESHOLD = 20_000;

/**
 * The page above DENSITY_THRESHOLD: the adjacency is built and held once in the engine worker
 * and once in the page (nothing lays it out by force or draws it whole), so it may be larger —
 * 4 M links are 32 MB of neighbour lists in each (a random graph of degree 8 at 10^6 nodes).
 * Messages: 2 M per round counting their delay keeps a 10^6-node round within about a tenth of
 * a second in the worker (fanout 2, or a delay of 2 rounds, at 10^6 nodes).
 */
export const PAGE_DENSITY_BUDGET: CostBudget = { host: 'the page', edges: 4_000_000, messages: 2_000_000 };

/** The page's budget for a run of `nodes` nodes: the drawn graph's, or the density view's past DENSITY_THRESHOLD. */
export function pageBudget(nodes: number): CostBudget {
  return nodes > DENSITY_THRESHOLD ? PAGE_DENSITY_BUDGET : PAGE_BUDGET;
}

/**
 * The command line: one copy of the adjacency (~1 GB while a 50 M-edge graph is built) and
 * in-flight messages at ~20–50 bytes each, in a Node process with no tab to keep answering.
 */
export const CLI_BUDGET: CostBudget = { host: 'the command line', edges: 50_000_000, messages: 100_000_000 };

/** Edges an explicit graph of this configuration would store (0 for the implicit complete graph). */
export function expectedEdges(c: Pick<SimConfig, 'nodes' | 'topology' | 'degree'>): number {
  switch (c.topology) {
    case 'complete': return 0;
    case 'grid': return 2 * c.nodes;
    case 'ring': return c.nodes * ringHalf(c.nodes, c.degree);
    case 'random': return (c.nodes * Math.min(c.degree, c.nodes - 1)) / 2;
  }
}

/** A ring links each node to floor(degree / 2) neighbours on each side (at most half the ring). */
const ringHalf = (nodes: number, degree: number): number => Math.min(Math.max(1, Math.floor(degree / 2)), Math.floor(nodes / 2));

/** Rounds a message may stay on its way: the longest fixed or uniform delay, an exponential's mean. */
export function delayWindow(d: DelaySpec): number {
  if (d.kind === 'fixed') return d.rounds;
  if (d.kind === 'uniform') return d.max;
  // Little's law: on average mean rounds' worth of messages is on its way.
  return Math.ceil(d.mean);
}

/** What a run costs, in the units of a budget. */
export interface RunCost {
  edges: number;
  messages: number;
}

/** What costProblems and runCost read of a configuration (no protocol: priced as gossip). */
export type Priced = Pick<SimConfig, 'nodes' | 'topology' | 'degree' | 'fanout' | 'delay'> & { protocol?: string };

/**
 * Messages a round puts on the wire: gossip, every node × fanout; primary-backup, the primary's
 * fanout updates and as many acks (its retries take slots of the same fanout).
 */
function messagesPerRound(c: Priced): number {
  return c.protocol === 'primary-backup' ? 2 * c.fanout : c.nodes * c.fanout;
}

export function runCost(c: Priced): RunCost {
  return { edges: expectedEdges(c), messages: messagesPerRound(c) * delayWindow(c.delay) };
}

/** A configuration over a budget: the setting to change, the largest value that fits, and why. */
export interface CostProblem {
  field: 'degree' | 'fanout' | 'delay';
  /** The largest value of `field` within the budget, the rest of the configuration unchanged. */
  max: number;
  /** "Degree can be at most 50 at 10,000 nodes: the page holds at most 250,000 links (this graph: 49,995,000)". */
  message: string;
}

const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');

/**
 * Prices a configuration against a budget: every entry point (the page's form, links, run
 * files, the remembered run; the command line with its own budget) calls this, so they refuse
 * the same runs with the same words. Empty when the run fits.
 */
export function costProblems(c: Priced, budget: CostBudget): CostProblem[] {
  const out: CostProblem[] = [];
  const cost = runCost(c);
  const at = `at ${fmt(c.nodes)} nodes`;
  if (cost.edges > budget.edges) {
    const max = largestDegree(c, budget.edges);
    out.push({
      field: 'degree', max,
      message: `Degree can be at most ${fmt(max)} ${at} on a ${c.topology} graph: ${budget.host} holds at most ${fmt(budget.edges)} links (this graph: ${fmt(cost.edges)})`,
    });
  }
  if (cost.messages > budget.messages) {
    const span = delayWindow(c.delay);
    const perFanout = messagesPerRound({ ...c, fanout: 1 });
    const fanout = Math.floor(budget.messages / (perFanout * span));
    const formula = c.protocol === 'primary-backup' ? '2 × fanout × delay' : 'nodes × fanout × delay';
    const why = `${budget.host} handles at most ${fmt(budget.messages)} messages per round counting the rounds they stay on their way (${formula}: ${fmt(cost.messages)})`;
    if (fanout >= 1) {
      const delay = span > 1 ? ` and a delay of up to ${fmt(span)} rounds` : '';
      out.push({ field: 'fanout', max: fanout, message: `Fanout can be at most ${fmt(fanout)} ${at}${delay}: ${why}` });
    } else {
      const max = Math.max(1, Math.floor(budget.messages / messagesPerRound(c)));
      out.push({ field: 'delay', max, message: `Delay can be at most ${fmt(max)} rounds ${at} and fanout ${fmt(c.fanout)}: ${why}` });
    }
  }
  return out;
}

/** The largest degree whose graph stays within `edges` (at least 1: every topology has a floor). */
function largestDegree(c: Pick<SimConfig, 'nodes' | 'topology'>, edges: number): number {
  if (c.topology === 'ring') return Math.max(1, 2 * Math.floor(edges / c.nodes) + 1);
  return Math.max(1, Math.floor((2 * edges) / c.nodes));
}
