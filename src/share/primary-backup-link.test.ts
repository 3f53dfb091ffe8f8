import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { PAGE_BUDGET, costProblems } from '../engine/limits';
import { SCENARIO_FORMAT, SCENARIO_VERSION, validateScenario } from '../engine/scenario';
import type { SimConfig } from '../engine/types';
import { decodeRunLink, encodeRunLink } from './run-link';

const pb: SimConfig = { ...DEFAULT_CONFIG, nodes: 50, protocol: 'primary-backup', fanout: 5 };

describe('primary-backup in links, scenario files and the cost model', () => {
  it('a link carries a primary-backup run whole, crash and all', () => {
    const run = { config: pb, actions: [{ round: 3, action: { type: 'crash' as const, node: 0 } }], round: 4 };
    expect(decodeRunLink(encodeRunLink(run))).toEqual({ ...run, problems: [] });
  });

  it('a scenario file may name it, and is refused with its path when it adds anti-entropy', () => {
    const file = (config: Partial<SimConfig>) => ({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, config: { ...pb, ...config }, actions: [] });
    expect(validateScenario(file({})).ok).toBe(true);
    const bad = validateScenario(file({ antiEntropy: 5 }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(JSON.stringify(bad.problems)).toMatch(/antiEntropy.*0 with primary-backup/);
  });

  it('prices a round at 2·fanout messages (the primary\'s updates and their acks), not nodes × fanout', () => {
    // 10,000 nodes, fanout 9,999: as gossip ~10^8 messages a round, far past the page's budget;
    // as primary-backup 19,998.
    expect(costProblems({ ...pb, nodes: 10_000, fanout: 9_999 }, PAGE_BUDGET)).toEqual([]);
    expect(costProblems({ ...pb, nodes: 10_000, fanout: 9_999, protocol: 'push' }, PAGE_BUDGET)[0].field).toBe('fanout');
    // A 100-round delay keeps 2 × 9,999 × 100 messages on their way, past the budget: fanout 5,000 fits.
    const slow = costProblems({ ...pb, nodes: 10_000, fanout: 9_999, delay: { kind: 'fixed', rounds: 100 } }, PAGE_BUDGET);
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ field: 'fanout', max: 5000 });
    expect(slow[0].message).toMatch(/2 × fanout × delay: 1,999,800/);
  });
});
