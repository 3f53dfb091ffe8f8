import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { MessageBatch, SimConfig } from '../engine/types';
import { hostHarness } from './host-harness';
import type { SpreadFrame } from './protocol';

const options = { recordMessages: true, trackNodeStats: true, traceSpread: true };
const config: SimConfig = { ...DEFAULT_CONFIG, nodes: 30, protocol: 'push', fanout: 2, loss: 0.1, crashRate: 0.02, recoverRate: 0.3, seed: 4 };

function run() {
  const h = hostHarness();
  let id = 0;
  const init = h.spread({ type: 'init', model: 'spread', graphId: 1, config, options });
  return {
    init,
    step: (count = 1) => h.spread({ type: 'step', requestId: ++id, count }),
    seek: (round: number) => h.spread({ type: 'seek', requestId: ++id, round }),
    fork: () => h.spread({ type: 'fork', requestId: ++id, future: [] }),
    watch: (node: number | null, tree: boolean, spaceTime: boolean) => h.spread({ type: 'watch', node, tree, spaceTime }),
  };
}

const arrays = (f: SpreadFrame) => ({ informer: Array.from(f.trace!.informer), learnedAt: Array.from(f.trace!.learnedAt) });

describe('trace in frames', () => {
  it('carries the tree only while asked, and the watched node\'s path whenever a node is watched', () => {
    const r = run();
    expect(r.init.trace).toBeNull();
    expect(r.init.paths).toBeNull();
    let f = r.watch(5, false, false);
    expect(f.paths).toHaveLength(1);
    expect(f.trace).toBeNull();
    f = r.watch(null, true, false);
    expect(f.paths).toBeNull();
    expect(f.trace!.informer).toHaveLength(30);
  });

  it('a seek and a fork give the same who-told-whom arrays as a straight run', () => {
    const straight = run();
    straight.watch(null, true, false);
    const at: ReturnType<typeof arrays>[] = [];
    for (let i = 0; i < 16; i++) at.push(arrays(straight.step()));
    const travel = run();
    travel.watch(null, true, false);
    travel.step(16);
    expect(arrays(travel.seek(6))).toEqual(at[5]);
    expect(arrays(travel.seek(13))).toEqual(at[12]);
    travel.seek(4);
    travel.fork();
    for (let round = 5; round <= 16; round++) expect(arrays(travel.step())).toEqual(at[round - 1]);
  });

  it('sends each round of the space-time log once, again after a fork, and nothing while hidden', () => {
    const r = run();
    let f = r.watch(null, false, true);
    expect(f.spaceTime).toEqual({ since: 1, last: 0, rounds: [] });
    f = r.step();
    expect(f.spaceTime!.since).toBe(1);
    expect(f.spaceTime!.rounds).toHaveLength(1);
    const first: MessageBatch = f.spaceTime!.rounds[0];
    expect(first.count).toBe(f.metrics.sent);
    f = r.step();
    expect(f.spaceTime).toMatchObject({ since: 2, last: 2 });
    expect(f.spaceTime!.rounds).toHaveLength(1);
    // Nothing changed: a watch frame carries no rounds at all.
    expect(r.watch(3, false, true).spaceTime).toBeNull();
    r.step(3);
    f = r.seek(2);
    expect(f.spaceTime).toBeNull();
    f = r.fork();
    expect(f.spaceTime).toEqual({ since: 3, last: 2, rounds: [] });
    f = r.step();
    expect(f.spaceTime).toMatchObject({ since: 3, last: 3 });
    expect(r.watch(null, false, false).spaceTime).toBeNull();
    expect(r.step().spaceTime).toBeNull();
  });
});
