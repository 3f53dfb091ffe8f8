import type { LoggedAction } from '../engine/types';
import { errorText } from './error-text';
import { buildMembershipModel, compareMembership } from './membership-model';
import type { FrameNews, LiveModel, Watch } from './model';
import { buildSpreadModel } from './spread-model';
import { transferables, type FromWorker, type InitRequest, type ToWorker, type WireFrame } from './protocol';

export type Post = (msg: FromWorker, transfer: Transferable[]) => void;

/** Rounds one `step` request may ask for; keeps one request from blocking the worker for long. */
const MAX_STEP_COUNT = 1000;
/** Rounds a timeline change may replay (beyond this, the change is refused with a message). */
export const MAX_REPLAY_ROUNDS = 5000;

const NO_NEWS: FrameNews<never> = { applied: [], rejected: [] };

/** Builds the run an init request describes, with `schedule` planned; throws ConfigError on a bad configuration. */
function buildModel(init: InitRequest, schedule: readonly LoggedAction[]): LiveModel {
  return (init.model === 'membership' ? buildMembershipModel(init, schedule) : buildSpreadModel(init, schedule)) as LiveModel;
}

/**
 * The worker's logic without the worker, for every model: it owns one run (a LiveModel: the
 * model's run with its planned actions on a Timeline — checkpoints plus deterministic replay,
 * so any earlier round can be shown exactly and the run forked from it) and answers each
 * request through `post`. Kept apart from `engine.worker.ts` so that tests drive it directly.
 *
 * @example
 *   const host = createEngineHost((msg) => console.log(msg.type));
 *   host.handle({ type: 'init', model: 'spread', graphId: 1, config: DEFAULT_CONFIG, options });
 *   host.handle({ type: 'step', requestId: 1 }); // → 'frame'
 *   host.handle({ type: 'seek', requestId: 2, round: 0 }); // → 'frame' of round 0
 */
export function createEngineHost(post: Post): { handle(msg: ToWorker): void } {
  let live: LiveModel | null = null;
  let graphId = 0;
  const watch: Watch = { node: null, matrix: false, tree: false, spaceTime: false, key: 0 };

  const send = (msg: FromWorker): void => post(msg, transferables(msg));
  const frameOf = (m: LiveModel, cause: WireFrame['cause'], news: FrameNews<unknown>): WireFrame => m.frame(graphId, cause, news, watch);

  function build(init: InitRequest, schedule: readonly LoggedAction[]): void {
    try {
      live = buildModel(init, schedule);
    } catch (e) {
      send({ type: 'error', requestId: null, message: `Could not build the run: ${errorText(e)}` });
      return;
    }
    graphId = init.graphId;
    if (watch.node !== null && watch.node >= live.nodes) watch.node = null;
    send(live.ready(graphId));
    send({ type: 'frame', frame: frameOf(live, 'init', { applied: [...live.run.log], rejected: [...live.run.rejected] }) });
  }

  /**
   * `count` rounds forward: first through the rounds already run (showing them again), then
   * new ones. Only new rounds have news: the planned actions they ran and refused.
   */
  function step(m: LiveModel, count: number): FrameNews<unknown> {
    const tl = m.timeline, head = tl.last;
    let advanced = false;
    for (let i = 0; i < count; i++) {
      if (tl.shown < tl.last) tl.seek(tl.shown + 1);
      else {
        tl.advance();
        advanced = true;
      }
    }
    if (!advanced) return NO_NEWS;
    return {
      applied: m.run.log.filter((e) => e.round > head),
      rejected: m.run.rejected.filter((x) => x.round > head),
      between: tl.metrics.slice(head, tl.shown - 1),
    };
  }

  function handle(msg: ToWorker): void {
    switch (msg.type) {
      case 'init':
        build(msg, msg.schedule ?? []);
        return;
      case 'step': {
        if (!live) return noRun(msg.requestId);
        const count = Math.min(MAX_STEP_COUNT, Math.max(1, Math.floor(msg.count ?? 1)));
        const news = step(live, count);
        send({ type: 'frame', frame: frameOf(live, 'step', news) });
        return;
      }
      case 'seek': {
        if (!live) return noRun(msg.requestId);
        const round = Math.floor(msg.round);
        const tl = live.timeline;
        if (!(round >= 0 && round <= tl.last)) {
          send({ type: 'error', requestId: msg.requestId, message: `Round ${msg.round} has not been run: the run goes from round 0 to ${tl.last}.` });
          return;
        }
        tl.seek(round);
        send({ type: 'frame', frame: frameOf(live, 'seek', NO_NEWS) });
        return;
      }
      case 'fork': {
        if (!live) return noRun(msg.requestId);
        live.timeline.fork();
        live.run.setFuture(live.timeline.shown, msg.future);
        send({ type: 'frame', frame: frameOf(live, 'fork', NO_NEWS) });
        return;
      }
      case 'schedule': {
        if (!live) return noRun(msg.requestId);
        const target = Math.floor(msg.round);
        if (!(target >= 0 && target <= MAX_REPLAY_ROUNDS)) {
          send({ type: 'error', requestId: msg.requestId, message: `Replaying ${target} rounds is too long: step back to an earlier round (or reset) before changing the timeline.` });
          return;
        }
        let next: LiveModel;
        try {
          next = buildModel(live.init, msg.schedule);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: errorText(e) });
          return;
        }
        live = next;
        while (next.timeline.last < target) next.timeline.advance();
        // The page knows its own timeline: it is told only of refusals it has not seen.
        // The replayed rounds' metrics ride along, so the charts redraw the rounds the change touched.
        send({ type: 'frame', frame: frameOf(next, 'schedule', { applied: [], rejected: next.run.rejected.filter((x) => x.round >= target), between: next.timeline.metrics.slice(0, Math.max(0, target - 1)) }) });
        return;
      }
      case 'apply': {
        if (!live) return noRun(msg.requestId);
        const tl = live.timeline;
        const forking = tl.shown < tl.last;
        try {
          tl.apply(msg.action);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: errorText(e) });
          return;
        }
        if (forking && msg.future) live.run.setFuture(tl.shown, msg.future);
        send({ type: 'actionResult', requestId: msg.requestId, action: structuredClone(msg.action), round: tl.shown });
        send({ type: 'frame', frame: frameOf(live, 'action', NO_NEWS) });
        return;
      }
      case 'watch':
        watch.node = msg.node;
        watch.matrix = msg.matrix ?? false;
        watch.tree = msg.tree ?? false;
        watch.spaceTime = msg.spaceTime ?? false;
        if (msg.key !== undefined && Number.isInteger(msg.key) && msg.key >= 0) watch.key = msg.key;
        if (!live) return noRun(null);
        send({ type: 'frame', frame: frameOf(live, 'watch', NO_NEWS) });
        return;
      case 'compare': {
        let series;
        try {
          series = compareMembership(msg.config, msg.schedule, msg.rounds, msg.variants);
        } catch (e) {
          send({ type: 'error', requestId: msg.requestId, message: `The comparison could not run: ${errorText(e)}` });
          return;
        }
        send({ type: 'comparison', requestId: msg.requestId, series });
        return;
      }
      default: {
        const unknown: never = msg;
        send({ type: 'error', requestId: null, message: `Unknown request ${JSON.stringify(unknown)}` });
      }
    }
  }

  function noRun(requestId: number | null): void {
    send({ type: 'error', requestId, message: 'No run yet: build one first.' });
  }

  return { handle };
}
