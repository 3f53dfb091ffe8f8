import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ROUND } from '../engine/limits';
import { parseScenario, runFileText, toScenario } from '../engine/scenario';
import { INTEREST_RULES, type Action, type LoggedAction, type SimConfig } from '../engine/types';
import { resolveForm, type FormValues } from '../run/form';
import { PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import { timelineActions, TIMELINE_KINDS, type TimelineDraft } from '../run/timeline-draft';
import { decodeRunLink, encodeRunLinkChecked, type RunLink } from '../share/run-link';
import { chooseInitialRun } from './initial-run';
import { RunMemory, type StorageLike } from './persistence';

/**
 * Limits that round-trip: any run the page can build — settings through the form (so within
 * the page's limits), a timeline made with the timeline form and the live buttons — goes into a
 * link, a scenario file and the browser's memory, and comes back as the same run.
 */

const numberText = (min: number, max: number) => fc.integer({ min, max }).map(String);

/** Whatever a user types into the form, mostly in range, sometimes far out of it. */
const formValues: fc.Arbitrary<FormValues> = fc.record({
  nodes: fc.oneof(numberText(2, 300), numberText(2, 10_000), numberText(-5, 50_000)),
  fanout: fc.oneof(numberText(1, 8), numberText(1, 20_000)),
  loss: numberText(0, 100),
  seed: numberText(0, 4_294_967_295),
  degree: fc.oneof(numberText(1, 12), numberText(1, 20_000)),
  protocol: fc.constantFrom('push', 'pull', 'push-pull', 'rumor'),
  topology: fc.constantFrom('complete', 'ring', 'random', 'grid'),
  origin: numberText(-1, 400),
  interest: fc.constantFrom(...INTEREST_RULES),
  k: numberText(1, 100),
  antiEntropy: numberText(0, 20),
  delayKind: fc.constantFrom('fixed', 'uniform', 'exp'),
  delayRounds: numberText(1, 200),
  delayMin: numberText(1, 100),
  delayMax: numberText(1, 100),
  delayMean: fc.oneof(numberText(1, 50), fc.double({ min: 1, max: 50, noNaN: true }).map(String)),
  crashRate: numberText(0, 100),
  recoverRate: numberText(0, 100),
  recoverEmpty: fc.boolean(),
}) as fc.Arbitrary<FormValues>;

/** The timeline form's fields, any kind, at any round it accepts. */
const draft: fc.Arbitrary<TimelineDraft> = fc.record({
  // Past MAX_ROUND too: the form refuses those, so they never reach a link.
  round: fc.oneof(numberText(0, 50), numberText(0, 2 * MAX_ROUND)),
  kind: fc.constantFrom(...TIMELINE_KINDS),
  node: numberText(0, 400),
  groups: numberText(2, 8),
  ids: fc.array(fc.tuple(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 4 })
    .map((parts) => parts.map(([a, len]) => (len === 0 ? `${a}` : `${a}-${a + len}`)).join(', ')),
  from: numberText(0, 7),
  to: numberText(0, 7),
  loss: numberText(0, 100),
});

/** Split into k groups as the drawing does: by id, in equal runs. */
const groupsInto = (nodes: number) => (k: number): number[][] | string => {
  if (!Number.isInteger(k) || k < 2 || k > Math.min(8, nodes)) return 'Into groups: 2 to 8.';
  return Array.from({ length: k }, (_, g) => Array.from({ length: nodes }, (_, i) => i).filter((i) => Math.floor((i * k) / nodes) === g));
};

/** A run as the page holds it: the form's configuration, and the timeline in round order. */
const uiRun: fc.Arbitrary<RunLink> = fc.tuple(formValues, fc.array(draft, { maxLength: 12 }), fc.nat({ max: MAX_ROUND })).map(([form, drafts, round]) => {
  const config: SimConfig = resolveForm(form, PAGE_DEFAULT_CONFIG).config;
  const actions: LoggedAction[] = [];
  for (const d of drafts) {
    const made = timelineActions(d, config.nodes, groupsInto(config.nodes));
    if (typeof made === 'string') continue; // the form said what was wrong; nothing was added
    made.actions.forEach((action: Action) => actions.push({ round: made.round, action }));
  }
  // The timeline keeps entries in the order the run applies them: by round, then as added.
  return { config, actions: actions.map((a, i) => [a, i] as const).sort(([a, i], [b, j]) => a.round - b.round || i - j).map(([a]) => a), round };
});

class MapStorage implements StorageLike {
  readonly map = new Map<string, string>();
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => void this.map.set(k, v);
  removeItem = (k: string) => void this.map.delete(k);
}

describe('every run the page can build round-trips', () => {
  it('through a link, a scenario file and the remembered run', () => {
    fc.assert(fc.property(uiRun, (run) => {
      const link = encodeRunLinkChecked(run);
      if (!link.ok) throw new Error(link.reason);
      expect(decodeRunLink(link.hash, PAGE_DEFAULT_CONFIG)).toEqual({ ...run, problems: [] });
      // The page opens the link whole: nothing of it is past the page's limits.
      expect(chooseInitialRun(link.hash, new RunMemory(null))).toEqual({ run, source: 'link', problems: [] });

      const file = runFileText(toScenario(run.config, run.actions));
      if (!file.ok) throw new Error(file.reason);
      const parsed = parseScenario(file.text);
      expect(parsed.ok && { config: parsed.scenario.config, actions: parsed.scenario.actions }).toEqual({ config: run.config, actions: run.actions });

      const storage = new MapStorage();
      expect(new RunMemory(storage).save(run)).toBe(true);
      expect(chooseInitialRun('', new RunMemory(storage))).toEqual({ run, source: 'saved', problems: [] });
    }), { numRuns: 150 });
  });
});

describe('group actions at 10,000 nodes are written compactly and read back whole', () => {
  // The case: 10,000 nodes and 45 group actions, each naming every node — 1 MB links
  // and 7 MB files before node lists had compact forms (engine/node-ranges.ts).
  const nodes = 10_000;
  const halves = groupsInto(nodes)(2) as number[][];
  const big: RunLink = {
    config: { ...PAGE_DEFAULT_CONFIG, nodes },
    actions: Array.from({ length: 45 }, (_, i) => ({ round: i, action: { type: 'partition' as const, groups: halves } })),
    round: 3,
  };
  // The page splits by the drawing: a random graph's sectors are scattered ids (a bitmap each).
  const rng = (seed: number) => () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const scattered = (seed: number): number[][] => {
    const r = rng(seed);
    const groups: number[][] = [[], [], []];
    for (let id = 0; id < nodes; id++) groups[Math.floor(r() * 3)].push(id);
    return groups;
  };
  const bySector: RunLink = {
    config: { ...PAGE_DEFAULT_CONFIG, nodes },
    actions: Array.from({ length: 45 }, (_, i) => ({ round: i * 2, action: i % 2 ? { type: 'heal' as const } : { type: 'partition' as const, groups: scattered(i) } })),
    round: 7,
  };

  // Link and file sizes: ranges make the halves a few bytes each; random sectors are bitmaps of
  // n/6 characters that deflate cannot shrink (they are random), 23 different partitions here.
  for (const [name, run, linkMax, fileMax] of [['halves by id', big, 2_000, 10_000], ['sectors of scattered ids', bySector, 150_000, 200_000]] as const) {
    it(`${name}: a link the page opens, a small file, the memory`, () => {
      const link = encodeRunLinkChecked(run);
      expect(link.ok).toBe(true);
      if (!link.ok) return;
      expect(link.hash.length).toBeLessThan(linkMax);
      expect(decodeRunLink(link.hash, PAGE_DEFAULT_CONFIG)).toEqual({ ...run, problems: [] });
      const file = runFileText(toScenario(run.config, run.actions));
      expect(file.ok).toBe(true);
      if (!file.ok) return;
      expect(file.text.length).toBeLessThan(fileMax);
      const parsed = parseScenario(file.text);
      expect(parsed.ok && parsed.scenario.actions).toEqual(run.actions);
      console.log(`${name}: link ${link.hash.length.toLocaleString('en-US')} characters, file ${file.text.length.toLocaleString('en-US')} bytes`);
      const storage = new MapStorage();
      expect(new RunMemory(storage).save(run)).toBe(true);
      expect(chooseInitialRun('', new RunMemory(storage))).toEqual({ run, source: 'saved', problems: [] });
    });
  }
});

describe('a run past what the readers accept is refused by the writers, with the reason', () => {
  // Plain ids no compact form shortens: 45 actions naming every node in a shuffled order.
  const nodes = 10_000;
  const shuffled = Array.from({ length: nodes }, (_, i) => (i * 7919) % nodes);
  const big: RunLink = {
    config: { ...PAGE_DEFAULT_CONFIG, nodes },
    actions: Array.from({ length: 45 }, (_, i) => ({ round: i, action: { type: 'isolate' as const, nodes: shuffled } })),
    round: 3,
  };

  it('no link, and the memory keeps the last run that fitted', () => {
    const link = encodeRunLinkChecked(big);
    expect(link).toEqual({ ok: false, reason: expect.stringMatching(/^No link for this run: it unpacks to [\d,]+ bytes, and Gossip Lab opens links of at most 2,097,152 \(remove some timeline actions/) });
    const storage = new MapStorage();
    const memory = new RunMemory(storage);
    const small = { ...big, actions: big.actions.slice(0, 2) };
    expect(memory.save(small)).toBe(true);
    expect(memory.save(big)).toBe(false);
    expect(memory.load()).toEqual({ ...small, problems: [] });
  });

  it('a scenario file goes on one line when indented it would be too large, and is refused past that', () => {
    const some = runFileText(toScenario(big.config, big.actions.slice(0, 20)));
    expect(some.ok && some.text.split('\n')).toHaveLength(2);
    expect(some.ok && parseScenario(some.text).ok).toBe(true);
    expect(runFileText(toScenario(big.config, big.actions))).toEqual({ ok: false, reason: expect.stringMatching(/^This run's file would be [\d,]+ bytes, and Gossip Lab reads files of at most 2,097,152: remove some timeline actions/) });
  });

  it('no link for a run past the last round a link holds', () => {
    const late = { config: PAGE_DEFAULT_CONFIG, actions: [], round: MAX_ROUND + 1 };
    expect(encodeRunLinkChecked(late)).toEqual({ ok: false, reason: 'No link for this run: it reaches round 1,000,001, and links hold rounds up to 1,000,000.' });
    expect(encodeRunLinkChecked({ ...late, round: MAX_ROUND }).ok).toBe(true);
  });
});
