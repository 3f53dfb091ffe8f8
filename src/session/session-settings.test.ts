import { describe, expect, it } from 'vitest';
import { hashNow, sessionHarness, stepTimes } from './session-harness';

describe('Session: settings that change mid-run', () => {
  it('a fanout change mid-run applies from the next round as a timeline action, with a notice — no rebuild', () => {
    const h = sessionHarness({ nodes: '300', topology: 'complete' });
    stepTimes(h, 3);
    const sentBefore = h.state().history.at(-1)!.sent;
    h.session.setFormValue('fanout', '4');
    h.flush();
    h.clock.advance(1000);
    expect(h.state()).toMatchObject({ round: 3, lastRound: 3, settings: { fanout: 4 } });
    expect(h.state().runConfig.fanout).toBe(1);
    expect(h.state().schedule.map((e) => ({ round: e.round, action: e.action, recorded: e.recorded }))).toEqual([{ round: 3, action: { type: 'setFanout', fanout: 4 }, recorded: true }]);
    expect(h.state().notices.map((n) => n.text)).toContain('Fanout 4 from round 4');
    expect(h.state().notices.some((n) => /starts again from round 0/.test(n.text))).toBe(false);
    stepTimes(h, 1);
    // Each of the informed nodes now sends four messages.
    expect(h.state().history.at(-1)!.sent).toBeGreaterThan(3 * sentBefore);
  });

  it('delay and rumor k change live too; stepping back past a change and forward again gives the same frames', () => {
    const h = sessionHarness({ nodes: '200', protocol: 'rumor', k: '1' });
    stepTimes(h, 2);
    h.session.setFormValue('k', '5');
    h.flush();
    stepTimes(h, 2);
    h.session.setFormValue('delayKind', 'uniform');
    h.session.setFormValue('delayMax', '3');
    h.flush();
    stepTimes(h, 4);
    expect(h.state().schedule.map((e) => e.action.type)).toEqual(['setRumorK', 'setDelay']);
    expect(h.state().settings).toMatchObject({ k: 5, delay: { kind: 'uniform', min: 1, max: 3 } });
    const seen = [8, 3, 1].map((r) => {
      h.session.seekTo(r);
      h.flush();
      return { r, hash: hashNow(h), settings: h.state().settings };
    });
    expect(seen[2].settings.k).toBe(1);
    h.session.seekTo(8);
    h.flush();
    expect(hashNow(h)).toBe(seen[0].hash);
    h.session.seekTo(3);
    h.flush();
    expect(hashNow(h)).toBe(seen[1].hash);
    expect(h.state().settings).toMatchObject({ k: 5, delay: { kind: 'fixed', rounds: 1 } });
  });

  it('the run with a mid-run change reopens from its link in exactly the same state', () => {
    const a = sessionHarness({ nodes: '120', protocol: 'push-pull' });
    stepTimes(a, 2);
    a.session.setFormValue('fanout', '3');
    a.flush();
    stepTimes(a, 3);
    const run = a.session.currentRun()!;
    expect(run.actions).toEqual([{ round: 2, action: { type: 'setFanout', fanout: 3 } }]);
    const b = sessionHarness();
    b.session.loadRun(structuredClone(run));
    b.flush();
    b.flush();
    expect(b.state()).toMatchObject({ round: 5, settings: { fanout: 3 } });
    expect(hashNow(b)).toBe(hashNow(a));
  });

  it('a change at round 0 of an untouched run rebuilds it with the new fanout; the cluster settings rebuild as before', () => {
    const h = sessionHarness({ nodes: '100' });
    h.session.setFormValue('fanout', '2');
    h.clock.advance(1000);
    expect(h.state().runConfig.fanout).toBe(2);
    expect(h.state().schedule).toEqual([]);
    stepTimes(h, 2);
    h.session.setFormValue('nodes', '150');
    h.clock.advance(1000);
    expect(h.state()).toMatchObject({ round: 0, graph: { nodes: 150 }, runConfig: { nodes: 150, fanout: 2 } });
  });
});
