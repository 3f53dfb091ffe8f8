import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { deflateBomb } from './deflate-bomb';
import { decodeRunLink, encodeRunLink, hasRunLink } from './run-link';
import { deflateSync, strToU8 } from 'fflate';

const run = {
  config: { ...DEFAULT_CONFIG, nodes: 60, protocol: 'push-pull' as const, seed: 99 },
  actions: [
    { round: 0, action: { type: 'partition' as const, groups: [Array.from({ length: 30 }, (_, i) => i)] } },
    { round: 4, action: { type: 'write' as const, node: 45, key: 0 } },
    { round: 9, action: { type: 'heal' as const } },
  ],
  round: 14,
};

const b64url = (bytes: Uint8Array) => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

describe('share links', () => {
  it('round-trip a run, URL-safe and short', () => {
    const hash = encodeRunLink(run);
    expect(hash).toMatch(/^#run=[A-Za-z0-9_-]+$/);
    expect(hash.length).toBeLessThan(600);
    expect(hasRunLink(hash)).toBe(true);
    expect(decodeRunLink(hash)).toEqual({ ...run, problems: [] });
  });

  it('a truncated or tampered link falls back to defaults with a notice, never throwing', () => {
    const hash = encodeRunLink(run);
    for (const bad of [hash.slice(0, hash.length / 2), hash.replace(/[a-f]/g, 'Z'), '#run=', '#run=%%%', '#run=' + 'A'.repeat(50), '#other=1']) {
      const d = decodeRunLink(bad);
      expect(d.problems.length).toBeGreaterThan(0);
      expect(d.config.nodes).toBeGreaterThanOrEqual(2);
    }
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (s) => decodeRunLink('#run=' + s).problems.length > 0), { numRuns: 300 });
  });

  it('keeps the valid parameters of a link with invalid ones', () => {
    const json = JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: { nodes: 60, seed: 7, fanout: 'three', loss: 5 }, actions: [{ round: 1, action: { type: 'crash', node: 1e9 } }], round: 3 });
    const d = decodeRunLink('#run=' + b64url(deflateSync(strToU8(json))));
    expect(d.config).toEqual({ ...DEFAULT_CONFIG, nodes: 60, seed: 7 });
    expect(d.actions).toEqual([]);
    expect(d.problems.join(' ')).toMatch(/fanout/);
  });

  it('refuses a decompression bomb at once as too large, not damaged', () => {
    const small = decodeRunLink('#run=' + b64url(deflateSync(new Uint8Array(3_000_000).fill(32))));
    expect(small.problems).toEqual(['the link is too large: its run unpacks to more than 2,000,000 bytes, more than Gossip Lab opens']);
    // The link: 1.4 M characters that inflate to about 1 GB.
    const hash = '#run=' + b64url(deflateBomb(1000));
    expect(hash.length).toBeGreaterThan(1_380_000);
    const started = performance.now();
    const d = decodeRunLink(hash);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(d).toEqual({ config: DEFAULT_CONFIG, actions: [], round: 0, problems: ['the link is too large: its run unpacks to more than 2,000,000 bytes, more than Gossip Lab opens'] });
  });

  it('says a link from a newer format version is from a newer version', () => {
    const json = JSON.stringify({ format: 'gossip-lab-scenario', version: 2, config: { nodes: 60 }, actions: [], round: 3, somethingNew: true });
    expect(decodeRunLink('#run=' + b64url(deflateSync(strToU8(json)))).problems).toEqual([
      'the link was made by a newer version of Gossip Lab (run format 2; this page reads format 1): open it with the newer version',
    ]);
  });

  it('a problem with the round alone says only that, and keeps the run', () => {
    for (const [round, shown] of [[-1, '-1'], [2.5, '2.5'], ['7', 'a string'], [undefined, 'none']] as const) {
      const json = JSON.stringify({ format: 'gossip-lab-scenario', version: 1, config: run.config, actions: run.actions, round });
      expect(decodeRunLink('#run=' + b64url(deflateSync(strToU8(json))))).toEqual({
        config: run.config, actions: run.actions, round: 0,
        problems: [`the round in the link (${shown}) is not valid: the run opens at round 0, with all its settings and actions`],
      });
    }
  });
});
