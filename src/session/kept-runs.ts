import { i18next } from '../i18n';
import type { CompareStore, KeptRun } from '../store/compare-store';
import { decodeKept, decodeAnyRunLink, hasRunLink, keptJson, MAX_KEPT, type KeptRunLink, type RunLink } from '../share/run-link';
import { fitToPage, PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import type { CurveComputer } from '../worker/curve-client';
import { read, remove, write, type StorageLike } from './persistence';

/** Where the kept runs are remembered across reloads (their specs, never their data). */
export const KEPT_KEY = 'gossip-lab:kept-runs:v1';

/**
 * Compare: keeps up to MAX_KEPT runs beside the current one. A kept run is its settings, seed,
 * actions and round; its curve is recomputed in a background worker by running it (the CLI's
 * trial function), so the browser's memory and links hold only what rebuilds it.
 */
export class KeptRuns {
  private nextId = 1;

  constructor(
    private readonly store: CompareStore,
    private readonly compute: CurveComputer,
    private readonly storage: StorageLike | null,
    private readonly say: (tone: 'info' | 'error', text: string) => void,
  ) {}

  /** The kept runs of a link in `hash` when it has some, else those remembered; problems are said. */
  open(hash: string): void {
    const fromLink = hasRunLink(hash) ? decodeAnyRunLink(hash, PAGE_DEFAULT_CONFIG) : null;
    if (fromLink?.model === 'spread' && fromLink.kept?.length) {
      this.replace(fromLink.kept);
      return;
    }
    const text = read(this.storage, KEPT_KEY);
    if (text === null) return;
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      raw = null;
    }
    const { kept, problems } = decodeKept(raw);
    if (problems.length > 0) this.say('error', i18next.t('compare.unreadable', { ns: 'charts', problems: problems.slice(0, 2).join('; ') }));
    this.replace(kept);
  }

  /** The specs as a link carries them. */
  specs(): KeptRunLink[] {
    return this.store.getState().kept.map((k) => k.spec);
  }

  /** Keeps `run` (the current one); refuses a seventh with a message, and changes nothing then. */
  keep(run: RunLink | null): boolean {
    const kept = this.store.getState().kept;
    if (!run) {
      this.say('error', i18next.t('compare.notReady', { ns: 'charts' }));
      return false;
    }
    if (kept.length >= MAX_KEPT) {
      this.say('error', i18next.t('compare.full', { ns: 'charts', max: MAX_KEPT }));
      return false;
    }
    const fitted = fitToPage(run.config, run.actions);
    if (fitted.problems.length > 0) {
      this.say('error', i18next.t('compare.cannotKeep', { ns: 'charts', why: fitted.problems[0] }));
      return false;
    }
    this.add([{ config: run.config, actions: run.actions, round: run.round }]);
    this.save();
    return true;
  }

  remove(id: number): void {
    this.store.setState((s) => ({ kept: s.kept.filter((k) => k.id !== id) }));
    this.save();
  }

  private replace(specs: readonly KeptRunLink[]): void {
    this.store.setState({ kept: [] });
    const fitting = specs.filter((k) => fitToPage(k.config, k.actions).problems.length === 0);
    if (fitting.length < specs.length) this.say('error', i18next.t('compare.tooLarge', { ns: 'charts', count: specs.length - fitting.length }));
    this.add(fitting.slice(0, MAX_KEPT));
    this.save();
  }

  private add(specs: readonly KeptRunLink[]): void {
    const added: KeptRun[] = specs.map((spec) => ({ id: this.nextId++, spec, curve: null, error: null }));
    this.store.setState((s) => ({ kept: [...s.kept, ...added] }));
    for (const k of added) {
      this.compute(k.spec).then(
        (curve) => this.update(k.id, { curve }),
        (e: unknown) => this.update(k.id, { error: e instanceof Error ? e.message : String(e) }),
      );
    }
  }

  private update(id: number, part: Partial<KeptRun>): void {
    this.store.setState((s) => ({ kept: s.kept.map((k) => (k.id === id ? { ...k, ...part } : k)) }));
  }

  /** A full quota or a refusing browser: the kept runs stay in the page, unremembered. */
  private save(): void {
    const kept = this.specs();
    if (kept.length === 0) remove(this.storage, KEPT_KEY);
    else write(this.storage, KEPT_KEY, JSON.stringify(keptJson(kept)));
  }
}
