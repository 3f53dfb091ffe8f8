import { describe, expect, it } from 'vitest';
import { CHAPTERS } from '../lessons/chapters';
import { PROGRESS_KEY } from '../lessons/position';
import { createLessonStore } from '../store/lesson-store';
import { createMembershipStore } from '../store/membership-store';
import { LessonConductor } from './lesson-conductor';
import { sessionHarness } from './session-harness';
import { spreadTraceStore } from '../store/trace-store';

/** A conductor over a real Session on the in-process engine; membership never shown here. */
function setup(search = '', stored: string | null = null) {
  const h = sessionHarness();
  const store = createLessonStore();
  const memory = new Map<string, string>(stored ? [[PROGRESS_KEY, stored]] : []);
  let address = search;
  const modes: string[] = [];
  const membershipStore = createMembershipStore();
  const conductor = new LessonConductor({
    store,
    spread: { session: h.session, store: h.store, frames: h.frames },
    membership: { session: () => { throw new Error('no membership step expected'); }, store: membershipStore },
    setMode: (m) => modes.push(m),
    storage: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => void memory.set(k, v) },
    url: { search: () => address, replace: (s) => { address = s; } },
  });
  conductor.start();
  h.flush();
  return { h, store, conductor, memory, modes, address: () => address };
}

describe('LessonConductor', () => {
  it('keeps no copies of the cluster while no lesson is open (the sandbox plays for hours)', () => {
    const { h, conductor } = setup('?lesson=1&step=1');
    h.session.play();
    h.playOut();
    expect(conductor.record().trace.length).toBeGreaterThan(0);
    conductor.close();
    h.session.reset();
    h.flush();
    for (let i = 0; i < 20; i++) {
      h.session.step();
      h.flush();
    }
    expect(h.state().round).toBeGreaterThan(0);
    expect(conductor.record().trace).toEqual([]);
  });

  it('opens a lesson link\'s step with its scenario, waits for the prediction, plays, and pauses on the engine\'s answer', () => {
    const { h, store, conductor, address } = setup('?lesson=1&step=1');
    expect(store.getState()).toMatchObject({ open: true, chapter: 0, step: 0, phase: 'predict' });
    expect(h.state().runConfig).toMatchObject({ nodes: 1000, protocol: 'push' });
    // Nothing plays until the student answers.
    h.clock.advance(5000);
    expect(h.state().lastRound).toBe(0);
    conductor.predict(12);
    h.flush();
    h.playOut();
    expect(store.getState()).toMatchObject({ phase: 'answered', predicted: 12, answer: 18 });
    expect(h.state().status).not.toBe('playing');
    expect(address()).toBe('?lesson=1&step=1');
    expect(store.getState().done).toContain('push/rounds');
  });

  it('a Play before predicting counts as a skip; the next step does not take the last run\'s rounds for its answer', () => {
    const { h, store, conductor } = setup('?lesson=1&step=1');
    h.session.play();
    h.playOut();
    expect(store.getState()).toMatchObject({ phase: 'answered', skipped: true, answer: 18 });
    conductor.next();
    h.flush();
    expect(store.getState()).toMatchObject({ chapter: 0, step: 1, phase: 'predict', answer: null });
    expect(h.state().runConfig.nodes).toBe(16);
    // Hand play on request (the trace work's), and off again when the step is reloaded.
    conductor.playByHand();
    expect(spreadTraceStore.getState().hand?.rounds).toBe(3);
    expect(store.getState()).toMatchObject({ phase: 'running', skipped: true });
    conductor.goTo({ chapter: 0, step: 1 });
    h.flush();
    expect(spreadTraceStore.getState().hand).toBeNull();
    // Or the student steps three rounds, then the engine answers.
    conductor.predict(8);
    for (let i = 0; i < 3; i++) {
      h.session.step();
      h.flush();
    }
    expect(store.getState().phase).toBe('answered');
    expect(store.getState().answer).toBeLessThanOrEqual(8);
  });

  it('checks a challenge against the run: a wrong answer gets the hint, the right one passes', () => {
    const ring = CHAPTERS.findIndex((c) => c.steps.some((s) => s.challenge === 'stop-on-ring'));
    const step = CHAPTERS[ring].steps.findIndex((s) => s.challenge === 'stop-on-ring');
    const { h, store, conductor } = setup(`?lesson=${ring + 1}&step=${step + 1}`);
    expect(store.getState().phase).toBe('free');
    h.session.toggleCrash(3);
    h.flush();
    conductor.check();
    expect(store.getState().verdict).toMatchObject({ ok: false, key: 'challenge.stop-on-ring.around' });
    h.session.toggleCrash(27);
    h.flush();
    conductor.check();
    expect(store.getState().verdict).toMatchObject({ ok: true, values: { crashes: 2 } });
    // Start over: a new run, and the verdict about the old one goes.
    h.session.reset();
    h.flush();
    expect(store.getState().verdict).toBeNull();
  });

  it('split then heal: a heal in the very round the halves settled still counts the frame that showed them apart', () => {
    const at = CHAPTERS.findIndex((c) => c.steps.some((s) => s.challenge === 'split-then-heal'));
    const step = CHAPTERS[at].steps.findIndex((s) => s.challenge === 'split-then-heal');
    const { h, store, conductor } = setup(`?lesson=${at + 1}&step=${step + 1}`);
    const verdict = () => {
      conductor.check();
      return store.getState().verdict?.key;
    };
    expect(verdict()).toBe('challenge.split-then-heal.whole');
    for (let i = 0; i < 30 && h.state().convergedAt === null; i++) {
      h.session.step();
      h.flush();
    }
    h.session.splitInHalves();
    h.flush();
    expect(verdict()).toBe('challenge.split-then-heal.same');
    h.session.apply({ type: 'write', node: 0, key: 0 });
    h.flush();
    for (let i = 0; i < 40 && verdict() !== 'challenge.split-then-heal.heal'; i++) {
      h.session.step();
      h.flush();
    }
    expect(verdict()).toBe('challenge.split-then-heal.heal');
    h.session.heal();
    h.flush();
    for (let i = 0; i < 40 && verdict() !== 'challenge.split-then-heal.passed'; i++) {
      h.session.step();
      h.flush();
    }
    expect(store.getState().verdict).toMatchObject({ ok: true, key: 'challenge.split-then-heal.passed' });
  });

  it('remembers the place and the steps done; a bad link opens lesson 1 with a notice', () => {
    const first = setup('?lesson=2&step=2');
    first.conductor.close();
    expect(first.address()).toBe('');
    const again = setup('', first.memory.get(PROGRESS_KEY)!);
    expect(again.store.getState()).toMatchObject({ open: false, chapter: 1, step: 1 });
    again.conductor.open();
    expect(again.store.getState()).toMatchObject({ open: true, chapter: 1, step: 1 });
    const bad = setup('?lesson=nine');
    expect(bad.store.getState()).toMatchObject({ open: true, chapter: 0, step: 0 });
    expect(bad.h.state().notices.map((n) => n.text).join()).toMatch(/There is no lesson "nine"/);
  });
});
