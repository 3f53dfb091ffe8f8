import type { MembershipFrame } from '../../worker/protocol';

/** The graph in words: the canvas's accessible description and the hover tip. */

const plural = (k: number, one: string, many = `${one}s`): string => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;

function liveCount(f: MembershipFrame): number {
  let live = 0;
  for (let i = 0; i < f.alive.length; i++) live += f.alive[i];
  return live;
}

export function describeNode(f: MembershipFrame, node: number): string {
  const parts = [`Node ${node}`];
  if (f.alive[node] === 1) {
    parts.push('up');
    parts.push(f.wronglyDead[node] > 0 ? `${plural(f.wronglyDead[node], 'live node')} wrongly hold it dead` : 'nobody holds it dead');
  } else {
    parts.push('crashed');
    parts.push(f.wronglyAlive[node] > 0 ? `${plural(f.wronglyAlive[node], 'live node')} still hold it alive or suspect` : 'every live node knows');
  }
  if (f.suspected[node] > 0) parts.push(`suspected by ${f.suspected[node].toLocaleString('en-US')}`);
  if (f.partitioned && f.group[node] > 0) parts.push(`side ${f.group[node]}`);
  return parts.join(' · ');
}

/** One or two sentences on what is wrong in the cluster right now. */
export function describeGraph(f: MembershipFrame): string {
  const n = f.alive.length, live = liveCount(f);
  let wrongDead = 0, wrongAlive = 0, suspected = 0;
  for (let i = 0; i < n; i++) {
    if (f.wronglyDead[i] > 0) wrongDead++;
    if (f.wronglyAlive[i] > 0) wrongAlive++;
    if (f.suspected[i] > 0 && f.alive[i] === 1) suspected++;
  }
  const parts = [`${plural(n, 'node')}, ${plural(n - live, 'crashed node')}${f.partitioned ? ', network split' : ''}.`];
  parts.push(`${plural(wrongDead, 'live node')} wrongly held dead by someone; ${plural(wrongAlive, 'crashed node')} still held alive by someone; ${plural(suspected, 'live node')} suspected.`);
  return parts.join(' ');
}
