import { describe, expect, it } from 'vitest';
import type { Action } from '../engine/types';
import { cloneAction, describeScheduled, insertEntry, makeEntry, markRefused, parseNodeList, recordEntry, toLogged } from './schedule';

describe('the timeline list', () => {
  it('keeps entries in round order, same-round entries in the order they came', () => {
    let list = [makeEntry(5, { type: 'heal' }), makeEntry(10, { type: 'heal' })];
    list = insertEntry(list, makeEntry(5, { type: 'crash', node: 1 }));
    list = insertEntry(list, makeEntry(0, { type: 'crash', node: 2 }));
    list = insertEntry(list, makeEntry(12, { type: 'crash', node: 3 }));
    expect(toLogged(list)).toEqual([
      { round: 0, action: { type: 'crash', node: 2 } },
      { round: 5, action: { type: 'heal' } },
      { round: 5, action: { type: 'crash', node: 1 } },
      { round: 10, action: { type: 'heal' } },
      { round: 12, action: { type: 'crash', node: 3 } },
    ]);
  });

  it('records live actions, folding a loss typed digit by digit into one entry', () => {
    let list = recordEntry([], 3, { type: 'setLoss', p: 0.1 });
    list = recordEntry(list, 3, { type: 'setLoss', p: 0.15 });
    list = recordEntry(list, 3, { type: 'setLink', from: 1, to: 2, blocked: true, loss: 0 });
    list = recordEntry(list, 3, { type: 'setLink', from: 1, to: 2, blocked: true, loss: 0.3 });
    list = recordEntry(list, 3, { type: 'setLink', from: 2, to: 1, blocked: false, loss: 0.3 });
    list = recordEntry(list, 3, { type: 'setLink', from: 1, to: 2, blocked: false, loss: 0.5 });
    list = recordEntry(list, 4, { type: 'setLoss', p: 0.2 });
    expect(list.every((e) => e.recorded)).toBe(true);
    list = recordEntry(list, 4, { type: 'heal' });
    list = recordEntry(list, 4, { type: 'setLoss', p: 0.3 });
    expect(toLogged(list).map((e) => [e.round, e.action.type])).toEqual([[3, 'setLoss'], [3, 'setLink'], [3, 'setLink'], [4, 'setLoss'], [4, 'heal'], [4, 'setLoss']]);
    expect(list[0].action).toEqual({ type: 'setLoss', p: 0.15 });
    expect(list[1].action).toMatchObject({ from: 2, to: 1, loss: 0.3 });
    expect(list[2].action).toMatchObject({ from: 1, to: 2, loss: 0.5 });
  });

  it('marks the matching entry refused, once', () => {
    const list = [makeEntry(2, { type: 'write', node: 3, key: 0 }), makeEntry(2, { type: 'write', node: 3, key: 0 })];
    const once = markRefused(list, 2, { type: 'write', node: 3, key: 0 }, 'node 3 is crashed');
    expect(once.map((e) => e.refused)).toEqual(['node 3 is crashed', undefined]);
    const twice = markRefused(once, 2, { type: 'write', node: 3, key: 0 }, 'again');
    expect(twice.map((e) => e.refused)).toEqual(['node 3 is crashed', 'again']);
  });

  it('describes every action in words', () => {
    expect(describeScheduled({ type: 'partition', groups: [[0, 1], [2, 3, 4]] })).toBe('split into 2 groups (2 | 3 nodes)');
    expect(describeScheduled({ type: 'setLink', from: 1, to: 2, blocked: true, loss: 0 })).toBe('block group 1 → group 2');
    expect(describeScheduled({ type: 'setLink', from: 2, to: 1, blocked: false, loss: 0.3 })).toBe('open group 2 → group 1, 30 % loss');
    expect(describeScheduled({ type: 'isolate', nodes: [4] })).toBe('isolate 1 node (lasso)');
    expect(describeScheduled({ type: 'write', node: 40, key: 0 })).toBe('write at node 40');
    expect(describeScheduled({ type: 'setLoss', p: 0.125 })).toBe('packet loss 12.5 %');
  });

  it('parses node lists with ranges and says what is wrong', () => {
    expect(parseNodeList('3, 5-7, 3', 10)).toEqual([3, 5, 6, 7]);
    expect(parseNodeList(' ', 10)).toMatch(/at least one/);
    expect(parseNodeList('4, x', 10)).toMatch(/"x" is not/);
    expect(parseNodeList('7-5', 10)).toMatch(/backwards/);
    expect(parseNodeList('9-12', 10)).toMatch(/Node 12 does not exist/);
  });
});

describe('setting actions on the timeline', () => {
  it('are described in the timeline list and in notices', () => {
    expect(describeScheduled({ type: 'setFanout', fanout: 3 })).toBe('fanout 3');
    expect(describeScheduled({ type: 'setDelay', delay: { kind: 'uniform', min: 1, max: 4 } })).toBe('delay uniform:1:4');
    expect(describeScheduled({ type: 'setRumorK', k: 5 })).toBe('rumor k 5');
  });

  it('a setting changed twice in one round keeps one entry, the newest; other settings stay', () => {
    let list = recordEntry([], 4, { type: 'setFanout', fanout: 2 });
    list = recordEntry(list, 4, { type: 'setLoss', p: 0.1 });
    list = recordEntry(list, 4, { type: 'setFanout', fanout: 3 });
    expect(list.map((e) => e.action)).toEqual([{ type: 'setLoss', p: 0.1 }, { type: 'setFanout', fanout: 3 }]);
    // In a later round it is a new step of the run, so a new entry.
    list = recordEntry(list, 6, { type: 'setFanout', fanout: 1 });
    expect(list).toHaveLength(3);
  });
});

describe('cloneAction', () => {
  it('copies every action deeply: the copy equals it and shares no list or object with it', () => {
    const actions: Action[] = [
      { type: 'partition', groups: [[0, 1], [2, 3]] },
      { type: 'isolate', nodes: [4, 5] },
      { type: 'setDelay', delay: { kind: 'uniform', min: 1, max: 3 } },
      { type: 'setLink', from: 0, to: 1, blocked: true, loss: 0.5 },
      { type: 'write', node: 2, key: 0 },
      { type: 'heal' },
    ];
    for (const a of actions) {
      const b = cloneAction(a);
      expect(b).toEqual(a);
      expect(b).not.toBe(a);
      if (a.type === 'partition' && b.type === 'partition') {
        b.groups[0].push(9);
        expect(a.groups[0]).toEqual([0, 1]);
      }
      if (a.type === 'isolate' && b.type === 'isolate') expect(b.nodes).not.toBe(a.nodes);
      if (a.type === 'setDelay' && b.type === 'setDelay') expect(b.delay).not.toBe(a.delay);
    }
  });
});
