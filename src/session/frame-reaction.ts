import type { SimConfig } from '../engine/types';
import type { SpreadFrame } from '../worker/protocol';
import { isConverged } from './frame-summary';
import type { ScheduleEntry } from '../run/schedule';
import { i18next } from '../i18n';

export interface FrameReaction {
  /** Stop playing. */
  pause: boolean;
  /** Info notices to show. */
  notices: string[];
}

const pct = (x: number): string => `${(Math.round(x * 1000) / 10).toFixed(1)} %`;

/** The rumor of key `key` is over: nobody spreads it, nothing is in flight, and there was one. */
export function rumorOver(f: SpreadFrame, key: number): boolean {
  return f.rumor !== null && f.rumorEnded && (f.latest[key] ?? 0) !== 0;
}

/**
 * No update can reach anyone more (a disconnected graph, every holder crashed, loss 1) — but not
 * while the network is split: a split is the teacher's to heal, and each side converging alone
 * is the lesson, so the run plays on.
 */
const stuckForGood = (f: SpreadFrame): boolean => f.stuck === true && !f.partitioned;

/**
 * Nothing more will happen by itself: every live node holds the newest version (push, pull,
 * push-pull), or the rumor is over and no anti-entropy can repair what it missed — and the
 * timeline has nothing left to do after this round.
 */
function settled(f: SpreadFrame, config: SimConfig, schedule: readonly ScheduleEntry[], key: number): boolean {
  if (schedule.some((e) => e.round > f.round && e.refused === undefined)) return false;
  if (f.rumor === null) return isConverged(f) || stuckForGood(f);
  return rumorOver(f, key) && (isConverged(f) || config.antiEntropy === 0 || f.metrics.live === 0);
}

/**
 * When a played run stops by itself, and what it says: push, pull and push-pull stop once
 * every live node holds the newest version; rumor mongering once the epidemic is over —
 * unless anti-entropy will still repair a residue. Nothing stops while the timeline still
 * has actions to come.
 */
export function reactToStep(
  prev: SpreadFrame | null, f: SpreadFrame, config: SimConfig, schedule: readonly ScheduleEntry[], key: number,
): FrameReaction {
  const notices: string[] = [];
  const pause = settled(f, config, schedule, key) && !(prev && settled(prev, config, schedule, key));
  const live = f.metrics.live;
  const missing = live - (f.metrics.informed[key] ?? 0);
  const left = i18next.t('notices:frame.residue', { share: pct(live > 0 ? missing / live : 0), missing, live });
  const over = rumorOver(f, key), wasOver = prev ? rumorOver(prev, key) : false;
  if (f.rumor === null) {
    if (pause && isConverged(f)) notices.push(i18next.t('notices:frame.converged', { round: f.round }));
    else if (pause) notices.push(i18next.t('notices:frame.unreachable', { round: f.round, missing, live }));
  } else if (over && !wasOver) {
    if (pause || isConverged(f) || config.antiEntropy === 0) notices.push(i18next.t(pause ? 'notices:frame.overPaused' : 'notices:frame.over', { round: f.round, left }));
    else notices.push(i18next.t('notices:frame.diedOut', { round: f.round, left, every: config.antiEntropy }));
  } else if (pause) {
    notices.push(i18next.t('notices:frame.stuck', { round: f.round, left }));
  }
  return { pause, notices };
}
