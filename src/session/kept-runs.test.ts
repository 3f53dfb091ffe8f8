import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { runCurve } from '../lab/run-curve';
import { PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import { encodeRunLink, MAX_KEPT, type RunLink } from '../share/run-link';
import { createCompareStore } from '../store/compare-store';
import { KEPT_KEY, KeptRuns } from './kept-runs';
import type { StorageLike } from './persistence';

const mapStorage = (): StorageLike & { map: Map<string, string> } => {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
};

const runWith = (fanout: number): RunLink => ({ config: { ...PAGE_DEFAULT_CONFIG, fanout }, actions: [], round: 4 });
const settle = () => new Promise((r) => setTimeout(r, 0));

function setup(storage: StorageLike | null = mapStorage()) {
  const store = createCompareStore();
  const said: string[] = [];
  const computed: number[] = [];
  const kept = new KeptRuns(store, async (spec) => {
    computed.push(spec.config.fanout);
    return runCurve(spec);
  }, storage, (tone, text) => said.push(`${tone}: ${text}`));
  return { store, said, computed, kept };
}

describe('kept runs (Compare)', () => {
  it('keeps the current run, recomputes its curve by running it, and removes it', async () => {
    const { store, kept } = setup();
    expect(kept.keep(runWith(2))).toBe(true);
    expect(store.getState().kept[0]).toMatchObject({ spec: runWith(2), curve: null, error: null });
    await settle();
    const curve = store.getState().kept[0].curve!;
    expect(curve).toEqual(runCurve(runWith(2)));
    expect(curve[curve.length - 1].fraction).toBe(1);
    kept.remove(store.getState().kept[0].id);
    expect(store.getState().kept).toEqual([]);
  });

  it(`keeps at most ${MAX_KEPT}: the next is refused with a clear message and changes nothing`, () => {
    const { store, said, kept } = setup();
    for (let f = 1; f <= MAX_KEPT; f++) expect(kept.keep(runWith(f))).toBe(true);
    const before = store.getState().kept;
    expect(kept.keep(runWith(7))).toBe(false);
    expect(store.getState().kept).toBe(before);
    expect(said).toEqual([`error: At most ${MAX_KEPT} runs are kept: remove one to keep this run.`]);
    expect(kept.keep(null)).toBe(false);
  });

  it('refuses a run the page could not run again, saying why', () => {
    const { said, kept } = setup();
    expect(kept.keep({ config: { ...DEFAULT_CONFIG, nodes: 5_000_000 }, actions: [], round: 0 })).toBe(false);
    expect(said[0]).toMatch(/^error: This run cannot be kept: /);
  });

  it('is remembered across a reload (settings, not data), and a link\'s kept runs win over the remembered ones', async () => {
    const storage = mapStorage();
    const first = setup(storage);
    first.kept.keep(runWith(1));
    first.kept.keep(runWith(3));
    expect(storage.map.get(KEPT_KEY)).not.toMatch(/fraction/);

    const reloaded = setup(storage);
    reloaded.kept.open('');
    expect(reloaded.kept.specs()).toEqual([runWith(1), runWith(3)]);
    await settle();
    expect(reloaded.computed).toEqual([1, 3]);
    expect(reloaded.store.getState().kept.every((k) => k.curve !== null)).toBe(true);

    const linked = setup(storage);
    linked.kept.open(encodeRunLink({ ...runWith(2), kept: [runWith(5)] }));
    expect(linked.kept.specs()).toEqual([runWith(5)]);
    // …and become the remembered ones.
    const again = setup(storage);
    again.kept.open('');
    expect(again.kept.specs()).toEqual([runWith(5)]);
  });

  it('opens with none and says so when the remembered entry is unreadable; a storage that refuses is no error', () => {
    const storage = mapStorage();
    storage.setItem(KEPT_KEY, '{not json');
    const { said, kept } = setup(storage);
    kept.open('');
    expect(kept.specs()).toEqual([]);
    expect(said[0]).toMatch(/^error: Some remembered kept runs could not be read/);
    const refusing: StorageLike = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    const quiet = setup(refusing);
    quiet.kept.open('');
    expect(quiet.kept.keep(runWith(2))).toBe(true);
    expect(quiet.said).toEqual([]);
  });

  it('says when a curve could not be recomputed', async () => {
    const store = createCompareStore();
    const kept = new KeptRuns(store, () => Promise.reject(new Error('worker gone')), null, () => {});
    kept.keep(runWith(2));
    await settle();
    expect(store.getState().kept[0]).toMatchObject({ curve: null, error: 'worker gone' });
  });
});
