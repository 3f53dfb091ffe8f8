import type { SimConfig } from '../engine/types';
import type { WireFrame } from '../worker/protocol';
import { isConverged } from './frame-summary';
import type { ScheduleEntry } from './schedule';

export interface FrameReaction {
  /** Stop playing. */
  pause: boolean;
  /** Info notices to show. */
  notices: string[];
}

const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

/** The rumor of key `key` is over: nobody spreads it, nothing is in flight, and there was one. */
export function rumorOver(f: WireFrame, key: number): boolean {
  return f.rumor !== null && f.rumorEnded && (f.latest[key] ?? 0) !== 0;
}

/**
 * When a played run stops by itself, and what it says: push, pull and push-pull stop once
 * every live node holds the newest version; rumor mongering once the epidemic is over —
 * unless anti-entropy will still repair a residue. Nothing stops while the timeline still
 * has actions to come.
 */
export function reactToStep(
  prev: WireFrame | null, f: WireFrame, config: SimConfig, schedule: readonly ScheduleEntry[], key: number,
): FrameReaction {
  const notices: string[] = [];
  const upcoming = schedule.some((e) => e.round > f.round && e.refused === undefined);
  const converged = isConverged(f);
  const wasConverged = prev ? isConverged(prev) : false;
  if (f.rumor === null) {
    const pause = converged && !wasConverged && !upcoming;
    if (pause) notices.push(`Every live node holds the newest version after round ${f.round}: paused.`);
    return { pause, notices };
  }
  const over = rumorOver(f, key), wasOver = prev ? rumorOver(prev, key) : false;
  const live = f.metrics.live;
  const missing = live - (f.metrics.informed[key] ?? 0);
  let pause = false;
  if (over && !wasOver) {
    const residue = live > 0 ? missing / live : 0;
    const left = `residue ${pct(residue)} (${missing} of ${live} never informed)`;
    if (converged || config.antiEntropy === 0 || live === 0) {
      pause = !upcoming;
      notices.push(`Epidemic over at round ${f.round}: ${left}.${pause ? ' Paused.' : ''}`);
    } else {
      notices.push(`The rumor died out at round ${f.round}: ${left}. Anti-entropy every ${config.antiEntropy} rounds repairs it.`);
    }
  } else if (over && converged && !wasConverged) {
    pause = !upcoming;
    notices.push(`Every live node holds the newest version after round ${f.round}: the residue is 0.${pause ? ' Paused.' : ''}`);
  }
  return { pause, notices };
}
