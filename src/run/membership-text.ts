import type { MembershipFrame } from '../worker/protocol';
import { i18next } from '../i18n';

/** The membership graph in words: the renderer's aria-description of the membership canvas. */


/** One or two sentences on what is wrong in the cluster right now. */
export function describeMembership(f: MembershipFrame, live: number): string {
  const n = f.alive.length;
  let wrongDead = 0, wrongAlive = 0, suspected = 0;
  for (let i = 0; i < n; i++) {
    if (f.wronglyDead[i] > 0) wrongDead++;
    if (f.wronglyAlive[i] > 0) wrongAlive++;
    if (f.suspected[i] > 0 && f.alive[i] === 1) suspected++;
  }
  const t = i18next.t;
  const counts = { round: f.round, nodes: t('membership:summary.nodes', { count: n }), crashed: t('membership:summary.crashedNodes', { count: n - live }) };
  const parts = [t(f.partitioned ? 'membership:summary.headSplit' : 'membership:summary.head', counts)];
  parts.push(t('membership:summary.wrong', {
    dead: t('membership:summary.liveNodes', { count: wrongDead }),
    alive: t('membership:summary.crashedNodes', { count: wrongAlive }),
    suspected: t('membership:summary.liveNodes', { count: suspected }),
  }));
  return parts.join(' ');
}
