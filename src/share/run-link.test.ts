import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { deflateBomb } from './deflate-bomb';
import { decodeAnyRunLink, decodeRunLink, encodeRunLink, hasRunLink } from './run-link';
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

  it('round-trip a run with mid-run setting changes (fanout, delay, rumor k): the link written reads back', () => {
    const withSettings = {
      config: { ...DEFAULT_CONFIG, nodes: 200, protocol: 'rumor' as const },
      actions: [
        { round: 3, action: { type: 'setFanout' as const, fanout: 3 } },
        { round: 5, action: { type: 'setDelay' as const, delay: { kind: 'exp' as const, mean: 2.5 } } },
        { round: 7, action: { type: 'setRumorK' as const, k: 4 } },
      ],
      round: 9,
    };
    expect(decodeRunLink(encodeRunLink(withSettings))).toEqual({ ...withSettings, problems: [] });
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
    expect(small.problems).toEqual(['the link is too large: its run unpacks to more than 2,097,152 bytes, more than Gossip Lab opens']);
    // The link: 1.4 M characters that inflate to about 1 GB.
    const hash = '#run=' + b64url(deflateBomb(1000));
    expect(hash.length).toBeGreaterThan(1_380_000);
    const started = performance.now();
    const d = decodeRunLink(hash);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(d).toEqual({ config: DEFAULT_CONFIG, actions: [], round: 0, problems: ['the link is too large: its run unpacks to more than 2,097,152 bytes, more than Gossip Lab opens'] });
  });

  it('says a link from a newer format version is from a newer version', () => {
    const json = JSON.stringify({ format: 'gossip-lab-scenario', version: 3, config: { nodes: 60 }, actions: [], round: 3, somethingNew: true });
    expect(decodeRunLink('#run=' + b64url(deflateSync(strToU8(json)))).problems).toEqual([
      'the link was made by a newer version of Gossip Lab: open it with the newer version (reload the page to update it)',
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

describe('link versions', () => {
  it('a version-1 link saved before membership runs had links still opens the same run', async () => {
    const saved = (await import('./fixtures/link-v1.json')).default as { hash: string; config: unknown; actions: unknown; round: number };
    const decoded = decodeAnyRunLink(saved.hash);
    expect(decoded).toEqual({ model: 'spread', config: saved.config, actions: saved.actions, round: saved.round, problems: [] });
    expect(decodeRunLink(saved.hash)).toEqual({ config: saved.config, actions: saved.actions, round: saved.round, problems: [] });
  });

  it('round-trips a membership run, with its model', () => {
    const membership = {
      model: 'membership' as const,
      config: { protocol: 'swim' as const, nodes: 30, seed: 5, loss: 0.1, swim: { suspicionMult: 3 } },
      actions: [{ round: 3, action: { type: 'crash' as const, node: 12 } }, { round: 8, action: { type: 'isolate' as const, nodes: [1, 2, 3] } }],
      round: 20,
    };
    expect(decodeAnyRunLink(encodeRunLink(membership))).toEqual({ ...membership, problems: [] });
    // A page that wants a spreading run is told what it got instead.
    expect(decodeRunLink(encodeRunLink(membership)).problems).toEqual(['the link is of a membership run, not a spreading one']);
  });

  it('refuses a membership link with bad settings or node ids, saying why', () => {
    const bad = (config: unknown, actions: unknown = []) => {
      const json = JSON.stringify({ link: 2, model: 'membership', config, actions, round: 3 });
      return decodeAnyRunLink(`#run=${b64url(deflateSync(strToU8(json)))}`);
    };
    expect(bad({ protocol: 'swim', nodes: 1, seed: 1, loss: 0 }).problems[0]).toMatch(/membership run's settings are not valid/);
    expect(bad('nope').model).toBe('spread');
    const ids = bad({ protocol: 'swim', nodes: 10, seed: 1, loss: 0 }, [{ round: 1, action: { type: 'crash', node: 40 } }]);
    expect(ids.model).toBe('membership');
    expect(ids.actions).toEqual([]);
    expect(ids.problems[0]).toMatch(/node 40 does not exist/);
  });

  it('a link from a newer format says so', () => {
    const json = JSON.stringify({ link: 4, model: 'spread', config: {}, actions: [], round: 0 });
    expect(decodeAnyRunLink(`#run=${b64url(deflateSync(strToU8(json)))}`).problems).toEqual(['the link was made by a newer version of Gossip Lab: open it with the newer version (reload the page to update it)']);
  });
});

describe('links short enough for a QR code', () => {
  it('a preset run with 20 actions is under 500 characters, and reads back whole', async () => {
    const { PARTITION_HEALING_CONFIG: config } = await import('../presets/partition-healing');
    const actions = Array.from({ length: 20 }, (_, i) => {
      const round = 2 + i * 2;
      if (i % 5 === 0) return { round, action: { type: 'partition' as const, groups: [Array.from({ length: config.nodes / 2 }, (_, j) => j)] } };
      if (i % 5 === 4) return { round, action: { type: 'heal' as const } };
      return i % 2 ? { round, action: { type: 'crash' as const, node: (i * 7) % config.nodes } } : { round, action: { type: 'write' as const, node: (i * 11) % config.nodes, key: 0 } };
    });
    const hash = encodeRunLink({ config, actions, round: 40 });
    // The measure of issue 12: a share link of a preset run with 20 actions (a QR code of
    // version ~17 at error correction L; the page's origin and path come on top).
    expect(hash.length).toBeLessThan(500);
    expect(decodeRunLink(hash)).toEqual({ config, actions, round: 40, problems: [] });
  });
});
