import { describe, expect, it } from 'vitest';
import type { LinkState } from '../view/frame-source';
import { describePair, groupsByLayout, linkActions, linkLossActions, linkProblem, oneWayCuts, splitProblem } from './cluster-actions';

const cut: LinkState[] = [
  { from: 1, to: 2, blocked: true, loss: 0 },
  { from: 2, to: 1, blocked: true, loss: 0.2 },
];

describe('partition tools', () => {
  it('blocks one direction only, both, or neither, keeping each direction\'s loss', () => {
    expect(linkActions(1, 2, 'one-way', cut)).toEqual([
      { type: 'setLink', from: 1, to: 2, blocked: true, loss: 0 },
      { type: 'setLink', from: 2, to: 1, blocked: false, loss: 0.2 },
    ]);
    expect(linkActions(2, 1, 'both', null).map((a) => a.type === 'setLink' && a.blocked)).toEqual([true, true]);
    expect(linkActions(1, 2, 'open', cut).map((a) => a.type === 'setLink' && a.blocked)).toEqual([false, false]);
  });

  it('sets link loss on both directions without touching the cuts', () => {
    expect(linkLossActions(1, 2, 0.5, cut)).toEqual([
      { type: 'setLink', from: 1, to: 2, blocked: true, loss: 0.5 },
      { type: 'setLink', from: 2, to: 1, blocked: true, loss: 0.5 },
    ]);
  });

  it('finds one-way cuts and describes a pair', () => {
    expect(oneWayCuts(cut)).toEqual([]);
    const oneWay = cut.map((l) => (l.from === 2 ? { ...l, blocked: false } : l));
    expect(oneWayCuts(oneWay)).toEqual([[1, 2]]);
    expect(describePair(1, 2, oneWay)).toBe('1 → 2 blocked · 2 → 1 open (20 % loss)');
  });

  it('refuses links without groups, between a group and itself, or to an empty group', () => {
    expect(linkProblem(1, 2, null)).toMatch(/split the network first/);
    expect(linkProblem(1, 1, [0, 3, 3])).toMatch(/different/);
    expect(linkProblem(1, 3, [0, 3, 3])).toMatch(/have nodes/);
    expect(linkProblem(0, 1, [2, 3])).toBeNull();
    expect(splitProblem(1, 10)).toMatch(/2 to 8/);
    expect(splitProblem(3, 2)).toMatch(/2 to 2/);
    expect(splitProblem(3, 10)).toBeNull();
  });

  it('takes the renderer\'s sectors when they cover the graph, else the starting layout\'s', () => {
    const graph = { id: 1, nodes: 6, topology: 'ring' as const, offsets: null, neighbors: null };
    expect(groupsByLayout({ splitInto: () => [[0, 1], [2, 3], [4, 5]] }, graph, 6, 3)).toEqual([[0, 1], [2, 3], [4, 5]]);
    const fallback = groupsByLayout({ splitInto: () => [[0]] }, graph, 6, 2);
    expect(fallback.flat().sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(fallback.map((g) => g.length)).toEqual([3, 3]);
    expect(groupsByLayout(null, null, 4, 2).flat().sort()).toEqual([0, 1, 2, 3]);
  });
});
