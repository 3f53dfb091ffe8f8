import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EngineClient } from '../worker/client';
import type { MembershipFrame } from '../worker/protocol';
import { InProcessWorker } from '../worker/in-process-worker';
import { createFrameSource } from '../view/live-frame-source';
import { MembershipSession } from './membership-session';
import { createMembershipStore } from '../store/membership-store';
import { statusLine } from '../run/membership-summary';
import { DEFAULT_MEMBERSHIP_CONFIG } from '../engine/membership';
import { HISTORY_LIMIT } from './frame-summary';

function setup() {
  const worker = new InProcessWorker();
  const store = createMembershipStore();
  const source = createFrameSource<MembershipFrame>();
  const frames = { frame: () => source.detail(), selected: () => source.selected(), source };
  const session = new MembershipSession({ store, frames: source, createClient: (h) => new EngineClient(h, { createWorker: () => worker }) });
  /** Lets `ms` pass, delivering every message both ways after each timer tick. */
  const pump = (ms: number): void => {
    for (let t = 0; t < ms; t += 50) {
      vi.advanceTimersByTime(50);
      worker.flush();
    }
  };
  const status = (): string => {
    const s = store.getState();
    return statusLine({ round: s.round, nodes: s.nodes, live: s.live, protocol: s.applied!.protocol, summary: s.summary });
  };
  return { worker, store, frames, session, pump, status };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('MembershipSession', () => {
  it('keeps the last HISTORY_LIMIT rounds of history, not every round (the soak\'s growth)', () => {
    const { store, session, worker, pump } = setup();
    const target = HISTORY_LIMIT + 700;
    session.loadRun({ model: 'membership', config: { ...DEFAULT_MEMBERSHIP_CONFIG, nodes: 8 }, actions: [], round: target });
    for (let i = 0; i < 400 && store.getState().round < target; i++) {
      worker.flush();
      pump(100);
    }
    const { round, history } = store.getState();
    expect(round).toBe(target);
    expect(history).toHaveLength(HISTORY_LIMIT);
    expect(history.at(-1)!.round).toBe(target);
    expect(history[0].round).toBe(target - HISTORY_LIMIT + 1);
  });

  it('builds the form\'s run, steps it, and keeps per-round history', () => {
    const { store, frames, session, worker } = setup();
    session.start();
    session.start(); // idempotent: a mode switch back does not rebuild
    expect(store.getState().building).toBe(true);
    worker.flush();
    expect(store.getState()).toMatchObject({ building: false, round: 0, nodes: 100, live: 100, status: 'idle' });
    expect(store.getState().resolved!.swim.indirectChecks).toBe(3);
    expect(frames.frame()!.alive).toHaveLength(100);
    session.step();
    worker.flush();
    expect(store.getState().round).toBe(1);
    expect(store.getState().history).toHaveLength(1);
    expect(store.getState().history[0].messagesPerNode).toBeGreaterThan(1);
    expect(worker.sent.filter((m) => m.type === 'init')).toHaveLength(1);
    // The shared renderer's source got the run's graph and a styled frame of the same run.
    const graph = frames.source.graph()!;
    expect(graph.nodes).toBe(100);
    expect(frames.source.frame()).toMatchObject({ graphId: graph.id, round: 1 });
    expect(frames.source.frame()!.style!.fill).toHaveLength(100);
    session.select(7);
    expect(frames.source.selected()).toBe(7);
  });

  it('crashes the selected node, and the status line follows its detection', () => {
    const { store, frames, session, worker, pump, status } = setup();
    session.start();
    worker.flush();
    session.toggleCrash();
    expect(store.getState().notices.at(-1)!.text).toMatch(/Select a node first/);
    session.select(7);
    worker.flush();
    expect(frames.frame()!.table!.node).toBe(7);
    session.toggleCrash();
    worker.flush();
    expect(frames.frame()!.alive[7]).toBe(0);
    expect(store.getState().actions).toBe(1);
    expect(status()).toBe('Round 0 · 1 crashed · not yet detected · 0 false positives');
    session.setSpeed(10);
    session.play();
    pump(2500);
    session.pause();
    expect(store.getState().round).toBeGreaterThan(15);
    expect(status()).toMatch(/^Round \d+ · 1 crashed · detected in \d rounds? · all know after \d+ · 0 false positives$/);
    session.toggleCrash();
    worker.flush();
    expect(store.getState().live).toBe(100);
  });

  it('refuses more than 2000 nodes with a message about memory, and keeps the run', () => {
    const { store, session, worker, pump } = setup();
    session.start();
    worker.flush();
    session.setFormValue('nodes', '5000');
    pump(1000);
    expect(store.getState().applied!.nodes).toBe(100);
    session.reset();
    worker.flush();
    expect(store.getState().notices.at(-1)!.text).toMatch(/refused/);
    expect(store.getState().nodes).toBe(100);
  });

  it('follows the form by itself, a started run too (rebuilt at round 0); applies packet loss live', () => {
    const { store, session, worker, pump } = setup();
    session.start();
    worker.flush();
    session.setFormValue('nodes', '30');
    pump(500);
    expect(store.getState().nodes).toBe(30);
    session.step();
    worker.flush();
    session.setFormValue('loss', '10');
    worker.flush();
    expect(store.getState().loss).toBe(0.1);
    session.setFormValue('seed', '9');
    pump(500);
    expect(store.getState()).toMatchObject({ round: 0, loss: 0.1 });
    expect(store.getState().applied!.seed).toBe(9);
  });

  it('loads a preset: plays it, runs its comparison, and pauses when the story is told', () => {
    const { store, session, worker, pump } = setup();
    session.start();
    worker.flush();
    session.loadPreset('split-brain');
    expect(store.getState().comparison).toMatchObject({ presetId: 'split-brain', series: null, marker: 60 });
    worker.flush();
    const c = store.getState().comparison!.series!;
    expect(c.map((s) => s.wronglyDead.at(-1))).toEqual([800, 0]);
    expect(store.getState().status).toBe('playing');
    session.setSpeed(30);
    pump(6000);
    expect(store.getState()).toMatchObject({ status: 'paused', round: 120 });
    expect(store.getState().last!.wronglyDead).toBe(800);
    expect(store.getState().notices.at(-1)!.text).toMatch(/told its story at round 120/);
    // Reconnect on and Reset: the same timeline, and the halves merge.
    session.setFormValue('reconnect', true);
    session.reset();
    worker.flush();
    session.play();
    pump(9000);
    expect(store.getState()).toMatchObject({ status: 'paused', round: 120 });
    expect(store.getState().last!.wronglyDead).toBe(0);
    session.loadPreset('nope');
    expect(store.getState().notices.at(-1)!.text).toMatch(/No membership preset/);
  });

  it('turns a worker failure into a message and restarts on request', () => {
    const { store, session, worker } = setup();
    session.start();
    worker.flush();
    worker.emit('error', Object.assign(new Event('error'), { message: 'boom' }));
    expect(store.getState().workerError).toMatch(/crashed: boom/);
    session.restart();
    expect(store.getState().workerError).toBeNull();
  });
});
