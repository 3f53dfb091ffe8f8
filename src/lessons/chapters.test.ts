import { describe, expect, it } from 'vitest';
import { configProblems } from '../engine/config';
import { MembershipSimulation } from '../engine/membership';
import { pageProblems } from '../run/page-fit';
import { CHAPTERS, clampPosition, moveStep } from './chapters';
import { recordEngineRun } from './engine-run';
import type { LessonStep, RunRecord } from './types';

/** Plays a step's scenario in the engine until its prediction's measure has an answer (as the page does). */
function answer(step: LessonStep, limit = 400): { value: number | null; run: RunRecord } {
  const s = step.scenario, p = step.prediction!;
  if (s.mode === 'membership') {
    const sim = new MembershipSimulation(s.config);
    const run: RunRecord = { nodes: s.config.nodes, history: [], trace: [], adjacency: null, crashes: [] };
    for (let r = 0; r < limit; r++) {
      // Round r's planned actions apply after round r, as the page's timeline does.
      for (const a of s.actions) if (a.round === r) sim.apply(a.action);
      sim.step();
      run.crashes = sim.summary().crashes;
      const v = p.measure(run);
      if (v !== null) return { value: v, run };
    }
    return { value: null, run };
  }
  let value: number | null = null;
  const run = recordEngineRun(s.config, s.actions, limit, { until: (r) => (value = p.measure(r)) !== null });
  return { value, run };
}

describe('the course', () => {
  it('has eight chapters of 1 to 5 steps, with unique ids, and at least three challenges', () => {
    expect(CHAPTERS).toHaveLength(8);
    for (const c of CHAPTERS) {
      expect(c.steps.length).toBeGreaterThanOrEqual(1);
      expect(c.steps.length).toBeLessThanOrEqual(5);
      expect(new Set(c.steps.map((s) => s.id)).size).toBe(c.steps.length);
    }
    expect(new Set(CHAPTERS.map((c) => c.id)).size).toBe(CHAPTERS.length);
    expect(CHAPTERS.flatMap((c) => c.steps).filter((s) => s.challenge).length).toBeGreaterThanOrEqual(3);
    expect(CHAPTERS.at(-1)!.steps.at(-1)!.sandbox).toBe(true);
  });

  it('every scenario is one the page can run', () => {
    for (const c of CHAPTERS) {
      for (const s of c.steps) {
        if (s.scenario.mode !== 'dissemination') continue;
        expect(configProblems(s.scenario.config), `${c.id}/${s.id}`).toEqual([]);
        expect(pageProblems(s.scenario.config), `${c.id}/${s.id}`).toEqual([]);
      }
    }
  });

  for (const c of CHAPTERS) {
    for (const s of c.steps.filter((x) => x.prediction)) {
      it(`${c.id}/${s.id}: the engine answers the prediction, beside a finite theory value`, () => {
        const { value } = answer(s);
        expect(value, 'the run shows the answer').not.toBeNull();
        const p = s.prediction!;
        if (p.kind === 'choice') expect(p.choices.map((x) => x.id)).toContain(p.choiceOf(value!));
        if (p.theory) expect(Number.isFinite(p.theory.value)).toBe(true);
        console.log(`${c.id}/${s.id}: engine ${value}${p.kind === 'choice' ? ` (${p.choiceOf(value!)})` : ''}, theory ${p.theory?.value.toFixed(2) ?? '—'}`);
      });
    }
  }

  it('moves across chapters and stops at both ends; positions clamp', () => {
    expect(moveStep(0, 0, -1)).toBeNull();
    expect(moveStep(0, CHAPTERS[0].steps.length - 1, 1)).toEqual({ chapter: 1, step: 0 });
    expect(moveStep(1, 0, -1)).toEqual({ chapter: 0, step: CHAPTERS[0].steps.length - 1 });
    expect(moveStep(CHAPTERS.length - 1, CHAPTERS.at(-1)!.steps.length - 1, 1)).toBeNull();
    expect(clampPosition(99, 99)).toEqual({ chapter: CHAPTERS.length - 1, step: CHAPTERS.at(-1)!.steps.length - 1 });
    expect(clampPosition(-3, Number.NaN)).toEqual({ chapter: 0, step: 0 });
  });
});
