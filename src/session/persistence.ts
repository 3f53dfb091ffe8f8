import { decodeRunLink, encodeRunLinkChecked, type DecodedRunLink, type RunLink } from '../share/run-link';
import { PAGE_DEFAULT_CONFIG } from '../run/page-fit';

/** The part of `localStorage` used here, so tests hand in a Map-backed stand-in. */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** Namespaced and versioned: another app on the same origin, or a later format, never collides. */
export const RUN_KEY = 'gossip-lab:last-run:v1';
export const REMEMBER_KEY = 'gossip-lab:remember-run:v1';
/** Where a remembered run this page cannot read is moved, so it is kept (a newer page may read it) but not retried on every load. */
export const SET_ASIDE_KEY = 'gossip-lab:unreadable-run:v1';

/** `localStorage`, or null where the browser refuses it (private mode, storage disabled). */
export function browserStorage(): StorageLike | null {
  try {
    const s = globalThis.localStorage;
    if (!s) return null;
    s.getItem(REMEMBER_KEY);
    return s;
  } catch {
    return null;
  }
}

/**
 * The last run, kept across reloads: its configuration, actions and shown round, stored in the
 * share-link encoding (compact, and decoded with the same checks as a link, so an edited or
 * stale entry can't break the page). Every access is guarded: a full quota or a browser in
 * private mode means nothing is remembered, never an error.
 */
export class RunMemory {
  constructor(private readonly storage: StorageLike | null) {}

  /** Whether to remember the run (on unless the user turned it off). */
  get remember(): boolean {
    return this.read(REMEMBER_KEY) !== 'off';
  }

  setRemember(on: boolean): void {
    this.write(REMEMBER_KEY, on ? 'on' : 'off');
    if (!on) this.clear();
  }

  /**
   * Saves the run when remembering is on; false when it could not be stored (quota), or when it
   * is past what a link holds — the page would refuse it on the next load, so the last run that
   * fitted stays.
   */
  save(run: RunLink): boolean {
    if (!this.remember) return false;
    const link = encodeRunLinkChecked(run);
    return link.ok && this.write(RUN_KEY, link.hash);
  }

  /** The saved run, or null when there is none, remembering is off, or the entry is unreadable. */
  load(): DecodedRunLink | null {
    const run = this.loadAsIs();
    return run && run.problems.length === 0 ? run : null;
  }

  /** The saved entry decoded with its problems (for a notice), or null when there is none or remembering is off. */
  loadAsIs(): DecodedRunLink | null {
    if (!this.remember) return null;
    const text = this.read(RUN_KEY);
    return text === null ? null : decodeRunLink(text, PAGE_DEFAULT_CONFIG);
  }

  /** Moves the saved entry to SET_ASIDE_KEY (replacing an older one there); false when the storage refused. */
  setAside(): boolean {
    const text = this.read(RUN_KEY);
    if (text === null || !this.write(SET_ASIDE_KEY, text)) return false;
    this.clear();
    return true;
  }

  clear(): void {
    try {
      this.storage?.removeItem(RUN_KEY);
    } catch {
      // Nothing was stored, then.
    }
  }

  private read(key: string): string | null {
    try {
      return this.storage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  }

  private write(key: string, value: string): boolean {
    try {
      if (!this.storage) return false;
      this.storage.setItem(key, value);
      return true;
    } catch {
      return false;
    }
  }
}

/**
 * Saves the run a moment after it changes rather than on every round (a played run changes
 * many times a second), and at once on `flush` (the page being hidden or closed).
 */
export class RunSaver {
  private timer: unknown = null;

  constructor(
    private readonly memory: RunMemory,
    private readonly current: () => RunLink | null,
    private readonly setTimer: (fn: () => void, ms: number) => unknown,
    private readonly clearTimer: (id: unknown) => void,
    private readonly delayMs = 1000,
  ) {}

  changed(): void {
    if (this.timer !== null) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.save();
    }, this.delayMs);
  }

  flush(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.save();
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private save(): void {
    const run = this.current();
    if (run) this.memory.save(run);
  }
}

/** The page's one memory (the browser's localStorage, when it allows it). */
export const runMemory = new RunMemory(browserStorage());
