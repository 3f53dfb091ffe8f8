import { describe, expect, it } from 'vitest';
import {
  binomialChainSeries, literatureRounds, meanFieldRounds, meanFieldSeries, meanFieldStep, stayUninformed,
  type TheoryProtocol,
} from './theory';

const PROTOCOLS: TheoryProtocol[] = ['push', 'pull', 'push-pull'];

describe('mean-field recurrences', () => {
  it('start from one node and grow by the factor the protocol allows in the first round', () => {
    const n = 1_000_000;
    const x0 = 1 / n;
    // Early on each informed node adds f (push), f (pull) or 2f (push-pull) nodes per round.
    for (const f of [1, 2, 3]) {
      expect(meanFieldStep({ protocol: 'push', nodes: n, fanout: f }, x0) * n).toBeCloseTo(1 + f, 3);
      expect(meanFieldStep({ protocol: 'pull', nodes: n, fanout: f }, x0) * n).toBeCloseTo(1 + f, 3);
      expect(meanFieldStep({ protocol: 'push-pull', nodes: n, fanout: f }, x0) * n).toBeCloseTo(1 + 2 * f, 2);
    }
  });

  it('count loss once for push and twice for pull (request and reply)', () => {
    const m = { nodes: 10_000, loss: 0.3 };
    const x = 0.2;
    const push = 1 - stayUninformed({ ...m, protocol: 'push' }, m.nodes * x);
    const pull = 1 - stayUninformed({ ...m, protocol: 'pull' }, m.nodes * x);
    expect(push).toBeCloseTo(1 - (1 - 0.7 / 9999) ** 2000, 12);
    expect(pull).toBeCloseTo((2000 / 9999) * 0.49, 12);
    const pp = stayUninformed({ ...m, protocol: 'push-pull' }, m.nodes * x);
    expect(pp).toBeCloseTo((1 - push) * (1 - pull), 12);
  });

  it('give a series that rises monotonically from 1/n to within half a node of n', () => {
    for (const protocol of PROTOCOLS) {
      const s = meanFieldSeries({ protocol, nodes: 5000 });
      expect(s[0]).toBe(1 / 5000);
      for (let r = 1; r < s.length; r++) expect(s[r]).toBeGreaterThan(s[r - 1]);
      expect(5000 * (1 - s[s.length - 1])).toBeLessThan(0.5);
      expect(s.length - 1).toBe(meanFieldRounds({ protocol, nodes: 5000 }));
      expect(meanFieldSeries({ protocol, nodes: 5000 }, 40)).toHaveLength(41);
    }
  });

  it('never finish at loss 1, and take longer with loss, faster with fanout', () => {
    for (const protocol of PROTOCOLS) {
      expect(meanFieldRounds({ protocol, nodes: 1000, loss: 1 })).toBe(Infinity);
      expect(meanFieldSeries({ protocol, nodes: 1000, loss: 1 })).toEqual([0.001]);
      const base = meanFieldRounds({ protocol, nodes: 100_000 });
      expect(meanFieldRounds({ protocol, nodes: 100_000, loss: 0.5 })).toBeGreaterThan(base);
      expect(meanFieldRounds({ protocol, nodes: 100_000, fanout: 3 })).toBeLessThan(base);
      expect(meanFieldRounds({ protocol, nodes: 1_000_000 })).toBeGreaterThan(base);
    }
  });

  it('stay within a couple of rounds of the literature from 10^3 to 10^7 nodes', () => {
    for (const protocol of PROTOCOLS) {
      for (const f of [1, 2, 3]) {
        for (const n of [1e3, 1e4, 1e5, 1e6, 1e7]) {
          const mf = meanFieldRounds({ protocol, nodes: n, fanout: f });
          const lit = literatureRounds(protocol, n, f).rounds;
          expect(Math.abs(mf - lit), `${protocol} f=${f} n=${n}: ${mf} vs ${lit}`).toBeLessThan(2);
        }
      }
    }
  });
});

describe('literature round counts', () => {
  it('evaluate the cited formulas', () => {
    const n = 2 ** 20;
    const ln = Math.log(n);
    expect(literatureRounds('push', n).rounds).toBeCloseTo(20 + ln, 10);
    expect(literatureRounds('push', n, 3).rounds).toBeCloseTo(10 + ln / 3, 10);
    expect(literatureRounds('pull', n).rounds).toBeCloseTo(20 + Math.log2(ln), 10);
    expect(literatureRounds('push-pull', n).rounds).toBeCloseTo(Math.log(n) / Math.log(3) + Math.log2(ln), 10);
    expect(literatureRounds('push', n).source).toMatch(/Pittel/);
    expect(literatureRounds('push-pull', n).source).toMatch(/Karp/);
  });
});

describe('binomial chain', () => {
  it('matches the exact expectation of pull on 3 nodes, worked by hand', () => {
    // Round 1: each of the 2 others asks the origin with probability 1/2 → E = 1 + 2·½ = 2.
    // Round 2: from 1 informed (¼) E = 2; from 2 (½) the last one surely asks an informed
    // node → 3; from 3 (¼) → 3. E = ½ + 3/2 + ¾ = 2.75.
    const s = binomialChainSeries({ protocol: 'pull', nodes: 3 }, 2);
    expect(s[0]).toBeCloseTo(1 / 3, 12);
    expect(s[1]).toBeCloseTo(2 / 3, 12);
    expect(s[2]).toBeCloseTo(2.75 / 3, 12);
  });

  it('conserves probability and lags the mean-field curve (Jensen: the growth map is concave)', () => {
    const m = { protocol: 'pull' as const, nodes: 400 };
    const chain = binomialChainSeries(m, 25);
    const mf = meanFieldSeries(m, 25);
    for (let r = 1; r <= 25; r++) {
      expect(chain[r]).toBeLessThanOrEqual(mf[r] + 1e-12);
      expect(chain[r]).toBeGreaterThanOrEqual(chain[r - 1]);
    }
    expect(chain[25]).toBeCloseTo(1, 6);
  });
});
