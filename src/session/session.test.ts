import { describe, expect, it } from 'vitest';
import type { FormValues } from '../run/form';
import { sessionHarness } from './session-harness';

function setup(form: Partial<FormValues> = {}) {
  const h = sessionHarness(form);
  const steps = () => h.worker().sent.filter((m) => m.type === 'step').length;
  return { ...h, steps };
}

describe('Session: building and pacing', () => {
  it('builds the form\'s run and hands the graph and frame to the FrameSource', () => {
    const { state, frames } = setup({ nodes: '30', topology: 'ring', degree: '4' });
    expect(state()).toMatchObject({ building: false, status: 'idle', round: 0 });
    expect(state().history).toHaveLength(1);
    expect(frames.graph()).toMatchObject({ nodes: 30, topology: 'ring' });
    expect(frames.frame()!.round).toBe(0);
    expect(state().graph?.edges).toBe(60);
  });

  it('never has more than one step outstanding, however long the worker takes', () => {
    const { session, clock, worker, steps, state } = setup();
    const w = worker();
    clock.advance(0);
    session.play();
    // Deliver nothing for a while: the first request waits, no second one is sent.
    const original = w.flush.bind(w);
    w.flush = () => {};
    clock.advance(5000);
    expect(steps()).toBe(1);
    w.flush = original;
    w.flush();
    expect(state().round).toBe(1);
    // The answer came late, so the next request goes at once; the one after waits 1/speed.
    clock.advance(0);
    expect(steps()).toBe(2);
    expect(state().round).toBe(2);
    clock.advance(499);
    expect(steps()).toBe(2);
    clock.advance(1);
    expect(steps()).toBe(3);
  });

  it('plays at the chosen speed in rounds per second', () => {
    const { session, clock, state } = setup({ nodes: '2000', topology: 'ring', degree: '2' });
    session.setSpeed(4);
    session.play();
    clock.advance(2000);
    expect(state().round).toBeGreaterThanOrEqual(8);
    expect(state().round).toBeLessThanOrEqual(9);
    session.setSpeed(100); // clamped to 30
    expect(state().speed).toBe(30);
    session.pause();
    const r = state().round;
    clock.advance(5000);
    expect(state().round).toBe(r);
    expect(state().status).toBe('paused');
  });

  it('steps exactly one round, pausing a playing run', () => {
    const { session, clock, state, flush } = setup();
    session.play();
    clock.advance(1200);
    const r = state().round;
    session.step();
    flush();
    expect(state().round).toBe(r + 1);
    expect(state().status).toBe('paused');
    clock.advance(3000);
    expect(state().round).toBe(r + 1);
  });

  it('pauses by itself when every live node has the newest version', () => {
    const { session, clock, state } = setup({ nodes: '40', topology: 'complete', protocol: 'push-pull' });
    session.setSpeed(30);
    session.play();
    for (let t = 0; t < 100 && state().status === 'playing'; t++) clock.advance(100);
    expect(state().status).toBe('paused');
    expect(state().convergedAt).toBe(state().round);
    expect(state().notices.at(-1)?.text).toMatch(/newest version/);
    const last = state().history.at(-1)!;
    expect(last.informed[0]).toBe(40);
  });

  it('ignores the frame of a step that a reset overtook', () => {
    const { session, clock, state, flush, worker } = setup();
    const w = worker();
    const original = w.flush.bind(w);
    w.flush = () => {};
    session.play();
    clock.advance(0);
    expect(w.queued).toBe(1);
    session.reset();
    w.flush = original;
    flush();
    expect(state().round).toBe(0);
    expect(state().status).toBe('idle');
  });
});

describe('Session: actions', () => {
  it('writes at the selected node, or at a live node the run\'s PRNG picks', () => {
    const { session, state, flush, frames } = setup({ nodes: '20' });
    const before = state().latest[0];
    session.select(7);
    session.writeUpdate();
    flush();
    expect(state().latest[0]).not.toBe(before);
    expect(frames.frame()!.versions[7]).toBe(state().latest[0]);
    expect(state().selectedInfo).toMatchObject({ node: 7, versions: [state().latest[0]], alive: true });
    expect(state().history).toHaveLength(1); // still round 0: the entry is replaced

    const again = setup({ nodes: '20' });
    again.session.writeUpdate();
    again.flush();
    const other = setup({ nodes: '20' });
    other.session.writeUpdate();
    other.flush();
    expect(other.state().latest).toEqual(again.state().latest); // same seed, same pick
  });

  it('toggles a crash and refuses a write at a crashed node with a notice', () => {
    const { session, state, flush } = setup({ nodes: '20' });
    session.select(3);
    session.toggleCrash();
    flush();
    expect(state().selectedInfo?.alive).toBe(false);
    expect(state().history.at(-1)!.live).toBe(19);
    const latest = state().latest;
    session.writeUpdate();
    flush();
    expect(state().notices.at(-1)).toMatchObject({ tone: 'error', text: expect.stringMatching(/Write at node 3 refused: .*crashed/) });
    expect(state().latest).toEqual(latest);
    session.toggleCrash(3);
    flush();
    expect(state().selectedInfo?.alive).toBe(true);
  });

  it('asks for a selection before crashing nothing', () => {
    const { session, state, flush, worker } = setup();
    const sent = worker().sent.length;
    session.toggleCrash();
    flush();
    expect(worker().sent.length).toBe(sent);
    expect(state().notices.at(-1)?.text).toMatch(/Select a node/);
  });

  it('splits in halves, refuses a one-sided split, and heals', () => {
    const { session, state, flush } = setup({ nodes: '30' });
    session.partition([[], [1, 2]]);
    flush();
    expect(state().partition).toBeNull();
    expect(state().notices.at(-1)?.text).toMatch(/one side has no nodes/);
    session.splitInHalves();
    flush();
    expect(state().partition).toEqual([0, 15, 15]);
    session.heal();
    flush();
    expect(state().partition).toBeNull();
  });

  it('uses the renderer\'s layout halves when it offers them', () => {
    const { session, state, flush } = setup({ nodes: '10' });
    session.setGraphApi({ splitHalves: () => [[0, 2, 4, 6], [1, 3, 5, 7, 8, 9]], splitInto: () => [] });
    session.splitInHalves();
    flush();
    expect(state().partition).toEqual([0, 4, 6]);
  });

  it('reports the selected node\'s message counts', () => {
    const { session, state, flush } = setup({ nodes: '20', topology: 'complete' });
    session.select(0);
    flush();
    expect(state().selectedInfo).toMatchObject({ node: 0, sent: 0, received: 0 });
    session.step();
    flush();
    expect(state().selectedInfo!.sent).toBe(1);
    session.escape();
    expect(state().selected).toBeNull();
  });

  it('Esc leaves split mode before it clears the selection', () => {
    const { session, state } = setup();
    session.select(1);
    session.toggleSplitMode();
    expect(state().mode).toBe('split');
    session.escape();
    expect(state()).toMatchObject({ mode: 'select', selected: 1 });
  });
});

describe('Session: form', () => {
  it('rebuilds a fresh run by itself when the form changes', () => {
    const { session, state, clock } = setup();
    session.setFormValue('nodes', '50');
    clock.advance(1000);
    expect(state().graph?.nodes).toBe(50);
  });

  it('rebuilds a started run at round 0 when the cluster changes, keeping it playing — no Reset needed', () => {
    const { session, state, clock, flush } = setup();
    session.step();
    flush();
    session.play();
    session.setFormValue('nodes', '5');
    session.setFormValue('nodes', '50');
    clock.advance(1000);
    expect(state().graph?.nodes).toBe(50);
    expect(state().status).toBe('playing');
    expect(state().notices.some((n) => /New settings: the run starts again from round 0/.test(n.text))).toBe(true);
    session.pause();
    session.setFormValue('seed', '9');
    clock.advance(1000);
    expect(state()).toMatchObject({ round: 0, status: 'idle', graph: { nodes: 50 } });
    expect(state().runConfig.seed).toBe(9);
  });

  it('changes packet loss live, without a rebuild', () => {
    const { session, state, flush, clock } = setup();
    session.step();
    flush();
    session.setFormValue('loss', '100');
    flush();
    clock.advance(1000);
    expect(state().loss).toBe(1);
    expect(state().round).toBe(1);
    session.step();
    flush();
    const m = state().history.at(-1)!;
    expect(m.delivered).toBe(0);
    expect(m.droppedLoss).toBe(m.sent);
  });
});

describe('Session: worker failures', () => {
  it('shows a crash and restarts the run on a fresh worker', () => {
    const { session, state, worker, workers, clock } = setup();
    session.play();
    clock.advance(600);
    worker().emit('error', Object.assign(new Event('error'), { message: 'out of memory' }));
    expect(state().workerError).toMatch(/crashed: out of memory/);
    expect(state().status).toBe('paused');
    session.restart();
    workers.at(-1)!.flush();
    expect(workers).toHaveLength(2);
    expect(state()).toMatchObject({ workerError: null, round: 0, building: false });
    session.step();
    workers.at(-1)!.flush();
    expect(state().round).toBe(1);
  });
});
