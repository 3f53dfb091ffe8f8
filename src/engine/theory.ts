/** The protocols with a closed-form theory (rumor mongering has none here). */
export type TheoryProtocol = 'push' | 'pull' | 'push-pull';

/**
 * What theory predicts for a rumour started by one node on the complete graph of `nodes`
 * nodes, in the engine's synchronous-round model. Used by the CLI (next to the simulated
 * figures), by the validation tests and by docs/validation.md.
 */
export interface SpreadModel {
  protocol: TheoryProtocol;
  nodes: number;
  /** Distinct peers contacted per node and round (default 1). */
  fanout?: number;
  /** Probability that any one message is lost (default 0). */
  loss?: number;
}

/** Default cap on the rounds a recurrence is iterated before it is declared stuck. */
const MAX_ROUNDS = 1_000_000;

/**
 * Probability that a node uninformed at the start of a round is still uninformed at its end,
 * when `informed` nodes hold the update.
 *
 * - push: each informed node sends to f distinct peers out of the n−1 others, so it hits a
 *   given node with probability f/(n−1), and the message survives with 1−p. Independent
 *   over the n·x senders: (1 − f(1−p)/(n−1))^(n·x).
 * - pull: the node asks f distinct peers; one helps if it is informed (an uninformed node's
 *   peers are the n−1 others, n·x of them informed) and both the request and the reply get
 *   through (the engine sends a reply only when the request was delivered):
 *   (1 − (n·x/(n−1))(1−p)²)^f. This is the brief's u·(1 − x(1−p)²)^f with the exact finite-n
 *   share of informed peers; the two differ by under 0.1 % at n = 1000.
 * - push-pull: the node's own exchanges work like pull requests (the reply carries the
 *   peer's state), and informed nodes' exchanges reach it like pushes (their first message
 *   carries the initiator's state); the two are independent: the product.
 */
export function stayUninformed(m: SpreadModel, informed: number): number {
  const n = m.nodes;
  const f = Math.min(m.fanout ?? 1, n - 1);
  const ok = 1 - (m.loss ?? 0);
  const pushMiss = (1 - (f * ok) / (n - 1)) ** informed;
  const pullMiss = (1 - (informed / (n - 1)) * ok * ok) ** f;
  switch (m.protocol) {
    case 'push': return pushMiss;
    case 'pull': return pullMiss;
    case 'push-pull': return pushMiss * pullMiss;
  }
}

/** One round of the mean-field recurrence on the informed fraction x: x' = 1 − u·stay(n·x). */
export function meanFieldStep(m: SpreadModel, x: number): number {
  return 1 - (1 - x) * stayUninformed(m, m.nodes * x);
}

/**
 * Expected informed fraction per round under the mean-field recurrence, from round 0
 * (x = 1/n) until fewer than half a node is expected to be uninformed, or `rounds` + 1 values
 * when `rounds` is given.
 *
 * @example
 *   meanFieldSeries({ protocol: 'push', nodes: 1000 }); // [0.001, 0.002, 0.004, …, 0.9995…]
 */
export function meanFieldSeries(m: SpreadModel, rounds?: number): number[] {
  const n = m.nodes;
  // Iterate on the uninformed share u: 1 − x loses the last digits of u once x is near 1.
  let u = 1 - 1 / n;
  const out = [1 / n];
  const limit = rounds ?? MAX_ROUNDS;
  for (let r = 1; r <= limit; r++) {
    if (rounds === undefined && n * u < 0.5) break;
    const stay = stayUninformed(m, n * (1 - u));
    if (rounds === undefined && stay >= 1) break; // loss 1: nothing more can spread
    u *= stay;
    out.push(1 - u);
  }
  return out;
}

/**
 * Rounds until the mean-field expected number of uninformed nodes n·u drops below 1/2;
 * Infinity when it never does (loss = 1) or not within `maxRounds`.
 *
 * @example
 *   meanFieldRounds({ protocol: 'push', nodes: 1000 }); // 17
 */
export function meanFieldRounds(m: SpreadModel, maxRounds = MAX_ROUNDS): number {
  const n = m.nodes;
  let u = 1 - 1 / n;
  for (let r = 0; r <= maxRounds; r++) {
    if (n * u < 0.5) return r;
    const stay = stayUninformed(m, n * (1 - u));
    if (stay >= 1) return Infinity;
    u *= stay;
  }
  return Infinity;
}

/**
 * Expected informed fraction per round of the Markov chain in which, given i informed nodes,
 * each uninformed node is informed independently with probability 1 − stay(i). Unlike the
 * mean-field recurrence it keeps the randomness of the informed count (whose early
 * fluctuations shift each run's curve in time), so its mean curve is what the simulation's
 * mean over many trials should follow. It is exact for pull with fanout 1; for push it
 * neglects the weak negative correlation between the targets of one round. O(rounds · n²):
 * meant for n up to a few thousand.
 */
export function binomialChainSeries(m: SpreadModel, rounds: number): number[] {
  const n = m.nodes;
  let dist = new Float64Array(n + 1);
  dist[1] = 1;
  const out = [1 / n];
  const pmf = new Float64Array(n + 1);
  for (let r = 1; r <= rounds; r++) {
    const next = new Float64Array(n + 1);
    for (let i = 1; i <= n; i++) {
      const w = dist[i];
      if (w < 1e-15) continue;
      binomialPmf(n - i, 1 - stayUninformed(m, i), pmf);
      for (let k = 0; k <= n - i; k++) next[i + k] += w * pmf[k];
    }
    dist = next;
    let mean = 0;
    for (let i = 1; i <= n; i++) mean += i * dist[i];
    out.push(mean / n);
  }
  return out;
}

/** Fills out[0..trials] with the Binomial(trials, q) probabilities, in log space for stability. */
function binomialPmf(trials: number, q: number, out: Float64Array): void {
  out.fill(0, 0, trials + 1);
  if (q <= 0) { out[0] = 1; return; }
  if (q >= 1) { out[trials] = 1; return; }
  const lq = Math.log(q), lnq = Math.log1p(-q);
  // Start at the mode and walk both ways with the ratio pmf(k+1)/pmf(k) = (t−k)/(k+1)·q/(1−q).
  const mode = Math.min(trials, Math.floor((trials + 1) * q));
  const logMode = logChoose(trials, mode) + mode * lq + (trials - mode) * lnq;
  out[mode] = Math.exp(logMode);
  const odds = q / (1 - q);
  for (let k = mode; k < trials && out[k] > 0; k++) out[k + 1] = out[k] * ((trials - k) / (k + 1)) * odds;
  for (let k = mode; k > 0 && out[k] > 0; k--) out[k - 1] = out[k] * (k / (trials - k + 1)) / odds;
}

const logFactorials: number[] = [0];
function logFactorial(k: number): number {
  for (let i = logFactorials.length; i <= k; i++) logFactorials.push(logFactorials[i - 1] + Math.log(i));
  return logFactorials[k];
}
function logChoose(t: number, k: number): number {
  return logFactorial(t) - logFactorial(k) - logFactorial(t - k);
}

export interface LiteratureEstimate {
  rounds: number;
  /** The formula and where it comes from. */
  source: string;
}

/**
 * The literature's asymptotic round count for a rumour on the complete graph without loss:
 *
 * - push, fanout 1: log₂ n + ln n (B. Pittel, "On spreading a rumor", SIAM J. Appl. Math. 47,
 *   1987 — the number of rounds is log₂ n + ln n + O(1) with high probability).
 * - push, fanout f: log_{1+f} n + ln(n)/f (A. Frieze & G. Grimmett, "The shortest-path problem
 *   for graphs with random arc-lengths", Discrete Appl. Math. 10, 1985, and the k-push
 *   analyses that followed: the informed set grows by a factor 1+f per round, then each
 *   remaining node is missed with probability ≈ e^{−f} per round, so the last of ≈ n of them
 *   is reached after ln(n)/f more rounds).
 * - pull, fanout 1: log₂ n + log₂ ln n — a doubling phase, then u' = u² once most nodes are
 *   informed (quadratic shrinking, Demers et al., "Epidemic algorithms for replicated database
 *   maintenance", PODC 1987), which takes log₂ ln n rounds to go from a constant to 1/n.
 *   For fanout f we use the same argument with factor 1+f in both phases:
 *   log_{1+f} n + log_{1+f} ln n (our extension, not a published bound).
 * - push-pull, fanout 1: log₃ n + O(log log n) (R. Karp, C. Schindelhauer, S. Shenker,
 *   B. Vöcking, "Randomized rumor spreading", FOCS 2000). The O(log log n) term is taken as
 *   log₂ ln n: the pull half alone squares the uninformed share each round at the end, as in
 *   pull. For fanout f: log_{1+2f} n + log_{1+f} ln n (our extension: f pushes and f pulls
 *   per node in the growth phase, u' ≤ u^{1+f} at the end).
 *
 * @example
 *   literatureRounds('push', 1000).rounds; // 16.88 (= 9.97 + 6.91)
 */
export function literatureRounds(protocol: TheoryProtocol, nodes: number, fanout = 1): LiteratureEstimate {
  const n = nodes;
  const f = fanout;
  const lnN = Math.log(n);
  const logBase = (b: number, v: number): number => Math.log(v) / Math.log(b);
  switch (protocol) {
    case 'push':
      return f === 1
        ? { rounds: Math.log2(n) + lnN, source: 'log2 n + ln n (Pittel 1987)' }
        : { rounds: logBase(1 + f, n) + lnN / f, source: `log_${1 + f} n + ln(n)/${f} (Frieze & Grimmett 1985; k-push)` };
    case 'pull':
      return f === 1
        ? { rounds: Math.log2(n) + Math.log2(lnN), source: 'log2 n + log2 ln n (doubling, then quadratic shrinking; Demers et al. 1987)' }
        : { rounds: logBase(1 + f, n) + logBase(1 + f, lnN), source: `log_${1 + f} n + log_${1 + f} ln n (pull argument with fanout ${f})` };
    case 'push-pull':
      return f === 1
        ? { rounds: logBase(3, n) + Math.log2(lnN), source: 'log3 n + log2 ln n (Karp, Schindelhauer, Shenker & Vöcking 2000; O(log log n) taken as log2 ln n)' }
        : { rounds: logBase(1 + 2 * f, n) + logBase(1 + f, lnN), source: `log_${1 + 2 * f} n + log_${1 + f} ln n (push-pull argument with fanout ${f})` };
  }
}

/**
 * Primary-backup, exactly (no randomness, no loss, no delay): the primary informs b = `fanout`
 * replicas per round, so after r rounds 1 + b·r of the n nodes hold the update.
 *
 * @example
 *   primaryBackupFraction(1000, 10, 50); // 0.501
 */
export function primaryBackupFraction(nodes: number, fanout: number, round: number): number {
  return Math.min(1, (1 + Math.max(1, fanout) * Math.max(0, round)) / nodes);
}

/** Rounds until every replica is informed: ⌈(n − 1)/b⌉. */
export function primaryBackupRounds(nodes: number, fanout: number): number {
  return Math.ceil((nodes - 1) / Math.max(1, fanout));
}

/**
 * The primary-backup curve from round 0, until every node is informed or `rounds` + 1 values
 * when `rounds` is given (the same shape as meanFieldSeries, so charts draw either).
 */
export function primaryBackupSeries(nodes: number, fanout: number, rounds?: number): number[] {
  const last = rounds ?? primaryBackupRounds(nodes, fanout);
  const out: number[] = [];
  for (let r = 0; r <= last; r++) out.push(primaryBackupFraction(nodes, fanout, r));
  return out;
}
