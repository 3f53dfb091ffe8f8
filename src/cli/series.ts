/**
 * Mean informed fraction per round over trials of different lengths, without keeping any
 * trial's curve: rounds a trial did run are summed as they come; a trial that ended after
 * round R counts with its final value in every later round, added at the end through a
 * running sum of the final values bucketed by R.
 */
export class SeriesAccumulator {
  private sums = new Float64Array(64);
  private length = 0;
  /** finals.get(R): sum of the final values of trials that ended after round R. */
  private readonly finals = new Map<number, number>();
  private trials = 0;

  /** Adds a trial's value at `round` (rounds of one trial arrive in order from 0). */
  add(round: number, value: number): void {
    if (round >= this.sums.length) {
      const bigger = new Float64Array(Math.max(round + 1, this.sums.length * 2));
      bigger.set(this.sums);
      this.sums = bigger;
    }
    this.sums[round] += value;
    if (round + 1 > this.length) this.length = round + 1;
  }

  /** Closes a trial whose last round was `lastRound` with value `final`. */
  end(lastRound: number, final: number): void {
    this.finals.set(lastRound, (this.finals.get(lastRound) ?? 0) + final);
    this.trials++;
  }

  /** Mean per round, from round 0 to the longest trial's last round. */
  means(): number[] {
    const out = new Array<number>(this.length);
    let carried = 0; // final values of trials that ended before this round
    for (let r = 0; r < this.length; r++) {
      out[r] = (this.sums[r] + carried) / this.trials;
      carried += this.finals.get(r) ?? 0;
    }
    return out;
  }
}
