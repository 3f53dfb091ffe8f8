import { describe, expect, it } from 'vitest';
import { packHex } from './colors';
import { edgeList } from './edges';
import { emptyFlights, nextFlights } from './flights';
import { LinkLayer } from './link-layer';
import { drawMessages, drawNodes } from './node-layer';
import { KNOWS_LATEST, KNOWS_NOTHING } from './node-state';
import { createBuffer, StampCache } from './pixel-buffer';
import { renderColors } from './render-theme';
import type { Scene } from './scene';
import { packLooks } from './model-looks';
import type { ModelLooks } from '../view/frame-source';
import { OUTCOME_DELIVERED, OUTCOME_LOST, type MessageBatch } from '../engine/types';

const colors = renderColors('light');

function scene(over: Partial<Scene> = {}): Scene {
  // Three nodes on a line, 40 px apart on screen, all linked to node 0.
  const pos = { n: 3, x: Float32Array.from([10, 50, 90]), y: Float32Array.from([50, 50, 50]) };
  const offsets = Uint32Array.from([0, 2, 3, 4]);
  const neighbors = Uint32Array.from([1, 2, 0, 0]);
  return {
    colors,
    pos,
    transform: { k: 1, x: 0, y: 0 },
    edges: edgeList(3, offsets, neighbors, 1),
    linkAlpha: 255,
    staticKey: 1,
    hulls: [],
    states: Uint8Array.from([KNOWS_LATEST, KNOWS_NOTHING, KNOWS_NOTHING]),
    alive: Uint8Array.from([1, 1, 0]),
    group: null,
    selected: null,
    nodeRadius: 6,
    messages: null,
    progress: 1,
    fade: null,
    showMessagePaths: false,
    labels: false,
    labelPx: 11,
    labelCentre: null,
    splitLine: null,
    lassoPath: null,
    rumor: null,
    cuts: [],
    style: null,
    looks: null,
    hint: null,
    ...over,
  };
}
const at = (b: { width: number; data: Uint32Array }, x: number, y: number) => b.data[y * b.width + x];
/** A 100 × 100 buffer in the background colour. */
const blank = () => {
  const buf = createBuffer(100, 100);
  buf.data.fill(colors.background);
  return buf;
};
/** A round-1 batch of one-round messages. */
const batch = (from: number[], to: number[], kind: number[], outcome: number[], useful: number[]): MessageBatch => ({
  count: from.length,
  from: Uint32Array.from(from),
  to: Uint32Array.from(to),
  kind: Uint8Array.from(kind),
  outcome: Uint8Array.from(outcome),
  useful: Uint8Array.from(useful),
  sentRound: new Uint32Array(from.length).fill(1),
  deliverRound: new Uint32Array(from.length).fill(1),
});

describe('link layer', () => {
  it('draws background and links, then reports complete', () => {
    const layer = new LinkLayer(createBuffer(100, 100));
    expect(layer.update(scene(), 1, 100)).toBe(true);
    expect(at(layer.buf, 30, 50)).toBe(colors.link);
    expect(at(layer.buf, 30, 20)).toBe(colors.background);
  });
  it('draws a large graph progressively within its budget and restarts on a new key', () => {
    const n = 2000;
    const offsets = new Uint32Array(n + 1), neighbors = new Uint32Array(n * 2);
    for (let i = 0; i < n; i++) {
      offsets[i + 1] = offsets[i] + 2;
      neighbors[2 * i] = (i + 1) % n;
      neighbors[2 * i + 1] = (i + n - 1) % n;
    }
    const pos = { n, x: Float32Array.from({ length: n }, (_, i) => (i * 37) % 300), y: Float32Array.from({ length: n }, (_, i) => (i * 91) % 300) };
    const s = scene({ pos, edges: edgeList(n, offsets, neighbors, 2), linkAlpha: 40 });
    const layer = new LinkLayer(createBuffer(300, 300));
    let clock = 0;
    // A fake clock that advances 1 ms per reading: budget 0 stops after the first batch.
    expect(layer.update(s, 1, 0, () => clock++)).toBe(false);
    let calls = 1;
    while (!layer.update(s, 1, 0, () => clock++)) calls++;
    expect(calls).toBeGreaterThan(3);
    expect(layer.complete).toBe(true);
    layer.update({ ...s, staticKey: 2 }, 1, 0, () => clock++);
    expect(layer.complete).toBe(false);
  });
  it('tints partition regions under the links', () => {
    const tint = packHex('#CC79A7');
    const layer = new LinkLayer(createBuffer(100, 100));
    layer.update(scene({ hulls: [{ color: tint, points: [[60, 10], [95, 10], [95, 40], [60, 40]] }] }), 1, 100);
    expect(at(layer.buf, 80, 20)).not.toBe(colors.background);
    expect(at(layer.buf, 20, 20)).toBe(colors.background);
  });
});

describe('node layer', () => {
  it('fills live nodes with their state colour and draws crashed nodes hollow with a cross', () => {
    const buf = blank();
    drawNodes(buf, scene(), 1, new StampCache());
    expect(at(buf, 10, 50)).toBe(colors.latest);
    expect(at(buf, 50, 50)).toBe(colors.none);
    // Crashed node 2 at (90, 50): cross through the centre, hollow between cross and ring.
    expect(at(buf, 90, 50)).toBe(colors.crashed);
    expect(at(buf, 90, 46)).toBe(colors.background);
    expect(at(buf, 96, 50)).not.toBe(colors.background);
  });
  it('rings the selected node', () => {
    const buf = blank();
    drawNodes(buf, scene({ selected: 1 }), 1, new StampCache());
    expect(at(buf, 50, 42)).toBe(colors.selected);
  });
  it('colours flying messages by outcome and payload', () => {
    const messages = batch([0, 1], [2, 0], [0, 0], [OUTCOME_DELIVERED, OUTCOME_LOST], [1, 0]);
    const buf = blank();
    drawMessages(buf, scene({ messages: nextFlights(emptyFlights(0), messages, 1, Uint8Array.from([1, 1, 1])), progress: 0.25 }), 1, new StampCache());
    // Message 0 from x=10 to x=90 at a quarter: x = 30; message 1 from 50 toward 10: x = 40.
    expect(at(buf, 30, 50)).toBe(colors.useful);
    expect(at(buf, 40, 50)).toBe(colors.dropped);
  });
  it('with reduced motion draws a message still, half way, fading with the round', () => {
    const messages = batch([0], [2], [0], [OUTCOME_DELIVERED], [1]);
    const flights = nextFlights(emptyFlights(0), messages, 1, Uint8Array.from([1, 1, 1]));
    const full = blank(), faint = blank();
    drawMessages(full, scene({ messages: flights, progress: 0.5, fade: 1 }), 1, new StampCache());
    drawMessages(faint, scene({ messages: flights, progress: 0.5, fade: 0.2 }), 1, new StampCache());
    // From x=10 to x=90: half way is x = 50, not the quarter point a flight would be at.
    expect(at(full, 50, 50)).toBe(colors.useful);
    expect(at(full, 30, 50)).toBe(colors.background);
    expect(at(faint, 50, 50)).not.toBe(colors.useful);
    expect(at(faint, 50, 50)).not.toBe(colors.background);
  });
});

describe('rumor rings', () => {
  it('rings infective nodes in the infective colour and leaves removed ones plain', () => {
    const buf = createBuffer(100, 100);
    const s = scene({ alive: Uint8Array.from([1, 1, 1]), rumor: Uint8Array.from([1, 2, 0]) });
    drawNodes(buf, s, 1, new StampCache());
    // Just outside the disc (radius 6), on the ring 6 + 2 px out.
    expect(at(buf, 10 + 8, 50)).toBe(colors.infective);
    expect(at(buf, 50 + 8, 50)).not.toBe(colors.infective);
    expect(at(buf, 90 + 8, 50)).not.toBe(colors.infective);
    // The disc itself keeps its version colour.
    expect(at(buf, 10, 50)).toBe(colors.latest);
  });
});

describe('model styles (membership)', () => {
  const looks: ModelLooks = {
    nodes: {
      light: { fill: ['#0072B2', '#F0E442'], crashed: ['#1A1A1A', '#F0E442'], ring: ['#1A1A1A', '#CC79A7'], outline: '#1A1A1A', selected: '#1A1A1A' },
      dark: { fill: ['#0072B2', '#F0E442'], crashed: ['#F2F2F2', '#F0E442'], ring: ['#F2F2F2', '#CC79A7'], outline: '#F2F2F2', selected: '#F2F2F2' },
    },
    messages: [
      { label: 'ping', color: '#56B4E9', shape: 'circle', size: 1, dash: [], phase: [0, 0.5], ringWhenUseful: true },
      { label: 'gossip', color: '#CC79A7', shape: 'square', size: 1, dash: [4, 2], phase: [0.5, 1], ringWhenUseful: false },
    ],
  };
  const packed = packLooks(looks, 'light');
  const styled = (over: Partial<Scene> = {}) => scene({ style: { fill: Uint8Array.from([1, 0, 1]), ring: Uint8Array.from([0, 1, 0]) }, looks: packed, ...over });

  it('fills live nodes from the model palette inside an edge, rings styled nodes dashed, colours crashed outlines and the selection', () => {
    const buf = blank();
    drawNodes(buf, styled(), 1, new StampCache());
    expect(at(buf, 10, 50)).toBe(packHex('#F0E442'));
    expect(at(buf, 50, 50)).toBe(packHex('#0072B2'));
    // The edge keeps a yellow disc visible on white.
    expect(at(buf, 10, 50 - 6)).not.toBe(packHex('#F0E442'));
    // Crashed node 2, bucket 1: its cross in the bucket's colour, hollow around it.
    expect(at(buf, 90, 50)).toBe(packHex('#F0E442'));
    expect(at(buf, 90, 47)).toBe(colors.background);
    // Node 1's dashed ring (radius 6 + 3.5, 2 wide): coloured on some arcs, absent on others.
    let ringPx = 0, gapPx = 0;
    for (let a = 0; a < 64; a++) {
      const c = at(buf, Math.round(50 + 8.5 * Math.cos((a / 64) * 2 * Math.PI)), Math.round(50 + 8.5 * Math.sin((a / 64) * 2 * Math.PI)));
      if (c === packHex('#CC79A7')) ringPx++;
      else if (c === colors.background) gapPx++;
    }
    expect(ringPx).toBeGreaterThan(10);
    expect(gapPx).toBeGreaterThan(10);
    // Selection in the model's colour, not dissemination's purple (membership's suspect colour).
    const sel = blank();
    drawNodes(sel, styled({ selected: 0 }), 1, new StampCache());
    expect(at(sel, 10, 41)).toBe(packed.selected);
  });

  it('flies each kind in its colour, shape and phase', () => {
    const messages = batch([0, 0], [2, 2], [0, 1], [OUTCOME_DELIVERED, OUTCOME_DELIVERED], [0, 0]);
    const flights = nextFlights(emptyFlights(0), messages, 1, Uint8Array.from([1, 1, 1]));
    const draw = (progress: number) => {
      const buf = blank();
      drawMessages(buf, styled({ messages: flights, progress }), 1, new StampCache());
      return buf;
    };
    // At 0.25 the ping (first half) is half way, x = 50; the gossip (second half) not yet sent.
    const early = draw(0.25);
    expect(at(early, 50, 50)).toBe(packHex('#56B4E9'));
    // At 0.75 the gossip square is half way; its corner pixel is covered (a disc's would not be).
    const late = draw(0.75);
    expect(at(late, 50, 50)).toBe(packHex('#CC79A7'));
  });
});
