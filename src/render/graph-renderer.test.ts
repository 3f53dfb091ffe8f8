import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildTopology } from '../engine/topology';
import { Rng } from '../engine/prng';
import { OUTCOME_DELIVERED, type MessageBatch, type RoundMetrics } from '../engine/types';
import type { FrameSource, GraphSpec, NodeFrame } from '../view/frame-source';
import { createAdaptiveRenderer } from './adaptive-renderer';
import type { RendererCallbacks } from './graph-renderer';
import { KNOWS_LATEST, KNOWS_NOTHING } from './node-state';
import type { RenderBackend, Scene } from './scene';
import { toScreen } from './view-transform';

/** A canvas stand-in: records listeners so tests can play pointer events at it. */
function fakeCanvas() {
  const listeners = new Map<string, (e: unknown) => void>();
  const el = {
    style: {} as Record<string, string>,
    dataset: {} as Record<string, string>,
    addEventListener: (type: string, fn: (e: unknown) => void) => listeners.set(type, fn),
    removeEventListener: (type: string) => listeners.delete(type),
    getBoundingClientRect: () => ({ left: 0, top: 0, width: 400, height: 300 }),
    setPointerCapture: () => undefined,
    hasPointerCapture: () => false,
    releasePointerCapture: () => undefined,
    focus: () => undefined,
  };
  const fire = (type: string, x: number, y: number, shift = false) =>
    listeners.get(type)?.({ button: 0, pointerId: 1, clientX: x, clientY: y, shiftKey: shift, preventDefault: () => undefined });
  return { el: el as unknown as HTMLCanvasElement, fire, listeners };
}

function source(graph: GraphSpec) {
  const listeners = new Set<() => void>();
  let frame: NodeFrame | null = null;
  const src: FrameSource = {
    subscribe: (l) => (listeners.add(l), () => listeners.delete(l)),
    graph: () => graph,
    frame: () => frame,
    selected: () => null,
    shownKey: () => 0,
    roundDurationMs: () => 1000,
  };
  const push = (f: NodeFrame) => {
    frame = f;
    listeners.forEach((l) => l());
  };
  return { src, push };
}

function frameOf(graphId: number, round: number, versions: number[], messages: MessageBatch | null = null): NodeFrame {
  const n = versions.length;
  return { graphId, round, keys: 1, versions: Uint32Array.from(versions), latest: Uint32Array.from([1]), alive: new Uint8Array(n).fill(1), group: new Uint8Array(n), messages, metrics: {} as RoundMetrics };
}

let rafQueue: ((t: number) => void)[] = [];
let clock = 0;
const runFrames = (count = 1, dt = 16) => {
  for (let i = 0; i < count; i++) {
    clock += dt;
    const q = rafQueue;
    rafQueue = [];
    q.forEach((f) => f(clock));
  }
};

beforeEach(() => {
  rafQueue = [];
  clock = 0;
  vi.stubGlobal('requestAnimationFrame', (f: (t: number) => void) => (rafQueue.push(f), rafQueue.length));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
});
afterEach(() => vi.unstubAllGlobals());

describe('graph renderer', () => {
  const topo = buildTopology('ring', 12, 2, new Rng(1));
  const graph: GraphSpec = { id: 7, nodes: 12, topology: 'ring', offsets: topo.offsets, neighbors: topo.neighbors };

  function setup() {
    const canvas = fakeCanvas();
    const scenes: Scene[] = [];
    const backend: RenderBackend = { resize: () => undefined, draw: (s) => (scenes.push({ ...s, states: s.states.slice() }), false), destroy: () => undefined };
    const cb: RendererCallbacks = { onSelect: vi.fn(), onToggleCrash: vi.fn(), onSplit: vi.fn(), onSummary: vi.fn(), onLasso: vi.fn() };
    const { src, push } = source(graph);
    const r = createAdaptiveRenderer(canvas.el, { source: src, theme: 'light', mode: 'select', callbacks: cb, backend });
    r.resize(400, 300, 1);
    runFrames();
    return { canvas, scenes, cb, push, r, last: () => scenes[scenes.length - 1] };
  }

  it('lays the ring out and fits it, describing the graph', () => {
    const { last, cb } = setup();
    const s = last();
    expect(s.pos.n).toBe(12);
    for (let i = 0; i < 12; i++) {
      const [x, y] = toScreen(s.transform, s.pos.x[i], s.pos.y[i]);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(400);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(300);
    }
    expect(cb.onSummary).toHaveBeenCalledWith('12 nodes, ring topology.');
  });

  it('keeps the old colours until this round’s messages land', () => {
    const { push, last } = setup();
    push(frameOf(7, 1, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    runFrames();
    expect(last().states[1]).toBe(KNOWS_NOTHING);
    const msg: MessageBatch = { count: 1, from: Uint32Array.of(0), to: Uint32Array.of(1), kind: Uint8Array.of(0), outcome: Uint8Array.of(OUTCOME_DELIVERED), useful: Uint8Array.of(1), sentRound: Uint32Array.of(2), deliverRound: Uint32Array.of(2) };
    push(frameOf(7, 2, [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], msg));
    runFrames(1, 100);
    expect(last().messages?.count).toBe(1);
    expect(last().states[1]).toBe(KNOWS_NOTHING);
    runFrames(80, 16);
    expect(last().progress).toBe(1);
    expect(last().states[1]).toBe(KNOWS_LATEST);
  });

  it('selects on click, toggles crash on Shift+click, deselects on empty space', () => {
    const { canvas, cb, last } = setup();
    const s = last();
    const [x, y] = toScreen(s.transform, s.pos.x[3], s.pos.y[3]);
    canvas.fire('pointerdown', x + 1, y);
    canvas.fire('pointerup', x + 1, y);
    expect(cb.onSelect).toHaveBeenLastCalledWith(3);
    canvas.fire('pointerdown', x, y, true);
    canvas.fire('pointerup', x, y, true);
    expect(cb.onToggleCrash).toHaveBeenCalledWith(3);
    canvas.fire('pointerdown', 200, 150);
    canvas.fire('pointerup', 200, 150);
    expect(cb.onSelect).toHaveBeenLastCalledWith(null);
  });

  it('cuts along a dragged line in split mode and ignores a too-short drag', () => {
    const { canvas, cb, r, last } = setup();
    r.setMode('split');
    runFrames();
    expect(last().hint).toMatch(/Drag a line/);
    canvas.fire('pointerdown', 200, 5);
    canvas.fire('pointermove', 200, 150);
    runFrames();
    expect(last().splitLine).toEqual([200, 5, 200, 150]);
    canvas.fire('pointerup', 200, 295);
    const [a, b] = (cb.onSplit as ReturnType<typeof vi.fn>).mock.calls[0][0] as [number[], number[]];
    expect(a.length + b.length).toBe(12);
    expect(Math.abs(a.length - b.length)).toBeLessThanOrEqual(2);
    canvas.fire('pointerdown', 100, 100);
    canvas.fire('pointermove', 106, 104);
    canvas.fire('pointerup', 106, 104);
    expect(cb.onSplit).toHaveBeenCalledTimes(1);
  });

  it('zooms with + and pans with Shift+arrows, leaving plain arrows to the page', () => {
    const { canvas, last } = setup();
    const key = (k: string, shiftKey = false) => {
      const e = { key: k, shiftKey, altKey: false, ctrlKey: false, metaKey: false, preventDefault: vi.fn() };
      canvas.listeners.get('keydown')?.(e);
      runFrames();
      return e.preventDefault.mock.calls.length > 0;
    };
    const k0 = last().transform.k, x0 = last().transform.x;
    expect(key('+')).toBe(true);
    expect(last().transform.k).toBeCloseTo(k0 * 1.25);
    expect(key('ArrowRight')).toBe(false);
    expect(key('ArrowRight', true)).toBe(true);
    expect(last().transform.x).toBeLessThan(x0);
    expect(key('0')).toBe(true);
    expect(last().transform.k).toBeCloseTo(k0);
  });

  it('splits in halves by x and zooms about the centre', () => {
    const { r, last } = setup();
    const [left, right] = r.splitHalves();
    expect(left.length).toBe(6);
    expect(right.length).toBe(6);
    const s = last();
    expect(Math.max(...left.map((i) => s.pos.x[i]))).toBeLessThanOrEqual(Math.min(...right.map((i) => s.pos.x[i])));
    const k = s.transform.k;
    r.zoomBy(2);
    runFrames();
    expect(last().transform.k).toBeCloseTo(2 * k);
    r.fitToView();
    runFrames();
    expect(last().transform.k).toBeCloseTo(k);
    r.destroy();
  });

  it('isolates the nodes inside a drawn loop in lasso mode, and ignores a scribble', () => {
    const { canvas, cb, r, last } = setup();
    r.setMode('lasso');
    runFrames();
    expect(last().hint).toMatch(/Draw a loop/);
    const s = last();
    // A box around nodes 0–2 (the top of the ring, drawn clockwise from the top).
    const pts = [0, 1, 2].map((i) => toScreen(s.transform, s.pos.x[i], s.pos.y[i]));
    const [x0, x1] = [Math.min(...pts.map((p) => p[0])) - 8, Math.max(...pts.map((p) => p[0])) + 8];
    const [y0, y1] = [Math.min(...pts.map((p) => p[1])) - 8, Math.max(...pts.map((p) => p[1])) + 8];
    canvas.fire('pointerdown', x0, y0);
    canvas.fire('pointermove', x1, y0);
    canvas.fire('pointermove', x1, y1);
    runFrames();
    expect(last().lassoPath).toEqual([x0, y0, x1, y0, x1, y1]);
    canvas.fire('pointermove', x0, y1);
    canvas.fire('pointerup', x0, y0 + 1);
    expect(cb.onLasso).toHaveBeenCalledWith([0, 1, 2]);
    runFrames();
    expect(last().lassoPath).toBeNull();
    canvas.fire('pointerdown', 100, 100);
    canvas.fire('pointermove', 106, 104);
    canvas.fire('pointermove', 102, 108);
    canvas.fire('pointerup', 100, 100);
    expect(cb.onLasso).toHaveBeenCalledTimes(1);
  });

  it('cuts the drawing into k pie slices of equal size', () => {
    const { r } = setup();
    const groups = r.splitInto(3);
    expect(groups.map((g) => g.length)).toEqual([4, 4, 4]);
    expect(groups.flat().sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i));
  });

  it('keeps delayed messages flying through an action between rounds, and rebuilds them after a jump', () => {
    const { push, last } = setup();
    const versions = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    push(frameOf(7, 1, versions));
    runFrames();
    const msg: MessageBatch = { count: 1, from: Uint32Array.of(0), to: Uint32Array.of(6), kind: Uint8Array.of(0), outcome: Uint8Array.of(OUTCOME_DELIVERED), useful: Uint8Array.of(0), sentRound: Uint32Array.of(2), deliverRound: Uint32Array.of(4) };
    push(frameOf(7, 2, versions, msg));
    runFrames(80, 16);
    expect(last().messages?.count).toBe(1);
    push({ ...frameOf(7, 2, versions), alive: Uint8Array.from(versions.map((_, i) => (i === 3 ? 0 : 1))) });
    runFrames();
    expect(last().messages?.count).toBe(1);
    expect(last().alive?.[3]).toBe(0);
    const inFlight = { count: 1, from: Uint32Array.of(0), to: Uint32Array.of(6), kind: Uint8Array.of(0), sentRound: Uint32Array.of(2), deliverRound: Uint32Array.of(4) };
    push({ ...frameOf(7, 2, versions), round: 1, inFlight: { ...inFlight, sentRound: Uint32Array.of(1), deliverRound: Uint32Array.of(3) } });
    runFrames();
    const m = last().messages!;
    expect(m.count).toBe(1);
    expect([m.t0[0], m.len[0]]).toEqual([0, 3]);
  });

  it('rings infective nodes from the frame\'s rumor status once the round has played', () => {
    const { push, last } = setup();
    push({ ...frameOf(7, 1, [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]), rumor: Uint8Array.from([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2]) });
    runFrames();
    expect(Array.from(last().rumor!.slice(0, 2))).toEqual([1, 0]);
  });
});

