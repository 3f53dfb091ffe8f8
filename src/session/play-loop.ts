import { SPEED_LIMITS, type RunStatus } from '../store/run-core-slice';

/** The store fields the loop reads and writes; both modes' stores have them. */
export interface PacedState {
  status: RunStatus;
  building: boolean;
  speed: number;
}

export interface PlayLoopDeps {
  get(): PacedState;
  set(patch: Partial<PacedState>): void;
  /** Where the drawing learns how long a round lasts on screen (its animations follow it). */
  frames: { setRoundDurationMs(ms: number): void };
  /** Is there a worker to send steps to? */
  connected(): boolean;
  /** A fresh request id (shared with the session's other requests). */
  nextRequestId(): number;
  sendStep(requestId: number): void;
  now: () => number;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (id: unknown) => void;
}

/**
 * The paced play loop both modes share: one step request at a time, at the chosen speed, so
 * the worker never runs ahead of the drawing. The next step is asked for `1000 / speed` ms
 * after the previous one was sent, and only once its frame has come back (`stepAnswered` then
 * `schedule`).
 *
 * @example
 *   const loop = new PlayLoop({ get, set, frames, connected: () => client !== null, nextRequestId, sendStep, now, setTimer, clearTimer });
 *   loop.play();               // status 'playing', a step is requested
 *   // on each step frame: loop.stepAnswered(); …draw…; loop.schedule();
 */
export class PlayLoop {
  /** The step request in flight, if any. */
  private stepRequest: number | null = null;
  private lastStepAt = -Infinity;
  private timer: unknown = null;

  constructor(private readonly deps: PlayLoopDeps) {
    deps.frames.setRoundDurationMs(1000 / deps.get().speed);
  }

  /** A step request is in flight. */
  get stepping(): boolean {
    return this.stepRequest !== null;
  }

  canPlay(): boolean {
    return this.deps.connected() && !this.deps.get().building;
  }

  play(): void {
    if (!this.canPlay()) return;
    this.deps.set({ status: 'playing' });
    this.schedule();
  }

  pause(): void {
    this.stop();
    if (this.deps.get().status === 'playing') this.deps.set({ status: 'paused' });
  }

  /** Exactly one round (pausing a playing run first). */
  step(): void {
    this.pause();
    if (this.deps.get().building || this.stepRequest !== null) return;
    this.requestStep();
    if (this.deps.get().status === 'idle') this.deps.set({ status: 'paused' });
  }

  setSpeed(roundsPerSecond: number): void {
    const v = Number.isFinite(roundsPerSecond) ? roundsPerSecond : SPEED_LIMITS.initial;
    const speed = Math.min(SPEED_LIMITS.max, Math.max(SPEED_LIMITS.min, v));
    this.deps.set({ speed });
    this.deps.frames.setRoundDurationMs(1000 / speed);
    if (this.timer !== null) {
      this.stop();
      this.schedule();
    }
  }

  /** While playing and no step is in flight: the next step, once its time has come. */
  schedule(): void {
    if (this.deps.get().status !== 'playing' || this.stepRequest !== null || this.timer !== null) return;
    const delay = Math.max(0, this.lastStepAt + 1000 / this.deps.get().speed - this.deps.now());
    this.timer = this.deps.setTimer(() => {
      this.timer = null;
      if (this.deps.get().status === 'playing' && this.stepRequest === null) this.requestStep();
    }, delay);
  }

  /** A step's frame came back. */
  stepAnswered(): void {
    this.stepRequest = null;
  }

  /** A refused request: when it was the step in flight, the run pauses. */
  refused(requestId: number | null): void {
    if (requestId === null || requestId !== this.stepRequest) return;
    this.stepRequest = null;
    this.pause();
  }

  /** Forgets the step in flight (a new worker or a new run will never answer it). */
  forget(): void {
    this.stepRequest = null;
  }

  /** Cancels the timer of the next step (the status stays as it is). */
  stop(): void {
    if (this.timer !== null) this.deps.clearTimer(this.timer);
    this.timer = null;
  }

  private requestStep(): void {
    if (!this.deps.connected()) return;
    this.stepRequest = this.deps.nextRequestId();
    this.lastStepAt = this.deps.now();
    this.deps.sendStep(this.stepRequest);
  }
}
