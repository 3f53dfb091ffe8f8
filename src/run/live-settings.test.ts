import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { clusterChanged, settingAction, settingNotice } from './live-settings';

const current = { fanout: 1, delay: { kind: 'fixed' as const, rounds: 1 }, k: 2 };

describe('live settings', () => {
  it('fanout, delay and k do not change the cluster; nodes, seed and topology do', () => {
    const a = { ...DEFAULT_CONFIG, protocol: 'rumor' as const };
    expect(clusterChanged({ ...a, fanout: 4, k: 7, delay: { kind: 'exp', mean: 2 } }, a)).toBe(false);
    expect(clusterChanged({ ...a, nodes: 50 }, a)).toBe(true);
    expect(clusterChanged({ ...a, seed: 9 }, a)).toBe(true);
    expect(clusterChanged({ ...a, topology: 'ring' }, a)).toBe(true);
  });

  it('asks only for the setting of the field changed, and not for a value the form had to adjust', () => {
    const config = { ...DEFAULT_CONFIG, fanout: 3, delay: { kind: 'fixed' as const, rounds: 2 } };
    expect(settingAction('fanout', config, current, {})).toEqual({ type: 'setFanout', fanout: 3 });
    expect(settingAction('delayRounds', config, current, {})).toEqual({ type: 'setDelay', delay: { kind: 'fixed', rounds: 2 } });
    // Touching the seed field must not carry the form's fanout into the run.
    expect(settingAction('seed', config, current, {})).toBeNull();
    expect(settingAction('fanout', config, current, { fanout: { tone: 'adjusted', text: 'Fanout must be …; keeping 3.' } })).toBeNull();
    expect(settingAction('fanout', { ...config, fanout: 1 }, current, {})).toBeNull();
    // k is rumor mongering's only.
    expect(settingAction('k', { ...config, k: 5 }, current, {})).toBeNull();
    expect(settingAction('k', { ...config, protocol: 'rumor', k: 5 }, current, {})).toEqual({ type: 'setRumorK', k: 5 });
  });

  it('names the round a setting holds from: the one after the round it was applied at', () => {
    expect(settingNotice({ type: 'setFanout', fanout: 3 }, 6)).toBe('Fanout 3 from round 7');
    expect(settingNotice({ type: 'setDelay', delay: { kind: 'uniform', min: 1, max: 4 } }, 0)).toBe('Delay 1–4 rounds from round 1');
    expect(settingNotice({ type: 'setRumorK', k: 4 }, 2)).toBe('Rumor k 4 from round 3');
    expect(settingNotice({ type: 'crash', node: 1 }, 2)).toBeNull();
  });
});
