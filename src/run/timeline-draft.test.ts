import { describe, expect, it } from 'vitest';
import { timelineActions, timelineRoundProblem, type TimelineDraft } from './timeline-draft';

const draft = (patch: Partial<TimelineDraft>): TimelineDraft => ({ round: '10', kind: 'write', node: '3', groups: '2', ids: '', from: '1', to: '2', loss: '0', ...patch });
const halves = (k: number) => (k === 2 ? [[0, 1], [2, 3]] : 'Split into 2 to 4 groups.');

describe('the timeline form', () => {
  it('turns each kind into the actions a scenario holds', () => {
    expect(timelineActions(draft({}), 4, halves)).toEqual({ round: 10, actions: [{ type: 'write', node: 3, key: 0 }] });
    expect(timelineActions(draft({ kind: 'crash' }), 4, halves)).toEqual({ round: 10, actions: [{ type: 'crash', node: 3 }] });
    expect(timelineActions(draft({ kind: 'split' }), 4, halves)).toEqual({ round: 10, actions: [{ type: 'partition', groups: [[0, 1], [2, 3]] }] });
    expect(timelineActions(draft({ kind: 'isolate', ids: '1-2' }), 4, halves)).toEqual({ round: 10, actions: [{ type: 'isolate', nodes: [1, 2] }] });
    expect(timelineActions(draft({ kind: 'cut-one-way' }), 4, halves)).toEqual({
      round: 10,
      actions: [{ type: 'setLink', from: 1, to: 2, blocked: true, loss: 0 }, { type: 'setLink', from: 2, to: 1, blocked: false, loss: 0 }],
    });
    expect(timelineActions(draft({ kind: 'open-both', loss: '30' }), 4, halves)).toMatchObject({ actions: [{ blocked: false, loss: 0.3 }, { blocked: false, loss: 0.3 }] });
    expect(timelineActions(draft({ kind: 'packet-loss', loss: '25' }), 4, halves)).toEqual({ round: 10, actions: [{ type: 'setLoss', p: 0.25 }] });
    expect(timelineActions(draft({ kind: 'heal', round: '0' }), 4, halves)).toEqual({ round: 0, actions: [{ type: 'heal' }] });
  });

  it('says what is wrong instead of adding a broken entry', () => {
    expect(timelineActions(draft({ round: '-1' }), 4, halves)).toMatch(/At round/);
    expect(timelineActions(draft({ round: '2.5' }), 4, halves)).toMatch(/At round/);
    // Rounds past what links and run files hold are refused, not written and then dropped.
    expect(timelineActions(draft({ round: '1000000' }), 4, halves)).toMatchObject({ round: 1_000_000 });
    expect(timelineActions(draft({ round: '1000001' }), 4, halves)).toBe(timelineRoundProblem());
    expect(timelineRoundProblem()).toBe('At round: a whole number from 0 to 1,000,000 (links and run files hold no later round).');
    expect(timelineActions(draft({ node: '4' }), 4, halves)).toBe('Node: an id from 0 to 3.');
    expect(timelineActions(draft({ kind: 'split', groups: '5' }), 4, halves)).toMatch(/2 to 4/);
    expect(timelineActions(draft({ kind: 'isolate', ids: 'a' }), 4, halves)).toMatch(/not a node id/);
    expect(timelineActions(draft({ kind: 'cut-both', to: '1' }), 4, halves)).toMatch(/two different groups/);
    expect(timelineActions(draft({ kind: 'packet-loss', loss: '101' }), 4, halves)).toMatch(/Loss/);
  });
});
