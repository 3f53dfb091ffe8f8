import type { StoreApi } from 'zustand/vanilla';
import { lessonText } from '../lessons/text';
import { CHAPTERS, clampPosition, moveStep, stepAt } from '../lessons/chapters';
import { checkChallenge } from '../lessons/challenges';
import {
  EMPTY_PROGRESS, parseLessonQuery, parseProgress, PROGRESS_KEY, progressText, stepIdAt, withLessonQuery, type LessonPosition,
} from '../lessons/position';
import type { LessonMode, LessonStep, RunRecord, TracePoint } from '../lessons/types';
import type { MembershipRunLink, RunLink } from '../share/run-link';
import type { LessonState } from '../store/lesson-store';
import type { MembershipState } from '../store/membership-store';
import type { GossipState } from '../store/store';
import type { LiveFrameSource } from '../view/live-frame-source';
import { read, write } from './persistence';

/** What the conductor asks of a mode's session: the path share links take, and pacing. */
interface RunHost<L> {
  loadRun(run: L, notice: null): void;
  play(): void;
  pause(): void;
  setSpeed(roundsPerSecond: number): void;
}

export interface LessonConductorDeps {
  store: StoreApi<LessonState>;
  spread: {
    session: RunHost<RunLink> & { notify(tone: 'info' | 'error', text: string): void; setHandPlay(rounds: number | null): void };
    store: StoreApi<GossipState>;
    frames: LiveFrameSource;
  };
  /** Made on first use (the membership session is the page's singleton). */
  membership: { session(): RunHost<MembershipRunLink>; store: StoreApi<MembershipState> };
  /** Shows the page's mode a step runs in. */
  setMode(mode: LessonMode): void;
  storage?: Pick<Storage, 'getItem' | 'setItem'> | null;
  /** The page's query string, read and replaced (the step shown is in the link). */
  url?: { search(): string; replace(search: string): void } | null;
}

/**
 * Runs the course on the page: opens a step (switching mode if it asks), loads its scenario
 * through the share-link path (configuration + planned actions, round 0), holds the run until
 * the student predicts or skips, plays it, and pauses it once the engine has measured the
 * answer; checks challenges against what the run did; remembers progress; keeps
 * `?lesson=N&step=M` in the address so a reload or a copied address opens the same step.
 */
export class LessonConductor {
  private trace: TracePoint[] = [];
  private traceGraph = -1;
  private playWhenReady = false;
  /**
   * The step's run has been asked for but not yet begun building: until it has, the stores still
   * hold the previous run, whose rounds must not answer this step's prediction.
   */
  private awaitingBuild = false;
  private readonly unsubscribe: (() => void)[] = [];

  constructor(private readonly deps: LessonConductorDeps) {}

  /** Stops following the runs (start() follows them again). */
  dispose(): void {
    for (const u of this.unsubscribe.splice(0)) u();
  }

  private get state(): LessonState {
    return this.deps.store.getState();
  }

  private set(patch: Partial<LessonState>): void {
    this.deps.store.setState(patch);
  }

  /** At page load: a lesson link opens its step (a bad one the nearest step, with a notice); else the remembered progress is read. */
  start(): void {
    this.dispose();
    const { spread, membership } = this.deps;
    this.unsubscribe.push(
      spread.frames.subscribe(() => this.recordFrame()),
      spread.store.subscribe(() => this.follow('dissemination')),
      membership.store.subscribe(() => this.follow('membership')),
    );
    const progress = this.loadProgress();
    this.set({ done: progress.done, chapter: progress.position.chapter, step: progress.position.step });
    const link = parseLessonQuery(this.deps.url?.search() ?? '');
    if (!link) return;
    this.open(link.position);
    // After the step's run is launched: building a run clears the notices before it.
    if (link.problem) this.deps.spread.session.notify('error', lessonText(link.problem.key, link.problem.values));
  }

  /** Opens the lesson view at `position`, or where the student left off. */
  open(position?: LessonPosition): void {
    const at = position ?? { chapter: this.state.chapter, step: this.state.step };
    this.set({ open: true });
    this.goTo(at);
  }

  /** Back to the sandbox: the run stays as it is, the address loses its lesson. */
  close(): void {
    this.playWhenReady = false;
    this.set({ open: false });
    this.deps.url?.replace(withLessonQuery(this.deps.url.search(), null));
  }

  goTo(position: LessonPosition): void {
    const { chapter, step } = clampPosition(position.chapter, position.step);
    const s = stepAt(chapter, step);
    this.set({ chapter, step, phase: s.prediction ? 'predict' : 'free', predicted: null, skipped: false, answer: null, verdict: null });
    this.saveProgress();
    if (this.state.open) this.deps.url?.replace(withLessonQuery(this.deps.url.search(), { chapter, step }));
    this.load(s);
  }

  /** Next step; past the last one, the full sandbox. */
  next(): void {
    const { chapter, step } = this.state;
    if (!stepAt(chapter, step).prediction && !stepAt(chapter, step).challenge) this.markDone();
    const to = moveStep(chapter, step, 1);
    if (to) this.goTo(to);
    else this.close();
  }

  back(): void {
    const to = moveStep(this.state.chapter, this.state.step, -1);
    if (to) this.goTo(to);
  }

  /** The student's prediction (a number or a choice id): the run plays. */
  predict(value: number | string): void {
    if (this.state.phase !== 'predict') return;
    if (typeof value === 'number' && !Number.isFinite(value)) return;
    this.set({ phase: 'running', predicted: value, skipped: false });
    this.runOn();
  }

  /** No prediction this time: the run plays, and the engine's answer still shows. */
  skip(): void {
    if (this.state.phase !== 'predict') return;
    this.set({ phase: 'running', skipped: true });
    this.runOn();
  }

  /**
   * A hand-played step: the student picks each informed node's targets for its first rounds
   * (the trace work's hand play), then the engine plays on. Counts as answering without a
   * prediction if none was given.
   */
  playByHand(): void {
    const s = this.current();
    if (!s.handPlay || s.scenario.mode !== 'dissemination') return;
    if (this.state.phase === 'predict') this.set({ phase: 'running', skipped: true });
    this.deps.spread.session.setHandPlay(HAND_ROUNDS);
  }

  /** Checks the step's challenge against what the run has done so far. */
  check(): void {
    const s = this.current();
    if (!s.challenge || s.scenario.mode !== 'dissemination') return;
    const config = this.deps.spread.store.getState().runConfig;
    const verdict = checkChallenge(s.challenge, this.record(), config);
    this.set({ verdict });
    if (verdict.ok) this.markDone();
  }

  /** The run record the measures and checks read: the shown mode's metrics, frames and graph. */
  record(): RunRecord {
    const s = this.deps.spread.store.getState();
    const graph = this.deps.spread.frames.graph();
    if (this.current().scenario.mode === 'membership') {
      const m = this.deps.membership.store.getState();
      return { nodes: m.nodes, history: [], trace: [], adjacency: null, crashes: m.summary?.crashes ?? null };
    }
    return {
      nodes: s.runConfig.nodes,
      history: s.history,
      trace: this.trace,
      adjacency: graph?.offsets && graph.neighbors ? { offsets: graph.offsets, neighbors: graph.neighbors } : null,
    };
  }

  private current(): LessonStep {
    return stepAt(this.state.chapter, this.state.step);
  }

  private load(s: LessonStep): void {
    const sc = s.scenario;
    // Hand play belongs to the step that asked for it.
    this.deps.spread.session.setHandPlay(null);
    this.playWhenReady = false;
    this.awaitingBuild = true;
    this.deps.setMode(sc.mode);
    if (sc.mode === 'membership') {
      const session = this.deps.membership.session();
      session.setSpeed(sc.speed);
      session.loadRun({ model: 'membership', config: sc.config, actions: sc.actions, round: 0 }, null);
    } else {
      this.trace = [];
      this.deps.spread.session.setSpeed(sc.speed);
      this.deps.spread.session.loadRun({ config: sc.config, actions: sc.actions, round: 0 }, null);
    }
    // A step with nothing to predict or solve plays by itself, as a preset does.
    if (!s.prediction && !s.challenge) this.runOn();
  }

  private host(): RunHost<unknown> {
    return this.current().scenario.mode === 'membership' ? this.deps.membership.session() : this.deps.spread.session;
  }

  private runStore(): StoreApi<GossipState> | StoreApi<MembershipState> {
    return this.current().scenario.mode === 'membership' ? this.deps.membership.store : this.deps.spread.store;
  }

  /** Plays the step's run as soon as it is built (a hand-played step waits for the student's Step instead). */
  private runOn(): void {
    if (this.current().handPlay) return;
    this.playWhenReady = true;
    this.follow(this.current().scenario.mode);
  }

  /** A frame of the dissemination run: kept (key 0) for the checks of partitions and rings. */
  private recordFrame(): void {
    // Only for a lesson: each kept state is a copy of the cluster, so recording the sandbox would
    // grow without end (6 MB a round at 10^6 nodes, 60 KB at 10^4). A step loads its own run.
    if (!this.state.open) {
      if (this.trace.length > 0) this.trace = [];
      return;
    }
    const f = this.deps.spread.frames.frame();
    if (!f) return;
    if (f.graphId !== this.traceGraph) {
      // A new run (the step loaded, or Start over): the old verdict was about another run.
      this.trace = [];
      this.traceGraph = f.graphId;
      if (this.state.verdict) this.set({ verdict: null });
    }
    // An earlier round (time travel, a fork) is what the run now is from there on: it replaces
    // what was kept from that round on. An action shows its round again, changed: both states
    // were shown, so both are kept (a heal in the very round the halves settled must not erase
    // the frame that showed them apart).
    const last = this.trace.at(-1);
    if (last && last.round > f.round) this.trace = this.trace.filter((p) => p.round < f.round);
    const versions = new Uint32Array(f.alive.length);
    for (let i = 0; i < versions.length; i++) versions[i] = f.versions[i * f.keys];
    const point = { round: f.round, versions, alive: f.alive.slice(), group: f.group.slice() };
    const kept = this.trace.at(-1);
    if (!kept || kept.round !== point.round || !samePoint(kept, point)) this.trace.push(point);
    this.follow('dissemination');
  }

  /** The run moved on: start it once built, or note a skipped prediction, or read the engine's answer. */
  private follow(mode: LessonMode): void {
    const st = this.state;
    if (!st.open) return;
    const s = this.current();
    if (s.scenario.mode !== mode) return;
    const run = this.runStore().getState();
    if (this.awaitingBuild) {
      if (run.building) this.awaitingBuild = false;
      return;
    }
    if (run.building) return;
    if (this.playWhenReady) {
      this.playWhenReady = false;
      this.host().play();
    }
    if (!s.prediction) return;
    if (st.phase === 'predict' && (run.status === 'playing' || run.lastRound > 0)) {
      // Play or Step before predicting: the prediction is skipped, the answer still shows.
      this.set({ phase: 'running', skipped: true });
    }
    if (this.state.phase !== 'running') return;
    const value = s.prediction.measure(this.record());
    if (value === null) return;
    this.host().pause();
    this.set({ phase: 'answered', answer: value });
    this.markDone();
  }

  private markDone(): void {
    const id = stepIdAt(this.state);
    if (!this.state.done.includes(id)) this.set({ done: [...this.state.done, id] });
    this.saveProgress();
  }

  private loadProgress(): typeof EMPTY_PROGRESS {
    return parseProgress(read(this.deps.storage ?? null, PROGRESS_KEY));
  }

  /** Storage full or refused (private mode): the course still works, it is just not remembered. */
  private saveProgress(): void {
    const { chapter, step, done } = this.state;
    write(this.deps.storage ?? null, PROGRESS_KEY, progressText({ position: { chapter, step }, done }));
  }
}

const sameArray = (a: ArrayLike<number>, b: ArrayLike<number>): boolean => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** The same state shown twice (a selection, a redraw): kept once. */
function samePoint(a: TracePoint, b: TracePoint): boolean {
  return sameArray(a.versions, b.versions) && sameArray(a.alive, b.alive) && sameArray(a.group, b.group);
}

/** Rounds the student plays by hand in a hand-played step (its question is about round 3). */
export const HAND_ROUNDS = 3;

/** Steps in the course, for "step 3 of 26". */
export const COURSE_STEPS = CHAPTERS.reduce((n, c) => n + c.steps.length, 0);
