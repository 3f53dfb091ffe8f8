import type { Timeline } from '../engine/timeline';
import type { LoggedAction } from '../engine/types';
import type { PlannedRun, RejectedAction } from './planned-run';
import type { FrameCause, FromWorker, InitRequest, WireFrame } from './protocol';

/** What a frame reports besides the state: the planned actions run, and those refused, since the last one. */
export interface FrameNews<M> {
  applied: LoggedAction[];
  rejected: RejectedAction[];
  /** Metrics of the new rounds a multi-round step ran before the one it shows. */
  between?: M[];
}

/** Which node's details the page's inspector wants in frames, and whether the belief matrix is shown. */
export interface Watch {
  node: number | null;
  matrix: boolean;
  /** The spread tree is shown: frames carry who told whom for every node. */
  tree: boolean;
  /** The space-time diagram is shown: frames carry the rounds of messages it lacks. */
  spaceTime: boolean;
  /** The key a spreading run's compact frames describe. */
  key: number;
}

/**
 * One live run of some model behind the one contract the worker host needs: the run with its
 * planned actions on a Timeline (step, apply, checkpoint, seek, fork), and how to describe it
 * to the page (`ready`, `frame`). Each model is one module (spread-model.ts, membership-model.ts);
 * a new model is one more module here, never a new host, protocol or client.
 */
export interface LiveModel<M = unknown> {
  readonly init: InitRequest;
  readonly run: PlannedRun<unknown, M>;
  readonly timeline: Timeline<unknown, M>;
  /** Nodes in the run (a step's cost grows with it). */
  readonly nodes: number;
  ready(graphId: number): Extract<FromWorker, { type: 'ready' }>;
  frame(graphId: number, cause: FrameCause, news: FrameNews<M>, watch: Watch): WireFrame;
}
