/**
 * What the SWIM paper's analysis predicts for the time from a crash to its first detection
 * (Das, Gupta, Motivala 2002, §3.1 and §4.3), in protocol periods, with no message loss. The
 * first suspicion is raised in the period the failed member is first pinged, so these are also
 * the expected rounds to the first suspicion; the first death follows a suspicion timeout later.
 */

/**
 * Uniformly random ping targets (the paper's basic protocol): each of `live` members pings
 * one of its n − 1 peers per period, so the failed member escapes a period with probability
 * (1 − 1/(n − 1))^live, and E[T] = 1 / (1 − (1 − 1/(n − 1))^live) → e / (e − 1) ≈ 1.582.
 *
 * @example
 *   swimFirstProbeRandom(100); // 1.5774
 */
export function swimFirstProbeRandom(n: number, live = n - 1): number {
  return 1 / (1 - (1 - 1 / (n - 1)) ** live);
}

/**
 * Round-robin targets over a random permutation per cycle (the paper's §4.3 refinement, and
 * memberlist): each prober visits its L = n − 1 peers once per cycle, from a uniformly random
 * point of its cycle, the failed member at a uniformly random place. A prober that has done k
 * probes of the current cycle reaches it within t periods with probability
 *   F(t | k) = min(t, L − k)/L + (k/L) · clamp(t − (L − k), 0, L)/L
 * (it is still ahead with probability (L − k)/L, else it is somewhere in the next cycle);
 * probers are independent, so P(T > t) = (1 − F̄(t))^live with F̄ the average over k, and
 * E[T] = Σ_t P(T > t). For large n this is also ≈ e / (e − 1); the worst case is bounded
 * (2L − 1 periods) where random targets have none.
 */
export function swimFirstProbeRoundRobin(n: number, live = n - 1): number {
  const L = n - 1;
  let expectation = 0;
  for (let t = 0; t < 2 * L; t++) {
    let f = 0;
    for (let k = 0; k < L; k++) {
      const ahead = Math.min(t, L - k) / L;
      const behind = (k / L) * (Math.min(Math.max(t - (L - k), 0), L) / L);
      f += ahead + behind;
    }
    expectation += (1 - f / L) ** live;
  }
  return expectation;
}

/**
 * Probability that one probe of a live member ends in a suspicion when every message is lost
 * independently with probability p: the ping or its ack is lost, and each of the k indirect
 * paths (ping-req, ping, ack, relayed ack: four messages) loses at least one message:
 *   (1 − (1 − p)²) · (1 − (1 − p)⁴)^k.
 *
 * @example
 *   swimSuspicionProbability(0.2, 3); // 0.0741
 */
export function swimSuspicionProbability(loss: number, indirectChecks: number): number {
  const ok = 1 - loss;
  return (1 - ok ** 2) * (1 - ok ** 4) ** indirectChecks;
}

/** Mean, sample standard deviation and the half-width of a normal 95 % confidence interval. */
export function meanAndCi(xs: readonly number[]): { mean: number; sd: number; ci95: number } {
  const k = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / Math.max(1, k);
  const sd = k > 1 ? Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1)) : 0;
  return { mean, sd, ci95: (1.96 * sd) / Math.sqrt(Math.max(1, k)) };
}
