import { MAX_ROUND } from '../engine/limits';
import {
  decodeAnyRunLink, decodeRunLink, encodeRunLinkChecked,
  type AnyRunLink, type DecodedAnyRunLink, type DecodedRunLink, type MembershipRunLink, type RunLink,
} from '../share/run-link';
import { SPEED_LIMITS } from '../store/run-core-slice';
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
/** Where an unreadable remembered membership run is moved. */
export const MEMBERSHIP_SET_ASIDE_KEY = 'gossip-lab:unreadable-membership-run:v1';
/** Membership mode's run, in its link encoding. */
export const MEMBERSHIP_RUN_KEY = 'gossip-lab:last-membership-run:v1';
/** Where the user was: the mode shown, both speeds, whether it played, and each run's latest round (`PagePlace`). */
export const PLACE_KEY = 'gossip-lab:place:v1';

/** The keys that make up one tab's remembered page (REMEMBER_KEY is a preference of the browser, not of a tab). */
const PAGE_KEYS = [RUN_KEY, MEMBERSHIP_RUN_KEY, PLACE_KEY] as const;

export type PageMode = 'dissemination' | 'membership';

type Which = 'spread' | 'membership';
/** Each mode's run: where it is kept, and where it goes when this page cannot read it. */
const RUN_KEYS = { spread: RUN_KEY, membership: MEMBERSHIP_RUN_KEY } as const;
const SET_ASIDE_KEYS = { spread: SET_ASIDE_KEY, membership: MEMBERSHIP_SET_ASIDE_KEY } as const;

/** Where the user was, cheap to write every second (a run's whole encoding is written only when it changes). */
export interface PagePlace {
  mode: PageMode;
  /** Whether the shown mode's run was playing (the other mode's run is always paused). */
  playing: boolean;
  speed: number;
  membershipSpeed: number;
  /** Each run's latest round, and which saved run it belongs to (`print` of its stored text). */
  spread: { print: string; round: number } | null;
  membership: { print: string; round: number } | null;
}

/** `localStorage`, or null where the browser refuses it (private mode, storage disabled). */
export function browserStorage(): StorageLike | null {
  return usable(() => globalThis.localStorage);
}

/** This tab's sessionStorage, guarded as `browserStorage` is. */
function tabStorage(): StorageLike | null {
  return usable(() => globalThis.sessionStorage);
}

/** A storage that answers a read, or null (reading the property itself may throw). */
function usable(storage: () => StorageLike | undefined): StorageLike | null {
  try {
    const s = storage();
    s?.getItem(REMEMBER_KEY);
    return s ?? null;
  } catch {
    return null;
  }
}

/**
 * The page kept across reloads: the dissemination run and the membership run (configuration,
 * actions, round, in the share-link encoding: compact, and decoded with the same checks as a
 * link, so an edited or stale entry can't break the page), plus where the user was (`PagePlace`).
 *
 * Two storages: `tab` (sessionStorage: this tab's own, kept across its reloads) and `storage`
 * (localStorage: shared by every tab; the last tab to write wins). Every write goes to both; a
 * load reads this tab's storage when it has a page, else the shared one (a new tab opens the run
 * saved last, then keeps its own). So two tabs never overwrite each other's run on reload.
 * Every access is guarded: a full quota or a browser in private mode means nothing is
 * remembered, never an error.
 */
export class RunMemory {
  /** What this page last stored or loaded for each run, so the place's rounds name it (`print`). */
  private prints: { spread: string | null; membership: string | null } = { spread: null, membership: null };

  constructor(
    private readonly storage: StorageLike | null,
    private readonly tab: StorageLike | null = null,
  ) {}

  /** Whether to remember the run (on unless the user turned it off). */
  get remember(): boolean {
    return read(this.storage, REMEMBER_KEY) !== 'off';
  }

  setRemember(on: boolean): void {
    write(this.storage, REMEMBER_KEY, on ? 'on' : 'off');
    if (!on) this.clear();
  }

  /**
   * Saves a mode's run (under that mode's key) when remembering is on; false when it could not
   * be stored (quota), or when it is past what a link holds — the page would refuse it on the
   * next load, so the last run that fitted stays.
   */
  save(run: AnyRunLink): boolean {
    if (!this.remember) return false;
    const which = run.model === 'membership' ? 'membership' : 'spread';
    const link = encodeRunLinkChecked(run);
    if (!link.ok || !this.writeBoth(RUN_KEYS[which], link.hash)) {
      this.prints[which] = null; // the run stored (if any) is an older one: no round of this run applies to it
      return false;
    }
    this.prints[which] = print(link.hash);
    return true;
  }

  /** Saves where the user is; each run's round counts only for the run stored with it. */
  savePlace(place: Omit<PagePlace, 'spread' | 'membership'> & { spreadRound: number | null; membershipRound: number | null }): boolean {
    if (!this.remember) return false;
    const { spreadRound, membershipRound, ...rest } = place;
    const at = (print: string | null, round: number | null) => (print !== null && round !== null ? { print, round } : null);
    const value: PagePlace = { ...rest, spread: at(this.prints.spread, spreadRound), membership: at(this.prints.membership, membershipRound) };
    // The shared storage holds one tab's page whole: this tab's runs go with its place (copied
    // as stored, not encoded again), so a new tab never opens one tab's run with another's round.
    if (this.tab && this.storage) {
      for (const key of [RUN_KEY, MEMBERSHIP_RUN_KEY]) {
        const mine = read(this.tab, key);
        if (mine !== null && read(this.storage, key) !== mine) write(this.storage, key, mine);
      }
    }
    return this.writeBoth(PLACE_KEY, JSON.stringify(value));
  }

  /** The saved dissemination run, or null when there is none, remembering is off, or the entry is unreadable. */
  load(): DecodedRunLink | null {
    const run = this.loadAsIs();
    return run && run.problems.length === 0 ? run : null;
  }

  /** The saved dissemination run decoded with its problems (for a notice), or null when there is none or remembering is off. */
  loadAsIs(): DecodedRunLink | null {
    const text = this.loadText('spread');
    if (text === null) return null;
    const run = decodeRunLink(text, PAGE_DEFAULT_CONFIG);
    return run.problems.length === 0 ? { ...run, round: this.latestRound('spread', text, run.round) } : run;
  }

  /** The saved membership run decoded with its problems, or null when there is none or remembering is off. */
  loadMembershipAsIs(): DecodedAnyRunLink | null {
    const text = this.loadText('membership');
    if (text === null) return null;
    const run = decodeAnyRunLink(text, PAGE_DEFAULT_CONFIG);
    if (run.model !== 'membership') return { ...run, problems: [...run.problems, 'the remembered membership run is not one'] };
    return run.problems.length === 0 ? { ...run, round: this.latestRound('membership', text, run.round) } : run;
  }

  /** Where the user was, or null when nothing (readable) is stored or remembering is off. */
  loadPlace(): PagePlace | null {
    if (!this.remember) return null;
    return parsePlace(read(this.source(), PLACE_KEY));
  }

  /** Moves a mode's saved run to its set-aside key (replacing an older one there); false when the storage refused. */
  setAside(which: Which): boolean {
    const key = RUN_KEYS[which];
    const text = read(this.source(), key);
    if (text === null || !write(this.storage, SET_ASIDE_KEYS[which], text)) return false;
    remove(this.tab, key);
    remove(this.storage, key);
    this.prints[which] = null;
    return true;
  }

  /** Forgets the page (both runs and the place) in this tab and in the shared storage. */
  clear(): void {
    for (const key of PAGE_KEYS) {
      remove(this.tab, key);
      remove(this.storage, key);
    }
    this.prints = { spread: null, membership: null };
  }

  /** This tab's storage when it holds a page (a reload), else the shared one (a new tab). */
  private source(): StorageLike | null {
    return this.tab && PAGE_KEYS.some((k) => read(this.tab, k) !== null) ? this.tab : this.storage;
  }

  private loadText(which: Which): string | null {
    if (!this.remember) return null;
    const key = RUN_KEYS[which];
    const from = this.source();
    const text = read(from, key);
    if (text === null) return null;
    this.prints[which] = print(text);
    // A new tab adopts what it opened, so its reloads keep it whatever other tabs write later.
    if (from !== this.tab && this.tab) {
      write(this.tab, key, text);
      const place = read(from, PLACE_KEY);
      if (place !== null) write(this.tab, PLACE_KEY, place);
    }
    return text;
  }

  /** The run's latest round: the place's, when the place was written for this very run. */
  private latestRound(which: Which, text: string, round: number): number {
    const at = this.loadPlace()?.[which];
    return at && at.print === print(text) ? at.round : round;
  }

  /** Both storages; true when the shared one (or, without it, this tab's) took it. */
  private writeBoth(key: string, value: string): boolean {
    const inTab = write(this.tab, key, value);
    return this.storage ? write(this.storage, key, value) : inTab;
  }
}

/** A short fingerprint of a stored run: its length and its last characters (the deflated tail differs run to run). */
function print(text: string): string {
  return `${text.length}:${text.slice(-24)}`;
}

function parsePlace(text: string | null): PagePlace | null {
  if (text === null) return null;
  try {
    const p = JSON.parse(text) as Partial<PagePlace>;
    const speed = (v: unknown) => (typeof v === 'number' && v >= SPEED_LIMITS.min && v <= SPEED_LIMITS.max ? v : SPEED_LIMITS.initial);
    const at = (v: unknown) => {
      const o = v as { print?: unknown; round?: unknown } | null;
      return o && typeof o.print === 'string' && Number.isInteger(o.round) && (o.round as number) >= 0 && (o.round as number) <= MAX_ROUND
        ? { print: o.print, round: o.round as number }
        : null;
    };
    return {
      mode: p.mode === 'membership' ? 'membership' : 'dissemination',
      playing: p.playing === true,
      speed: speed(p.speed),
      membershipSpeed: speed(p.membershipSpeed),
      spread: at(p.spread),
      membership: at(p.membership),
    };
  } catch {
    return null;
  }
}

/**
 * A storage's item, or null; a write (false when refused) and a removal. Guarded: a full quota
 * or a browser in private mode is never an error.
 */
export function read(storage: Pick<StorageLike, 'getItem'> | null, key: string): string | null {
  try {
    return storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function write(storage: Pick<StorageLike, 'setItem'> | null, key: string, value: string): boolean {
  try {
    if (!storage) return false;
    storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

export function remove(storage: StorageLike | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing was stored, then.
  }
}

/** What the saver reads of the page: each run whole (costly: only when it changed), and the place (cheap). */
export interface PageToRemember {
  spread(): RunLink | null;
  membership(): MembershipRunLink | null;
  place(): Parameters<RunMemory['savePlace']>[0];
}

/**
 * Saves a moment after a change rather than on every round (a played run changes many times a
 * second), and at once on `flush` (the page being hidden or closed). A run is encoded again only
 * when its settings or timeline changed (encoding 50,000 actions takes ~100 ms); a new round,
 * speed or play state writes only the small place record.
 */
export class RunSaver {
  private timer: unknown = null;
  private dirty = { spread: false, membership: false };

  constructor(
    private readonly memory: RunMemory,
    private readonly page: PageToRemember,
    private readonly setTimer: (fn: () => void, ms: number) => unknown,
    private readonly clearTimer: (id: unknown) => void,
    private readonly delayMs = 1000,
  ) {}

  /** Something changed: a run's settings or timeline (`spread`, `membership`), or only where the user is (`place`). */
  changed(what: 'spread' | 'membership' | 'place'): void {
    if (what !== 'place') this.dirty[what] = true;
    if (this.timer !== null) return;
    this.timer = this.setTimer(() => {
      this.timer = null;
      this.save();
    }, this.delayMs);
  }

  /**
   * Saves now what changed since the last save (the page being hidden or closed). Nothing
   * changed, nothing written: a tab merely hidden does not take the shared storage from the tab
   * that changed its run last.
   */
  flush(): void {
    if (this.timer === null && !this.dirty.spread && !this.dirty.membership) return;
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
    this.save();
  }

  dispose(): void {
    if (this.timer !== null) this.clearTimer(this.timer);
    this.timer = null;
  }

  private save(): void {
    for (const which of ['spread', 'membership'] as const) {
      const run = this.dirty[which] ? this.page[which]() : null;
      // Still building: stays dirty, saved with the next change or flush.
      if (!run) continue;
      this.memory.save(run);
      this.dirty[which] = false;
    }
    this.memory.savePlace(this.page.place());
  }
}

/** The page's one memory (the browser's localStorage and this tab's sessionStorage, when it allows them). */
export const runMemory = new RunMemory(browserStorage(), tabStorage());
