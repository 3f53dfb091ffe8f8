import type { MembershipFrame } from '../worker/protocol';

/** The membership graph in words: the renderer's aria-description of the membership canvas. */

const plural = (k: number, one: string, many = `${one}s`): string => `${k.toLocaleString('en-US')} ${k === 1 ? one : many}`;

/** One or two sentences on what is wrong in the cluster right now. */
export function describeMembership(f: MembershipFrame, live: number): string {
  const n = f.alive.length;
  let wrongDead = 0, wrongAlive = 0, suspected = 0;
  for (let i = 0; i < n; i++) {
    if (f.wronglyDead[i] > 0) wrongDead++;
    if (f.wronglyAlive[i] > 0) wrongAlive++;
    if (f.suspected[i] > 0 && f.alive[i] === 1) suspected++;
  }
  const parts = [`Round ${f.round}. ${plural(n, 'node')}, ${plural(n - live, 'crashed node')}${f.partitioned ? ', network split' : ''}.`];
  parts.push(`${plural(wrongDead, 'live node')} wrongly held dead by someone; ${plural(wrongAlive, 'crashed node')} still held alive by someone; ${plural(suspected, 'live node')} suspected.`);
  return parts.join(' ');
}
