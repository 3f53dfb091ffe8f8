/**
 * Cassandra's phi-accrual failure detector (FailureDetector.java, after Hayashibara et al.),
 * with time in rounds of one gossip interval:
 * - heartbeat arrivals are assumed exponential, so phi = −log10 P(no arrival for t) = t / (mean · ln 10);
 *   Cassandra convicts when PHI_FACTOR · t / mean > phi_convict_threshold (default 8);
 * - the interval history is seeded with INITIAL_VALUE = 2 gossip intervals on the first
 *   arrival, and intervals longer than MAX_INTERVAL (also 2 intervals) are not recorded, so a
 *   long partition does not teach the detector patience;
 * - the history holds the last 1000 intervals. Storing 1000 samples per (observer, subject)
 *   pair is out of the question at n², so the mean is exact until the history is full and
 *   then an exponential average with the same weight 1/1000.
 *
 * @example
 *   phiValue(3, 1.5); // 0.8686 = 3 / (1.5 · ln 10)
 */
export const PHI_FACTOR = 1 / Math.LN10;
const PHI_INITIAL_INTERVAL = 2;
const PHI_MAX_INTERVAL = 2;
const PHI_WINDOW = 1000;

/** phi after `age` rounds without an arrival, given the mean arrival interval. */
export function phiValue(age: number, mean: number): number {
  if (age <= 0) return 0;
  return mean > 0 ? (PHI_FACTOR * age) / mean : Infinity;
}

/** Per-pair arrival statistics: mean interval (Float32) and sample count (Uint16). */
export class ArrivalStats {
  readonly mean: Float32Array;
  readonly count: Uint16Array;

  constructor(size: number) {
    this.mean = new Float32Array(size).fill(PHI_INITIAL_INTERVAL);
    this.count = new Uint16Array(size).fill(1);
  }

  /** The first arrival from a subject: the history holds only Cassandra's initial value. */
  first(i: number): void {
    this.mean[i] = PHI_INITIAL_INTERVAL;
    this.count[i] = 1;
  }

  /** A later arrival `interval` rounds after the previous one. */
  arrival(i: number, interval: number): void {
    if (interval > PHI_MAX_INTERVAL) return;
    const c = this.count[i] < PHI_WINDOW ? ++this.count[i] : PHI_WINDOW;
    this.mean[i] += (interval - this.mean[i]) / c;
  }
}
