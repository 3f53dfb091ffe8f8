import { describe, expect, it } from 'vitest';
import { encodeRunLink } from '../share/run-link';
import { chooseInitialRun, linkNotice, openingNotice } from './initial-run';
import { fitToPage, PAGE_DEFAULT_CONFIG, pageProblems } from '../run/page-fit';
import { REMEMBER_KEY, RUN_KEY, RunMemory, SET_ASIDE_KEY, RunSaver, type StorageLike } from './persistence';
import { TestClock } from './test-clock';

class MapStorage implements StorageLike {
  readonly map = new Map<string, string>();
  failWrites = false;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.failWrites) throw new DOMException('quota', 'QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

/** Private mode in some browsers: every access throws. */
const hostile: StorageLike = {
  getItem: () => {
    throw new Error('denied');
  },
  setItem: () => {
    throw new Error('denied');
  },
  removeItem: () => {
    throw new Error('denied');
  },
};

const run = {
  config: { ...PAGE_DEFAULT_CONFIG, nodes: 64, seed: 3 },
  actions: [{ round: 2, action: { type: 'crash' as const, node: 5 } }],
  round: 9,
};

describe('RunMemory', () => {
  it('saves and restores the run under a namespaced key, remembering by default', () => {
    const storage = new MapStorage();
    const memory = new RunMemory(storage);
    expect(memory.remember).toBe(true);
    expect(memory.load()).toBeNull();
    expect(memory.save(run)).toBe(true);
    expect([...storage.map.keys()]).toEqual([RUN_KEY]);
    expect(RUN_KEY.startsWith('gossip-lab:')).toBe(true);
    expect(new RunMemory(storage).load()).toEqual({ ...run, problems: [] });
  });

  it('forgets the run when remembering is turned off, and saves nothing until it is on again', () => {
    const storage = new MapStorage();
    const memory = new RunMemory(storage);
    memory.save(run);
    memory.setRemember(false);
    expect(storage.map.get(REMEMBER_KEY)).toBe('off');
    expect(storage.map.has(RUN_KEY)).toBe(false);
    expect(memory.save(run)).toBe(false);
    expect(memory.load()).toBeNull();
    memory.setRemember(true);
    memory.save(run);
    expect(memory.load()?.round).toBe(9);
    memory.clear();
    expect(memory.load()).toBeNull();
  });

  it('never throws: no storage, a hostile one, a full quota, a damaged entry', () => {
    for (const storage of [null, hostile]) {
      const memory = new RunMemory(storage);
      expect(memory.remember).toBe(true);
      expect(memory.save(run)).toBe(false);
      expect(memory.load()).toBeNull();
      expect(() => memory.setRemember(false)).not.toThrow();
      expect(() => memory.clear()).not.toThrow();
    }
    const full = new MapStorage();
    full.failWrites = true;
    expect(new RunMemory(full).save(run)).toBe(false);
    const damaged = new MapStorage();
    damaged.map.set(RUN_KEY, '#run=not-a-run');
    expect(new RunMemory(damaged).load()).toBeNull();
  });
});

describe('RunSaver', () => {
  it('saves a moment after changes (once for many), and at once on flush', () => {
    const storage = new MapStorage();
    const memory = new RunMemory(storage);
    const clock = new TestClock();
    let current = { ...run, round: 1 };
    let reads = 0;
    const saver = new RunSaver(memory, () => {
      reads++;
      return current;
    }, clock.setTimer, clock.clearTimer, 1000);
    for (let r = 1; r <= 20; r++) {
      current = { ...run, round: r };
      saver.changed();
      clock.advance(100);
    }
    expect(reads).toBe(2);
    saver.flush();
    expect(memory.load()?.round).toBe(20);
    saver.dispose();
    expect(clock.pending).toBe(0);
  });
});

describe('opening the page', () => {
  it('a link wins over the remembered run; the remembered run opens when there is no link', () => {
    const storage = new MapStorage();
    const memory = new RunMemory(storage);
    memory.save({ ...run, round: 4 });
    const linked = { ...run, config: { ...run.config, seed: 77 } };
    expect(chooseInitialRun(encodeRunLink(linked), memory)).toEqual({ run: linked, source: 'link', problems: [] });
    expect(chooseInitialRun('', memory)).toEqual({ run: { ...run, round: 4 }, source: 'saved', problems: [] });
    memory.setRemember(false);
    expect(chooseInitialRun('', memory)).toBeNull();
  });

  it('a damaged link opens with the page defaults and says what was wrong', () => {
    const opened = chooseInitialRun('#run=eJzLSM3JyVcozy/KSQEAGgQEXQ', new RunMemory(null))!;
    expect(opened.source).toBe('link');
    expect(opened.run.config).toEqual(PAGE_DEFAULT_CONFIG);
    expect(opened.problems.length).toBeGreaterThan(0);
    expect(linkNotice(opened.problems)).toMatch(/could not be loaded whole/);
    expect(linkNotice(['a', 'b', 'c', 'd', 'e'])).toMatch(/a; b; c \(and 2 more\)/);
  });

  it('a link the page cannot run (too many nodes) falls back for that setting and drops actions that no longer fit', () => {
    const big = { config: { ...run.config, nodes: 2_000_000, fanout: 2, topology: 'complete' as const }, actions: [{ round: 1, action: { type: 'crash' as const, node: 1_500_000 } }], round: 5 };
    const opened = chooseInitialRun(encodeRunLink(big), new RunMemory(null))!;
    expect(opened.run.config).toMatchObject({ nodes: PAGE_DEFAULT_CONFIG.nodes, fanout: 2, topology: 'complete', seed: 3 });
    expect(opened.run.actions).toEqual([]);
    expect(opened.run.round).toBe(0);
    expect(opened.problems.join(' ')).toMatch(/\$\.config\.nodes: Nodes can be at most 1,000,000/);
  });
});

describe('a remembered run the page cannot read', () => {
  it('is moved aside, not lost, and the page says so and opens with its defaults', () => {
    const storage = new MapStorage();
    storage.map.set(RUN_KEY, '#run=not-a-run');
    const opened = chooseInitialRun('', new RunMemory(storage))!;
    expect(opened).toMatchObject({ source: 'saved', run: { config: PAGE_DEFAULT_CONFIG, actions: [], round: 0 }, keptAside: true });
    expect(storage.map.get(SET_ASIDE_KEY)).toBe('#run=not-a-run');
    expect(storage.map.has(RUN_KEY)).toBe(false);
    const notice = openingNotice(opened);
    expect(notice).toMatchObject({ tone: 'error', sticky: true });
    expect(notice.text).toMatch(/^Your last run could not be restored: the link is damaged .*It is kept in this browser's storage under "gossip-lab:unreadable-run:v1"; the page opened with its default settings\.$/);
    // Read once: the next load finds nothing to retry.
    expect(chooseInitialRun('', new RunMemory(storage))).toBeNull();
  });

  it('covers a readable run past the page\'s budget (saved before the budget, or edited)', () => {
    const storage = new MapStorage();
    const dense = { config: { ...PAGE_DEFAULT_CONFIG, nodes: 10_000, topology: 'random' as const, degree: 9_999 }, actions: [], round: 3 };
    new RunMemory(storage).save(dense);
    const opened = chooseInitialRun('', new RunMemory(storage))!;
    expect(opened.run.config).toEqual(PAGE_DEFAULT_CONFIG);
    expect(openingNotice(opened).text).toMatch(/Degree can be at most 50 at 10,000 nodes on a random graph: the page holds at most 250,000 links/);
    expect(storage.map.get(SET_ASIDE_KEY)).toBe(encodeRunLink(dense));
  });

  it('says when the browser would not keep the copy', () => {
    const storage = new MapStorage();
    storage.map.set(RUN_KEY, '#run=not-a-run');
    storage.failWrites = true;
    const opened = chooseInitialRun('', new RunMemory(storage))!;
    expect(opened).toMatchObject({ keptAside: false });
    expect(openingNotice(opened).text).toMatch(/The browser refused to keep a copy of it/);
  });
});

describe('page fit', () => {
  it('prices a link with the page\'s budget: a 50 M-edge graph falls back to the default degree, saying why', () => {
    const dense = { config: { ...PAGE_DEFAULT_CONFIG, nodes: 10_000, topology: 'random' as const, degree: 9_999, seed: 8 }, actions: [], round: 0 };
    const opened = chooseInitialRun(encodeRunLink(dense), new RunMemory(null))!;
    expect(opened.run.config).toEqual({ ...dense.config, degree: PAGE_DEFAULT_CONFIG.degree });
    expect(opened.problems).toEqual([
      '$.config.degree: Degree can be at most 50 at 10,000 nodes on a random graph: the page holds at most 250,000 links (this graph: 49,995,000) (the command line runs it: npm run sim -- --scenario FILE); using the default',
    ]);
    const flood = { config: { ...PAGE_DEFAULT_CONFIG, nodes: 10_000, topology: 'complete' as const, fanout: 9_999, delay: { kind: 'fixed' as const, rounds: 5 } }, actions: [], round: 0 };
    const fitted = fitToPage(flood.config, []);
    expect(fitted.config.fanout).toBe(PAGE_DEFAULT_CONFIG.fanout);
    expect(fitted.config.delay).toEqual(flood.config.delay);
    expect(fitted.problems[0]).toMatch(/^\$\.config\.fanout: Fanout can be at most 20 at 10,000 nodes and a delay of up to 5 rounds/);
  });

  it('passes what the page runs, names what it cannot', () => {
    expect(pageProblems(PAGE_DEFAULT_CONFIG)).toEqual([]);
    expect(pageProblems({ ...PAGE_DEFAULT_CONFIG, delay: { kind: 'fixed', rounds: 500 } }).map((p) => p.path)).toEqual(['$.config.delay.rounds']);
    const fitted = fitToPage({ ...PAGE_DEFAULT_CONFIG, antiEntropy: 50_000 }, []);
    expect(fitted.config.antiEntropy).toBe(PAGE_DEFAULT_CONFIG.antiEntropy);
    expect(fitted.problems).toHaveLength(1);
  });
});
