import { describe, expect, it } from 'vitest';
import { SCENARIO_FORMAT, SCENARIO_VERSION, toScenario } from '../engine/scenario';
import { hashNow, sessionHarness, stepTimes } from './session-harness';

describe('Session: time travel', () => {
  it('seeks back and forth: the status, the frame and the inspector follow; the history stays whole', () => {
    const h = sessionHarness({ nodes: '60', protocol: 'push-pull' });
    const seen: string[] = [hashNow(h)];
    for (let r = 1; r <= 12; r++) {
      stepTimes(h, 1);
      seen.push(hashNow(h));
    }
    h.session.select(7);
    h.flush();
    const informedAt4 = h.state().history[4].informed[0];
    h.session.seekTo(4);
    h.flush();
    expect(h.state()).toMatchObject({ round: 4, lastRound: 12, seekTarget: null });
    expect(h.state().history).toHaveLength(13);
    expect(hashNow(h)).toBe(seen[4]);
    expect(h.frames.frame()!.metrics.informed[0]).toBe(informedAt4);
    expect(h.state().selectedInfo?.node).toBe(7);
    h.session.stepBack();
    h.flush();
    expect(hashNow(h)).toBe(seen[3]);
    // Step moves forward through what was run, Play runs on past the newest round.
    stepTimes(h, 2);
    expect(hashNow(h)).toBe(seen[5]);
    expect(h.state().lastRound).toBe(12);
  });

  it('coalesces a drag: one seek in flight, then straight to the last round asked for', () => {
    const h = sessionHarness({ nodes: '30' });
    stepTimes(h, 20);
    for (const r of [19, 17, 12, 8, 3]) h.session.seekTo(r);
    expect(h.worker().sent.filter((m) => m.type === 'seek').map((m) => (m as { round: number }).round)).toEqual([19]);
    h.flush();
    expect(h.worker().sent.filter((m) => m.type === 'seek').map((m) => (m as { round: number }).round)).toEqual([19, 3]);
    expect(h.state()).toMatchObject({ round: 3, seekTarget: null });
  });

  it('Continue from here forks: later rounds and later live actions go, planned ones stay, and it plays on', () => {
    const h = sessionHarness({ nodes: '40' });
    h.session.addToTimeline(15, { type: 'crash', node: 2 });
    stepTimes(h, 6);
    h.session.toggleCrash(9);
    h.flush();
    stepTimes(h, 6);
    expect(h.state().schedule.map((e) => [e.round, e.recorded])).toEqual([[6, true], [15, false]]);
    h.session.seekTo(3);
    h.flush();
    h.session.continueFromHere();
    h.flush();
    expect(h.state()).toMatchObject({ status: 'playing', lastRound: h.state().round });
    expect(h.state().schedule.map((e) => [e.round, e.recorded])).toEqual([[15, false]]);
    h.session.pause();
    h.flush();
    // The planned crash still happens; the live one at 6 does not.
    while (h.state().round < 16) stepTimes(h, 1);
    const alive = h.frames.frame()!.alive;
    expect([alive[2], alive[9]]).toEqual([0, 1]);
  });

  it('an action at an earlier round forks there and joins the timeline', () => {
    const h = sessionHarness({ nodes: '40' });
    stepTimes(h, 10);
    h.session.seekTo(4);
    h.flush();
    h.session.toggleCrash(11);
    h.flush();
    expect(h.state()).toMatchObject({ round: 4, lastRound: 4 });
    expect(h.state().history.at(-1)!.round).toBe(4);
    expect(h.state().schedule.map((e) => [e.round, e.action.type])).toEqual([[4, 'crash']]);
  });
});

describe('Session: whole runs', () => {
  it('a run loaded from its link lands on the same round in exactly the same state', () => {
    const a = sessionHarness({ nodes: '80', protocol: 'push-pull', loss: '10' });
    stepTimes(a, 3);
    a.session.splitInHalves();
    a.flush();
    stepTimes(a, 5);
    a.session.toggleCrash(12);
    a.flush();
    stepTimes(a, 4);
    const run = a.session.currentRun()!;
    expect(run.round).toBe(12);

    const b = sessionHarness();
    b.session.loadRun(structuredClone(run));
    // The catch-up runs in chunks, with the controls held back until it is done.
    b.flush();
    b.flush();
    expect(b.state()).toMatchObject({ round: 12, catchUpTo: null, building: false });
    expect(hashNow(b)).toBe(hashNow(a));
    for (const r of [0, 5, 9, 11]) {
      a.session.seekTo(r);
      a.flush();
      b.session.seekTo(r);
      b.flush();
      expect(hashNow(b), `round ${r}`).toBe(hashNow(a));
    }
  });

  it('imports a valid scenario: the run is replaced, its actions planned', () => {
    const h = sessionHarness({ nodes: '30' });
    stepTimes(h, 4);
    const file = toScenario({ ...h.state().runConfig, nodes: 50, seed: 9 }, [{ round: 2, action: { type: 'crash', node: 40 } }], 'Two crashes');
    expect(h.session.importScenarioText(JSON.stringify(file), 'two.json')).toBe(true);
    h.flush();
    expect(h.state()).toMatchObject({ round: 0, importFailure: null });
    expect(h.state().runConfig).toMatchObject({ nodes: 50, seed: 9 });
    expect(h.state().form.nodes).toBe('50');
    expect(h.state().schedule.map((e) => [e.round, e.recorded])).toEqual([[2, false]]);
    expect(h.state().notices.at(-1)!.text).toMatch(/Imported "Two crashes"/);
  });

  it('refuses an invalid scenario with every problem and its JSON path, and leaves the run alone', async () => {
    const h = sessionHarness({ nodes: '30' });
    stepTimes(h, 4);
    h.session.toggleCrash(3);
    h.flush();
    const before = { hash: hashNow(h), round: h.state().round, schedule: h.state().schedule, config: h.state().runConfig, form: h.state().form };
    const bad = { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, config: { nodes: 'many', loss: 3 }, actions: [{ round: -1, action: { type: 'explode' } }] };
    expect(h.session.importScenarioText(JSON.stringify(bad), 'bad.json')).toBe(false);
    const paths = h.state().importFailure!.problems.map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['$.config.nodes', '$.config.loss', '$.actions[0].round', '$.actions[0].action.type']));
    expect(h.state().importFailure!.fileName).toBe('bad.json');
    // Too many nodes for the page, though valid for the command line.
    h.session.importScenarioText(JSON.stringify(toScenario({ ...h.state().runConfig, nodes: 2_000_000 }, [])), 'big.json');
    expect(h.state().importFailure!.problems).toEqual([{ path: '$.config.nodes', message: expect.stringMatching(/at most 1,000,000 .*command line/) }]);
    for (const text of ['', '{', 'null', '[]', '"x"', '{"format":"gossip-lab-scenario"}']) {
      expect(h.session.importScenarioText(text, 'x.json')).toBe(false);
      expect(h.state().importFailure!.problems.length).toBeGreaterThan(0);
    }
    expect(await h.session.importScenarioFile({ name: 'huge.json', size: 5_000_000, text: () => Promise.reject(new Error('must not be read')) })).toBe(false);
    expect(h.state().importFailure!.problems[0].message).toMatch(/too large/);
    h.flush();
    expect({ hash: hashNow(h), round: h.state().round, schedule: h.state().schedule, config: h.state().runConfig, form: h.state().form }).toEqual(before);
  });

  it('Reset to defaults goes back to the first visit\'s settings with an empty timeline', () => {
    const h = sessionHarness({ nodes: '30', seed: '5' });
    h.session.addToTimeline(3, { type: 'heal' });
    stepTimes(h, 2);
    h.session.resetToDefaults();
    h.flush();
    expect(h.state()).toMatchObject({ round: 0, schedule: [] });
    expect(h.state().form.nodes).toBe('100');
    expect(h.state().runConfig).toMatchObject({ nodes: 100, seed: 1 });
  });
});

describe('Session: catching up', () => {
  it('a run opened at a later round has every round in its history, as if it had been played', () => {
    const a = sessionHarness({ nodes: '300', protocol: 'push' });
    stepTimes(a, 9);
    const b = sessionHarness();
    b.session.loadRun(a.session.currentRun()!);
    b.flush();
    expect(b.state().round).toBe(9);
    expect(b.state().history.map((m) => m.round)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(b.state().history.map((m) => [m.sent, m.informed[0], m.live])).toEqual(a.state().history.map((m) => [m.sent, m.informed[0], m.live]));
  });
});
