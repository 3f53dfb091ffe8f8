import type { Action } from '../engine/types';
import { describeScheduled, dropRecordedAfter, markRefused, plannedAfter, recordEntry, toLogged } from '../run/schedule';
import type { RunCoreSlice } from '../store/run-core-slice';
import type { WorkerFailure } from '../worker/worker-client';
import type { FromWorker, InitRequest, WireFrame } from '../worker/protocol';
import type { ClientLike, RunSessionDeps, RunSpec } from './run-session-deps';
import { PlayLoop } from './play-loop';
import { i18next } from '../i18n';

export type { ClientLike, ExportKind, GraphApiLike, RunSessionDeps, RunSpec, ScenarioFileLike } from './run-session-deps';

const NOTICE_MS = 8000;

/** A dead worker in the page's language (the worker layer words it in English only). */
function workerFailureText(f: WorkerFailure): string {
  const worker = i18next.t('notices:worker.simulation'); // both modes' engine worker (worker/client.ts)
  switch (f.kind) {
    case 'start': return i18next.t('notices:worker.start', { worker, detail: f.detail });
    case 'crashed': return f.detail ? i18next.t('notices:worker.crashedDetail', { worker, detail: f.detail }) : i18next.t('notices:worker.crashed', { worker });
    case 'unreachable': return i18next.t('notices:worker.unreachable', { worker, detail: f.detail });
    case 'unreadable': return i18next.t('notices:worker.unreadable', { worker });
    case 'hung': return i18next.t('notices:worker.hung', { worker, seconds: f.seconds });
  }
}

/** A sentence's first letter up (a no-op for Chinese, which has no case). */
const capitalized = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
/** A form change rebuilds the run after this quiet time (typing a number is several changes). */
export const FOLLOW_FORM_MS = 400;

/**
 * Rounds per catch-up request: as many as fit in `work` units (node-rounds, node pairs) when a
 * round costs `perRound`, between 1 and `max`, so one request stays well under a second.
 */
export function catchUpRounds(work: number, perRound: number, max: number): number {
  return Math.min(max, Math.max(1, Math.floor(work / Math.max(1, perRound))));
}

/**
 * The page's conductor for one run, whatever its model — the part both modes share. It owns
 * the worker client, builds runs, paces them (one step request at a time, at the chosen
 * speed, so the worker never runs ahead of the drawing), records what the user does into the
 * timeline, travels in time (seek, step back, continue from here), catches a shared run up to
 * its round, and edits the timeline. A model's session (Session, MembershipSession)
 * adds how its frames become store fields and FrameSource arrays, its form and its presets.
 * Nothing here touches the DOM.
 */
export abstract class RunSessionCore<S extends RunCoreSlice, F extends WireFrame> {
  protected client: ClientLike | null = null;
  protected graphId = 0;
  protected requestId = 0;
  protected readonly loop: PlayLoop;
  protected pendingActions = new Map<number, Action>();
  /** The seek request in flight, if any (the slider sends one at a time, then the newest wanted). */
  protected seekRequest: number | null = null;
  /** The step request of a catch-up in flight (rebuilding a shared run up to its round). */
  protected catchUpRequest: number | null = null;
  /** Play as soon as the run being built has drawn its round 0 (a preset). */
  protected playWhenBuilt = false;
  /** The timeline changed while a run was being built: send it once the run is up. */
  protected scheduleWhenBuilt = false;
  protected lastFrame: F | null = null;
  /** The rebuild a settings change asked for, waiting for the typing to stop. */
  private formTimer: unknown = null;
  protected readonly now: () => number;
  protected readonly setTimer: (fn: () => void, ms: number) => unknown;
  protected readonly clearTimer: (id: unknown) => void;

  constructor(protected readonly deps: RunSessionDeps<S>) {
    this.now = deps.now ?? (() => Date.now());
    this.setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = deps.clearTimer ?? ((id) => clearTimeout(id as ReturnType<typeof setTimeout>));
    this.loop = new PlayLoop({
      get: () => this.state,
      set: (patch) => this.set(patch as Partial<S>),
      frames: deps.frames,
      connected: () => this.client !== null,
      nextRequestId: () => ++this.requestId,
      sendStep: (requestId) => this.client?.send({ type: 'step', requestId }),
      now: this.now,
      setTimer: this.setTimer,
      clearTimer: this.clearTimer,
    });
  }

  protected get state(): S {
    return this.deps.store.getState();
  }

  protected set(patch: Partial<S> | ((s: S) => Partial<S>)): void {
    this.deps.store.setState(patch);
  }

  // ── What a model's session supplies ──────────────────────────────────────────────────────

  /** Shows a frame of the current run: store fields and the FrameSource's arrays. */
  protected abstract show(f: F, prev: F | null): void;
  /** The run was (re)built: the graph to draw and the resolved configuration. */
  protected abstract onReady(msg: Extract<FromWorker, { type: 'ready' }>): void;
  /** Rounds per catch-up request for this run (about a second of work at most: see `catchUpRounds`). */
  protected abstract catchUpChunk(): number;
  /** The run's nodes (0 before the first frame). */
  protected nodes(): number {
    return this.lastFrame?.alive.length ?? 0;
  }

  // ── Hooks a model's session may override ─────────────────────────────────────────────────

  /** An action took effect (live or from the timeline). */
  protected onApplied(_action: Action, _round: number): void {}
  /** The run's round 0 was drawn; return true when the hook rebuilt the run instead. */
  protected onBuilt(): boolean {
    return false;
  }
  /** A new round arrived while playing (a model may pause on what it shows). */
  protected onPlayedRound(_prev: F | null, _f: F): void {}
  /** Leaves a scripted story, if the model has one. */
  protected endStory(): void {}

  // ── Lifetime ─────────────────────────────────────────────────────────────────────────────

  dispose(): void {
    this.cancelFollowForm();
    this.pause();
    this.endStory();
    this.client?.terminate();
    this.client = null;
  }

  protected connect(): void {
    this.loop.forget();
    this.seekRequest = null;
    this.catchUpRequest = null;
    this.pendingActions.clear();
    this.client = this.deps.createClient({
      onMessage: (msg) => this.receive(msg),
      onFailure: (message, failure) => this.fail(failure ? workerFailureText(failure) : message),
    });
  }

  protected fail(message: string): void {
    this.pause();
    this.endStory();
    this.client = null;
    this.loop.forget();
    this.seekRequest = null;
    this.catchUpRequest = null;
    this.set({ workerError: message, building: false, catchUpTo: null, seekTarget: null } as Partial<S>);
  }

  /**
   * Builds a run of `spec` with the timeline's planned entries (what was done live belongs to
   * the old run); `patch` resets the model's own fields.
   */
  protected launch(spec: RunSpec, patch: Partial<S>): void {
    this.cancelFollowForm();
    this.playWhenBuilt = false;
    this.scheduleWhenBuilt = false;
    this.loop.stop();
    this.graphId++;
    this.lastFrame = null;
    const schedule = this.state.schedule.filter((e) => !e.recorded).map(({ refused: _refused, ...e }) => e);
    this.seekRequest = null;
    this.catchUpRequest = null;
    this.set({
      status: 'idle', building: true, round: 0, lastRound: 0, seekTarget: null, catchUpTo: null, actions: 0,
      notices: [], schedule, partitioned: false, ...patch,
    } as Partial<S>);
    this.client?.send({ ...spec, graphId: this.graphId, schedule: toLogged(schedule) } as InitRequest);
  }

  /**
   * Settings changed in a way only a new run applies: rebuild at round 0 once the typing stops,
   * keeping play or pause as it was — never a "press Reset" step. The planned timeline stays.
   */
  protected followForm(rebuild: () => void): void {
    this.cancelFollowForm();
    this.formTimer = this.setTimer(() => {
      this.formTimer = null;
      const s = this.state;
      const wasPlaying = s.status === 'playing';
      const hadRun = s.lastRound > 0 || s.actions > 0;
      rebuild();
      if (wasPlaying) this.playWhenBuilt = true;
      if (hadRun) this.notify('info', i18next.t('notices:newSettings'));
    }, FOLLOW_FORM_MS);
  }

  protected cancelFollowForm(): void {
    if (this.formTimer !== null) this.clearTimer(this.formTimer);
    this.formTimer = null;
  }

  // ── Pacing ───────────────────────────────────────────────────────────────────────────────

  play(): void {
    this.loop.play();
  }

  pause(): void {
    this.loop.pause();
  }

  togglePlay(): void {
    if (this.state.status === 'playing') this.pause();
    else this.play();
  }

  /** Exactly one round (pausing a playing run first). */
  step(): void {
    if (this.client) this.loop.step();
    else this.pause();
  }

  setSpeed(roundsPerSecond: number): void {
    this.loop.setSpeed(roundsPerSecond);
  }

  // ── Messages from the worker ─────────────────────────────────────────────────────────────

  protected receive(msg: FromWorker): void {
    switch (msg.type) {
      case 'ready':
        if (msg.graph.graphId === this.graphId) this.onReady(msg);
        return;
      case 'frame':
        this.onFrame(msg.frame as F);
        return;
      case 'actionResult': {
        const action = this.pendingActions.get(msg.requestId) ?? msg.action;
        this.pendingActions.delete(msg.requestId);
        // An action at an earlier round forked the run there: what was done live later is gone.
        if (msg.round < this.state.lastRound) this.set((s) => ({ schedule: dropRecordedAfter(s.schedule, msg.round) }) as Partial<S>);
        this.noteApplied(action, msg.round);
        // What the user does live joins the timeline, so the run stays config + timeline.
        this.set((s) => ({ schedule: recordEntry(s.schedule, msg.round, action) }) as Partial<S>);
        return;
      }
      case 'comparison':
        this.onComparison(msg);
        return;
      case 'error': {
        this.loop.refused(msg.requestId);
        if (msg.requestId !== null) this.refused(msg.requestId);
        const action = msg.requestId === null ? undefined : this.pendingActions.get(msg.requestId);
        if (msg.requestId !== null) this.pendingActions.delete(msg.requestId);
        if (this.state.building) this.set({ building: false } as Partial<S>);
        this.notify('error', action ? i18next.t('notices:refused', { action: capitalized(describeScheduled(action)), reason: msg.message }) : msg.message);
        return;
      }
      case 'fatal':
        this.fail(msg.message);
        return;
      default: {
        const unknown: never = msg;
        this.notify('error', i18next.t('notices:unexpected', { message: JSON.stringify(unknown) }));
      }
    }
  }

  /** A comparison arrived (membership's side-by-side runs); other models ask for none. */
  protected onComparison(_msg: Extract<FromWorker, { type: 'comparison' }>): void {}

  /** An action took effect (live or from the timeline): count it, then the model's hook. */
  protected noteApplied(action: Action, round: number): void {
    if (action.type !== 'setLoss') this.set((s) => ({ actions: s.actions + 1 }) as Partial<S>);
    this.onApplied(action, round);
  }

  private onFrame(f: F): void {
    if (f.cause === 'step') {
      this.loop.stepAnswered();
      this.catchUpRequest = null;
    }
    if (f.cause === 'seek') this.seekRequest = null;
    if (f.graphId !== this.graphId) {
      this.loop.schedule();
      return;
    }
    const prev = this.lastFrame;
    this.lastFrame = f;
    for (const entry of f.applied) this.noteApplied(entry.action, entry.round);
    for (const r of f.rejected) {
      this.set((s) => ({ schedule: markRefused(s.schedule, r.round, r.action, r.reason) }) as Partial<S>);
      this.notify('error', i18next.t('notices:timelineRefused', { round: r.round, action: describeScheduled(r.action), reason: r.reason }));
    }
    this.show(f, prev);
    if (f.cause === 'init') {
      if (this.onBuilt()) return;
      if (this.scheduleWhenBuilt) {
        this.scheduleWhenBuilt = false;
        this.sendSchedule();
      }
      if (this.playWhenBuilt) {
        this.playWhenBuilt = false;
        this.play();
      }
    }
    this.afterFrame();
    if (f.cause === 'step' && this.state.status === 'playing') this.onPlayedRound(prev, f);
    this.loop.schedule();
  }

  /** The next seek of a drag, the next chunk of a catch-up. */
  private afterFrame(): void {
    const s = this.state;
    if (s.seekTarget !== null && this.seekRequest === null) this.sendSeek();
    const target = s.catchUpTo;
    if (target === null || this.catchUpRequest !== null || !this.client) return;
    if (s.round >= target) {
      this.set({ catchUpTo: null, building: false } as Partial<S>);
      return;
    }
    // Still building as far as the controls go: nothing may act on a half-rebuilt run.
    this.set({ building: true } as Partial<S>);
    this.catchUpRequest = ++this.requestId;
    this.client.send({ type: 'step', requestId: this.catchUpRequest, count: Math.min(target - s.round, this.catchUpChunk()) });
  }

  /** A seek or a catch-up step was refused. */
  private refused(requestId: number): void {
    if (requestId === this.seekRequest) {
      this.seekRequest = null;
      this.set({ seekTarget: null } as Partial<S>);
    }
    if (requestId === this.catchUpRequest) {
      this.catchUpRequest = null;
      this.set({ catchUpTo: null, building: false } as Partial<S>);
    }
  }

  // ── Time travel ──────────────────────────────────────────────────────────────────────────

  /** Shows round `round` (0 … the newest) exactly as it was; pauses a playing run. */
  seekTo(round: number): void {
    const s = this.state;
    if (!this.client || !this.lastFrame || s.building || !Number.isFinite(round)) return;
    const target = Math.min(s.lastRound, Math.max(0, Math.round(round)));
    this.pause();
    this.set({ seekTarget: target } as Partial<S>);
    this.sendSeek();
  }

  /** One round back (←). */
  stepBack(): void {
    const from = this.state.seekTarget ?? this.state.round;
    if (from > 0) this.seekTo(from - 1);
  }

  /**
   * Continue from here: the rounds after the shown one are discarded, with what was done live
   * in them; the planned actions stay; the run plays on from the shown round.
   */
  continueFromHere(): void {
    const s = this.state;
    if (!this.client || !this.lastFrame || s.building || s.round >= s.lastRound) return;
    this.endStory();
    this.client.send({ type: 'fork', requestId: ++this.requestId, future: plannedAfter(s.schedule, s.round) });
    this.set({ schedule: dropRecordedAfter(s.schedule, s.round), seekTarget: null } as Partial<S>);
    this.notify('info', i18next.t('notices:continuing', { round: s.round, from: s.round + 1, to: s.lastRound }));
    this.play();
  }

  private sendSeek(): void {
    const target = this.state.seekTarget;
    if (target === null || this.seekRequest !== null || !this.client) return;
    if (target === this.state.round && !this.loop.stepping) {
      this.set({ seekTarget: null } as Partial<S>);
      return;
    }
    this.seekRequest = ++this.requestId;
    this.client.send({ type: 'seek', requestId: this.seekRequest, round: target });
  }

  /**
   * Stops rebuilding a linked run part way: the run stays at the round it reached, whole and
   * usable (its later rounds can still be played). The chunk in flight lands and is shown.
   */
  cancelCatchUp(): void {
    const s = this.state;
    if (s.catchUpTo === null) return;
    this.set({ catchUpTo: null } as Partial<S>);
    if (this.catchUpRequest === null) this.set({ building: false } as Partial<S>);
    this.notify('info', i18next.t('notices:stoppedRebuilding', { round: s.round, target: s.catchUpTo }));
  }

  /** Opens a run at `round`: built (by the caller), then run up to it in chunks. */
  protected catchUpTo(round: number): void {
    if (round > 0) this.set({ catchUpTo: round } as Partial<S>);
  }

  /** Gives the engine the current timeline (once the run being built is up). */
  protected sendSchedule(): void {
    if (!this.client) return;
    if (!this.lastFrame || this.state.building) {
      this.scheduleWhenBuilt = true;
      return;
    }
    this.client.send({ type: 'schedule', requestId: ++this.requestId, schedule: toLogged(this.state.schedule), round: this.state.round });
  }

  // ── Notices ──────────────────────────────────────────────────────────────────────────────

  /** A notice that goes away by itself (errors stay longer). */
  notify(tone: 'info' | 'error', text: string): void {
    const id = this.state.pushNotice(tone, text);
    this.setTimer(() => this.state.dismissNotice(id), tone === 'error' ? NOTICE_MS * 1.5 : NOTICE_MS);
  }

  /** A notice from the page itself: a link copied, a download that failed. */
  say(tone: 'info' | 'error', text: string): void {
    this.notify(tone, text);
  }

  dismissNotice(id: number): void {
    this.state.dismissNotice(id);
  }
}
