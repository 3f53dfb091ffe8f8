import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import type { LoggedAction, SimConfig } from '../engine/types';
import { runLabels } from './run-labels';

const run = (over: Partial<SimConfig> = {}, actions: LoggedAction[] = []) => ({ config: { ...DEFAULT_CONFIG, ...over }, actions });

describe('compare labels', () => {
  it('name what differs among the runs compared, with each run\'s own value', () => {
    expect(runLabels([run({ fanout: 1 }), run({ fanout: 2 }), run({ fanout: 3 }), run({ fanout: 3 })])).toEqual(['fanout 1', 'fanout 2', 'fanout 3', 'fanout 3']);
    expect(runLabels([run({ loss: 0.5 }), run()])).toEqual(['loss 50%', 'loss 0%']);
    expect(runLabels([run({ protocol: 'pull', seed: 4 }), run()])).toEqual(['pull, seed 4', 'push, seed 1']);
  });

  it('say "same settings" or "other timeline" when no setting differs', () => {
    expect(runLabels([run(), run()])).toEqual(['same settings', 'same settings']);
    expect(runLabels([run({}, [{ round: 3, action: { type: 'crash', node: 1 } }]), run()])).toEqual(['other timeline', 'other timeline']);
  });

  it('speak the language asked for', () => {
    expect(runLabels([run({ fanout: 2, loss: 0.5 }), run()], 'zh')).toEqual(['扇出 2，丢包 50%', '扇出 1，丢包 0%']);
  });

  it('name at most three settings, then an ellipsis', () => {
    const [a] = runLabels([run({ protocol: 'pull', fanout: 2, loss: 0.1, nodes: 50, seed: 3 }), run()]);
    expect(a).toBe('pull, fanout 2, loss 10%, …');
  });
});
