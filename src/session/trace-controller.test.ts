import { beforeEach, describe, expect, it } from 'vitest';
import { INITIAL_TRACE, spreadTraceStore } from '../store/trace-store';
import { hashNow, sessionHarness, stepTimes } from './session-harness';

const trace = () => spreadTraceStore.getState();

describe('TraceController through the Session', () => {
  beforeEach(() => spreadTraceStore.setState({ ...INITIAL_TRACE }));

  it('hand-played rounds: clicks pick the targets, refusals change nothing, the engine takes over, a link replays it', () => {
    const h = sessionHarness({ nodes: '20', protocol: 'push', topology: 'complete', fanout: '1' });
    h.session.setHandPlay(2);
    expect(trace().hand).toMatchObject({ sender: 0, perSender: 1, waiting: 0, blocked: null });
    h.session.select(0); // a click on the sender itself
    expect(h.state().notices.at(-1)?.text).toMatch(/cannot send to itself/);
    expect(trace().hand!.picks).toEqual([]);
    h.session.select(5);
    h.flush();
    expect(h.state().round).toBe(1);
    expect(h.state().schedule.map((e) => e.action)).toEqual([{ type: 'pickPeers', node: 0, peers: [5] }]);
    expect(trace().hand).toMatchObject({ sender: 0, waiting: 1 });
    h.session.select(9);
    expect(trace().hand).toMatchObject({ sender: 5, waiting: 0, picks: [[0, 9]] });
    h.session.select(11);
    h.flush();
    expect(h.state().round).toBe(2);
    expect(trace().hand!.blocked).toMatch(/Rounds 1–2 were played by hand/);
    // Clicks select again; the path to node 11 is the one played.
    h.session.select(11);
    h.flush();
    expect(trace().path).toEqual({ origin: 0, writtenAt: 0, hops: [{ from: 0, to: 5, round: 1 }, { from: 5, to: 11, round: 2 }] });
    expect(h.frames.highlight?.()?.path).toEqual(Int32Array.of(0, 5, 5, 11));
    stepTimes(h, 4);
    const at6 = hashNow(h);
    const run = h.session.currentRun()!;
    const again = sessionHarness();
    again.session.loadRun(run);
    for (let i = 0; i < 10 && again.state().round < 6; i++) again.flush();
    expect(again.state().round).toBe(6);
    expect(hashNow(again)).toBe(at6);
  });

  it('the spread tree: frames carry it only while shown, with the depth histogram', () => {
    const h = sessionHarness({ nodes: '40', protocol: 'push', fanout: '2' });
    stepTimes(h, 8);
    expect(h.frames.frame()).not.toBeNull();
    h.session.trace.setTree(true);
    h.flush();
    const hist = trace().histogram!;
    expect(hist[0]).toBe(1);
    expect(hist.reduce((a, b) => a + b, 0)).toBe(h.frames.frame()!.metrics.informed[0]);
    expect(h.frames.highlight?.()?.tree?.length).toBe(2 * (hist.reduce((a, b) => a + b, 0) - 1));
    h.session.trace.setTree(false);
    h.flush();
    expect(trace().histogram).toBeNull();
    expect(h.frames.highlight?.() ?? null).toBeNull();
    stepTimes(h, 1);
    const sent = h.worker().sent.filter((m) => m.type === 'watch');
    expect(sent.map((m) => (m as { tree?: boolean }).tree)).toEqual([true, false]);
  });
});
