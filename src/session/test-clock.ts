/**
 * A hand-driven clock for tests of timer-paced code: timers fire only inside `advance`, in
 * time order, and `afterEach` runs after every timer (e.g. to deliver worker messages).
 */
export class TestClock {
  time = 0;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(private readonly afterEach: () => void = () => {}) {}

  now = (): number => this.time;

  setTimer = (fn: () => void, ms: number): unknown => {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + Math.max(0, ms), fn });
    return id;
  };

  clearTimer = (id: unknown): void => {
    this.timers.delete(id as number);
  };

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let nextId = -1;
      let nextAt = Infinity;
      for (const [id, t] of this.timers) if (t.at <= end && t.at < nextAt) { nextAt = t.at; nextId = id; }
      if (nextId < 0) break;
      const t = this.timers.get(nextId)!;
      this.timers.delete(nextId);
      this.time = Math.max(this.time, t.at);
      t.fn();
      this.afterEach();
    }
    this.time = end;
  }
}
