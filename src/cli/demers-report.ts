/**
 * Reproduces the comparison with Demers et al. 1987 in docs/validation.md:
 *   npx tsx src/cli/demers-report.ts [--trials 300]
 * Part 1 runs the CLI's runner (exactly what `npm run sim -- --protocol rumor …` runs) for the
 * four interest rules, k = 1…5, n = 1000, and prints markdown tables against the paper and its
 * analysis. Part 2 measures t_ave under the alternative definitions discussed there.
 */
import { DEFAULT_CONFIG } from '../engine/config';
import { trialSeed } from '../engine/prng';
import { Simulation } from '../engine/simulation';
import type { InterestRule } from '../engine/types';
import { DEFAULT_OPTIONS } from './options';
import { demersResidue, DEMERS_TABLES } from './rumor-theory';
import { runExperiment } from './runner';
import type { Stats } from './stats';

const arg = process.argv.indexOf('--trials');
const TRIALS = arg >= 0 ? Number(process.argv[arg + 1]) : 300;
const RULES: InterestRule[] = ['feedback-counter', 'blind-coin', 'feedback-coin', 'blind-counter'];

/** Half a unit in the last printed digit of a paper value: 0.037 → 0.0005, 16.8 → 0.05, 38 → 0.5. */
export function printedHalfUnit(x: number): number {
  const text = String(x);
  const dot = text.indexOf('.');
  return 0.5 * 10 ** -(dot < 0 ? 0 : text.length - dot - 1);
}

const se = (s: Stats): number => s.sd / Math.sqrt(s.count);
const f = (x: number, d = 3): string => (Math.abs(x) < 0.01 && x !== 0 ? x.toPrecision(2) : x.toFixed(d));

/**
 * Agreement with a paper value: the paper prints 2–3 significant digits (half a unit of the last
 * one) and does not say how many runs it averaged; we allow its rounding plus 3 standard errors
 * of a difference of two means with our spread, assuming it ran at least as many trials (√2·SE).
 */
function verdict(paper: number, s: Stats): string {
  const tol = printedHalfUnit(paper) + 3 * Math.SQRT2 * se(s);
  const d = s.mean - paper;
  return `${d >= 0 ? '+' : '−'}${f(Math.abs(d))} ${Math.abs(d) <= tol ? '✓' : `✗ (tol ${f(tol)})`}`;
}

console.log(`## Part 1: n = 1000, complete graph, fanout 1, ${TRIALS} trials per row (seeds 1…${TRIALS})\n`);
for (const interest of RULES) {
  const table = DEMERS_TABLES[interest];
  console.log(`### ${interest}\n`);
  console.log('| k | s (sim ± se) | s paper | Δs | e^−m | s analysis | m (sim) | m paper | Δm | t_ave (sim) | t_ave paper | Δt_ave | t_last (sim) | t_last paper | Δt_last |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (let k = 1; k <= 5; k++) {
    const s = runExperiment({ ...DEFAULT_OPTIONS, protocol: 'rumor', interest, k, trials: TRIALS });
    const p = table?.[k - 1];
    const theory = demersResidue(interest, k);
    const cells = [
      k, `${f(s.residue!.mean, 4)} ± ${f(se(s.residue!), 4)}`, p ? p.s : '', p ? verdict(p.s, s.residue!) : '',
      f(Math.exp(-s.traffic!.mean), 4), theory === null ? '–' : f(theory, 4),
      f(s.traffic!.mean, 2), p ? p.m : '', p ? verdict(p.m, s.traffic!) : '',
      f(s.tAve!.mean, 2), p ? p.tAve : '', p ? verdict(p.tAve, s.tAve!) : '',
      f(s.tLast!.mean, 2), p ? p.tLast : '', p ? verdict(p.tLast, s.tLast!) : '',
    ];
    console.log(`| ${cells.join(' | ')} |`);
  }
  console.log('');
}

/** Part 2: the same runs, t_ave measured six ways. */
console.log('## Part 2: t_ave under other definitions (same seeds)\n');
console.log('| rule | k | mean first arrival, origin excluded (CLI) | origin included at 0 | pooled over trials | residue counted at t_last | mean arrival of every message | mean removal time | paper |');
console.log('|---|---|---|---|---|---|---|---|---|');
for (const interest of ['feedback-counter', 'blind-coin'] as const) {
  for (let k = 1; k <= 5; k++) {
    let excl = 0, incl = 0, pw = 0, pn = 0, withResidue = 0, msg = 0, removal = 0, defined = 0;
    for (let i = 0; i < TRIALS; i++) {
      const sim = new Simulation({ ...DEFAULT_CONFIG, protocol: 'rumor', interest, k, seed: trialSeed(1, i) });
      let newly = 0, w = 0, last = 0, dw = 0, dn = 0, rw = 0, rn = 0, removed = 0;
      while (!sim.rumorEnded) {
        const m = sim.step();
        const x = m.newlyInformed[0];
        if (x > 0) { newly += x; w += x * m.round; last = m.round; }
        dw += m.delivered * m.round; dn += m.delivered;
        rw += (m.removed[0] - removed) * m.round; rn += m.removed[0] - removed; removed = m.removed[0];
      }
      const n = sim.config.nodes, residue = n - 1 - newly;
      if (newly > 0) { excl += w / newly; defined++; }
      incl += w / (newly + 1);
      pw += w; pn += newly;
      withResidue += (w + residue * last) / (n - 1);
      msg += dw / dn;
      removal += rw / rn;
    }
    const p = DEMERS_TABLES[interest]![k - 1];
    console.log(`| ${interest} | ${k} | ${[excl / defined, incl / TRIALS, pw / pn, withResidue / TRIALS, msg / TRIALS, removal / TRIALS].map((x) => f(x, 2)).join(' | ')} | ${p.tAve} |`);
  }
}

/** The paper's own recurrence for push (§1.3): p_{i+1} = p_i (1 − 1/n)^{n(1 − p_i)}, p the susceptible fraction. */
let p = 1 - 1 / 1000, sum = 0, cycles = 0;
while (p * 1000 >= 0.5) {
  sum += p;
  p *= (1 - 1 / 1000) ** (1000 * (1 - p));
  cycles++;
}
console.log(`\nThe paper's push recurrence at n = 1000: mean arrival ${f(sum / (1 - 1 / 1000), 2)} cycles, fewer than ½ susceptible after ${cycles} cycles.`);
