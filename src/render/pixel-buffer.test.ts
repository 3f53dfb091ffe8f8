import { describe, expect, it } from 'vitest';
import { blend, packHex, packRgb, unpack } from './colors';
import { pointInPolygon } from './geometry';
import { clear, clipSegment, createBuffer, dashMask, drawCross, drawLine, drawMaskedLine, drawStamp, fillPolygon, makeStamp } from './pixel-buffer';

const BG = packHex('#000000');
const INK = packHex('#FFFFFF');
const count = (data: Uint32Array, c: number) => data.reduce((n, v) => n + (v === c ? 1 : 0), 0);

describe('colours', () => {
  it('packs #RRGGBB as little-endian RGBA bytes', () => {
    expect(unpack(packHex('#0072B2'))).toEqual([0x00, 0x72, 0xb2, 255]);
    expect(packHex('#abc')).toBe(packHex('#AABBCC'));
    expect(unpack(packHex('not a colour'))).toEqual([255, 0, 255, 255]);
  });
  it('blends linearly and stays opaque', () => {
    const mid = unpack(blend(packRgb(0, 0, 0), packRgb(200, 100, 50), 128));
    expect(mid[0]).toBeCloseTo(100, -1);
    expect(mid[1]).toBeCloseTo(50, -1);
    expect(mid[3]).toBe(255);
    expect(blend(packRgb(10, 20, 30), INK, 0)).toBe(packRgb(10, 20, 30));
  });
});

describe('lines', () => {
  it('draws a horizontal line pixel by pixel, endpoints included', () => {
    const b = createBuffer(10, 5);
    clear(b, BG);
    drawLine(b, 1, 2, 8, 2, INK, 255);
    for (let x = 0; x < 10; x++) expect(b.data[2 * 10 + x]).toBe(x >= 1 && x <= 8 ? INK : BG);
    expect(count(b.data, INK)).toBe(8);
  });
  it('draws a diagonal with one pixel per step', () => {
    const b = createBuffer(8, 8);
    clear(b, BG);
    drawLine(b, 0, 0, 7, 7, INK, 255);
    for (let i = 0; i < 8; i++) expect(b.data[i * 8 + i]).toBe(INK);
    expect(count(b.data, INK)).toBe(8);
  });
  it('clips lines running far outside and skips lines fully outside', () => {
    expect(clipSegment(-100, -100, -50, -50, 10, 10)).toBeNull();
    const b = createBuffer(10, 10);
    clear(b, BG);
    drawLine(b, -1e6, 5, 1e6, 5, INK, 255);
    expect(count(b.data, INK)).toBe(10);
    drawLine(b, 20, 20, 30, 40, INK, 255);
    expect(count(b.data, INK)).toBe(10);
  });
  it('blends with partial coverage instead of overwriting', () => {
    const b = createBuffer(4, 1);
    clear(b, BG);
    drawLine(b, 0, 0, 3, 0, INK, 64);
    const [r] = unpack(b.data[1]);
    expect(r).toBeGreaterThan(50);
    expect(r).toBeLessThan(80);
  });
});

describe('stamps', () => {
  it('covers about πr² for a disc and is symmetric', () => {
    const s = makeStamp(5);
    let area = 0;
    for (let k = 0; k < s.n; k++) area += s.a[k] / 255;
    expect(area).toBeGreaterThan(Math.PI * 25 * 0.95);
    expect(area).toBeLessThan(Math.PI * 25 * 1.05);
    const key = (k: number) => `${s.dx[k]},${s.dy[k]}`;
    const set = new Set(Array.from({ length: s.n }, (_, k) => key(k)));
    for (let k = 0; k < s.n; k++) expect(set.has(`${-s.dx[k]},${-s.dy[k]}`)).toBe(true);
  });
  it('leaves the centre of a ring empty', () => {
    const b = createBuffer(21, 21);
    clear(b, BG);
    drawStamp(b, 10, 10, makeStamp(8, 2), INK);
    expect(b.data[10 * 21 + 10]).toBe(BG);
    expect(b.data[10 * 21 + 18]).not.toBe(BG);
  });
  it('draws a cross through the centre', () => {
    const b = createBuffer(11, 11);
    clear(b, BG);
    drawCross(b, 5, 5, 3, INK);
    expect(b.data[5 * 11 + 5]).toBe(INK);
    expect(b.data[2 * 11 + 2]).toBe(INK);
    expect(b.data[5 * 11 + 2]).toBe(BG);
  });
});

describe('polygon fill', () => {
  it('fills exactly the pixel centres inside the polygon (even–odd)', () => {
    const xs = [2.2, 17.5, 12.1, 9, 3.3], ys = [1.4, 4.2, 18.6, 9.5, 15.1];
    const b = createBuffer(20, 20);
    clear(b, BG);
    fillPolygon(b, xs, ys, INK, 255);
    for (let y = 0; y < 20; y++) {
      for (let x = 0; x < 20; x++) expect(b.data[y * 20 + x] === INK, `${x},${y}`).toBe(pointInPolygon(x + 0.5, y + 0.5, xs, ys));
    }
  });
});

describe('dashed lines', () => {
  it('turns a dash array into a per-pixel mask, solid when empty', () => {
    expect(Array.from(dashMask([2, 1]))).toEqual([1, 1, 0]);
    expect(Array.from(dashMask([]))).toEqual([1]);
  });

  it('inks only the mask\'s on-pixels, keeping the phase from the sender when clipped', () => {
    const red = packHex('#FF0000');
    const buf = createBuffer(20, 3);
    drawMaskedLine(buf, 0, 1, 11, 1, red, 255, dashMask([2, 2]));
    const row = Array.from({ length: 12 }, (_, x) => (buf.data[20 + x] === red ? 1 : 0));
    expect(row).toEqual([1, 1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 0]);
    // Starting 3 px off screen: pixel 0 is step 3 of the pattern (off), pixel 1 step 4 (on).
    const clipped = createBuffer(20, 3);
    drawMaskedLine(clipped, -3, 1, 8, 1, red, 255, dashMask([2, 2]));
    expect(Array.from({ length: 4 }, (_, x) => (clipped.data[20 + x] === red ? 1 : 0))).toEqual([0, 1, 1, 0]);
  });
});
