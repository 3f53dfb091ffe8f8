import { describe, expect, it } from 'vitest';
import { configProblems } from '../engine/config';
import { Simulation } from '../engine/simulation';
import { versionCodec } from '../engine/versions';
import { EngineClient } from '../worker/client';
import { InProcessWorker } from '../worker/in-process-worker';
import { createFrameSource } from '../view/live-frame-source';
import { Session } from '../session/session';
import { createGossipStore } from '../store/store';
import { TestClock } from '../session/test-clock';
import {
  PARTITION_HEALING_CONFIG, chooseWriter, explainWinner, holdsEverywhere, idHalves, reachableWithin, type Adjacency,
} from './partition-healing';

/** A path 0–1–2–3–4–5 as CSR. */
function path(n: number): Adjacency {
  const offsets = new Uint32Array(n + 1);
  const neighbors: number[] = [];
  for (let i = 0; i < n; i++) {
    if (i > 0) neighbors.push(i - 1);
    if (i < n - 1) neighbors.push(i + 1);
    offsets[i + 1] = neighbors.length;
  }
  return { nodes: n, offsets, neighbors: Uint32Array.from(neighbors) };
}

describe('partition-healing helpers', () => {
  it('runs on a connected graph', () => {
    expect(configProblems(PARTITION_HEALING_CONFIG)).toEqual([]);
    const sim = new Simulation(PARTITION_HEALING_CONFIG);
    expect(sim.topology.components).toBe(1);
    expect(sim.world.latest[0]).toBe(0); // nobody knows anything before the story's writes
  });

  it('splits by ids into two halves that cover every node once', () => {
    const [a, b] = idHalves(7);
    expect(a).toEqual([0, 1, 2, 3]);
    expect(b).toEqual([4, 5, 6]);
  });

  it('finds what a writer reaches inside its side, and picks the writer of the largest part', () => {
    const g = path(6);
    expect(reachableWithin(g, [0, 1, 3, 4, 5], 0).sort()).toEqual([0, 1]);
    expect(reachableWithin(g, [0, 1, 3, 4, 5], 4).sort()).toEqual([3, 4, 5]);
    expect(reachableWithin(g, [0, 1], 4)).toEqual([]);
    expect(chooseWriter(g, [0, 1, 3, 4, 5])).toBe(3);
    expect(reachableWithin({ nodes: 4, offsets: null, neighbors: null }, [1, 2], 1)).toEqual([1, 2]);
  });

  it('checks that live members hold a version, ignoring crashed ones', () => {
    const versions = Uint32Array.from([5, 5, 0]);
    expect(holdsEverywhere(versions, Uint8Array.from([1, 1, 1]), 1, 0, [0, 1, 2], 5)).toBe(false);
    expect(holdsEverywhere(versions, Uint8Array.from([1, 1, 0]), 1, 0, [0, 1, 2], 5)).toBe(true);
  });

  it('explains last-writer-wins: the counter first, then the writer id', () => {
    const c = versionCodec(60);
    const tie = explainWinner(c, c.pack(1, 40), [c.pack(1, 12), c.pack(1, 40)]);
    expect(tie).toMatch(/tie by writer id: node 40 > node 12/);
    const counter = explainWinner(c, c.pack(2, 3), [c.pack(2, 3), c.pack(1, 50)]);
    expect(counter).toMatch(/higher counter \(2 > 1\)/);
  });
});

describe('the Partition healing story, played through the session', () => {
  it('converges each half on its own version, waits for Heal, then converges on the LWW winner', () => {
    const store = createGossipStore();
    const frames = createFrameSource();
    const workers: InProcessWorker[] = [];
    const clock = new TestClock(() => workers.at(-1)?.flush());
    const session = new Session({
      store, frames, now: clock.now, setTimer: clock.setTimer, clearTimer: clock.clearTimer,
      createClient: (h) => new EngineClient(h, { createWorker: () => { const w = new InProcessWorker(); workers.push(w); return w; } }),
    });
    session.start();
    workers[0].flush();
    session.loadPartitionHealing();
    workers[0].flush();
    const s = () => store.getState();
    expect(s().graph?.nodes).toBe(60);
    expect(s().story?.step).toBe(0);

    for (let i = 0; i < 600 && !s().story?.awaitingHeal; i++) clock.advance(100);
    expect(s().story).toMatchObject({ step: 3, awaitingHeal: true, caption: expect.stringMatching(/^Both sides converged on their own version\. Press Heal\./) });
    expect(s().status).toBe('paused');
    expect(s().partition).toEqual([0, 30, 30]);
    expect(s().round).toBeLessThan(20);
    const f = frames.frame()!;
    const groupVersion = (g: number) => new Set(Array.from(f.versions).filter((_, i) => f.group[i] === g && f.versions[i] !== 0));
    expect(groupVersion(1).size).toBe(1);
    expect(groupVersion(2).size).toBe(1);
    const [va] = groupVersion(1), [vb] = groupVersion(2);
    expect(va).not.toBe(vb);

    // Nothing moves while the story waits for the user.
    const waitingAt = s().round;
    clock.advance(5000);
    expect(s().round).toBe(waitingAt);

    session.heal();
    workers[0].flush();
    expect(s().status).toBe('playing'); // the story resumes by itself after the heal
    for (let i = 0; i < 600 && s().story?.caption.startsWith('All') !== true; i++) clock.advance(100);
    const winner = Math.max(va, vb);
    const codec = versionCodec(60);
    expect(s().story?.caption).toContain(`All 60 live nodes now hold v1 by node ${codec.writer(winner)}`);
    expect(s().story?.caption).toContain(`node ${codec.writer(winner)} > node ${codec.writer(Math.min(va, vb))}`);
    expect(Array.from(frames.frame()!.versions).every((v) => v === winner)).toBe(true);
    expect(s().partition).toBeNull();
  });
});
