import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { decodeAnyRunLink, decodeKept, decodeRunLink, encodeRunLink, encodeRunLinkChecked, keptJson, MAX_KEPT, type KeptRunLink } from './run-link';

const kept = (fanout: number, round = 0): KeptRunLink => ({ config: { ...DEFAULT_CONFIG, nodes: 100, fanout }, actions: [], round });
const run = { config: { ...DEFAULT_CONFIG, nodes: 100, fanout: 3 }, actions: [{ round: 2, action: { type: 'write' as const, node: 5, key: 0 } }], round: 7 };

describe('share links with kept runs (Compare)', () => {
  it('carry the kept runs — settings, seeds, actions, rounds — and read them back', () => {
    const withKept = { ...run, kept: [kept(1, 12), { ...kept(2), config: { ...kept(2).config, seed: 9, loss: 0.5 } }] };
    expect(decodeRunLink(encodeRunLink(withKept))).toEqual({ ...withKept, problems: [] });
  });

  it('stay short: six kept runs of page-sized clusters add a few dozen bytes each', () => {
    const plain = encodeRunLink(run);
    const six = encodeRunLink({ ...run, kept: Array.from({ length: 6 }, (_, i) => kept(i + 1)) });
    expect(six.length - plain.length).toBeLessThan(6 * 40);
  });

  it('open links made before Compare exactly as before, with no kept runs', () => {
    const decoded = decodeAnyRunLink(encodeRunLink(run));
    expect(decoded).toEqual({ model: 'spread', ...run, problems: [] });
    expect('kept' in decoded).toBe(false);
  });

  it('leave out an invalid kept run and say which, keeping the run and the other kept runs', () => {
    const { kept: read, problems } = decodeKept([keptJson([kept(2)])[0], { config: { nodes: -4 }, actions: [] }, 'nonsense']);
    expect(read).toEqual([kept(2)]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^kept run 2 is not valid \(\$\.config\.nodes/);
    expect(decodeKept('a string').problems).toEqual(['the kept runs are not a list: none were kept']);
  });

  it(`keep at most ${MAX_KEPT}: a link with more opens the first ${MAX_KEPT} and says so`, () => {
    const many = Array.from({ length: 9 }, (_, i) => kept(i + 1));
    const decoded = decodeKept(keptJson(many).concat(keptJson(many.slice(6))));
    expect(decoded.kept.map((k) => k.config.fanout)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(decoded.problems).toEqual([`the link keeps 9 runs for comparison; the first ${MAX_KEPT} were kept`]);
    // The writer never puts more than MAX_KEPT into a link.
    expect(decodeRunLink(encodeRunLink({ ...run, kept: many })).kept).toHaveLength(MAX_KEPT);
  });

  it('refuse a link too large to open, and name the kept runs as a way to shorten it', () => {
    const heavy = Array.from({ length: 6 }, (_, i) => ({
      ...kept(i + 1),
      config: { ...DEFAULT_CONFIG, nodes: 100_000 },
      actions: Array.from({ length: 3 }, (_, r) => ({ round: r, action: { type: 'partition' as const, groups: [Array.from({ length: 50_000 }, (_, n) => (n * 7919 + r + i) % 100_000)] } })),
    }));
    const checked = encodeRunLinkChecked({ ...run, kept: heavy });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.reason).toMatch(/remove some kept runs/);
  });
});
