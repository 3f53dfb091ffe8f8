import { PAGE_MAX_NODES } from '../run/membership-form';
import { decodeAnyRunLink, hasRunLink, type MembershipRunLink, type RunLink } from '../share/run-link';
import { fitToPage, PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import { SET_ASIDE_KEY, type RunMemory } from './persistence';
import { i18next } from '../i18n';

/** A run to open the page with, where it came from, and what could not be loaded of it. */
export interface InitialRun {
  run: RunLink;
  source: 'link' | 'saved';
  problems: string[];
  /** A remembered run that could not be read: whether it was moved to SET_ASIDE_KEY. */
  keptAside?: boolean;
}

/** A membership run's link: the page opens in Membership mode with it. */
export interface InitialMembershipRun {
  run: MembershipRunLink;
  source: 'link';
  problems: string[];
}

/**
 * What the page opens with: a share link in the URL wins (it is what the user clicked), then
 * the remembered run, else nothing (the form's defaults). A damaged link still opens — with the
 * page's defaults and whatever settings were valid — and says what was wrong.
 */
export function chooseInitialRun(hash: string, memory: RunMemory): InitialRun | InitialMembershipRun | null {
  if (hasRunLink(hash)) {
    const decoded = decodeAnyRunLink(hash, PAGE_DEFAULT_CONFIG);
    if (decoded.model === 'membership') {
      const { problems, ...run } = decoded;
      if (run.config.nodes <= PAGE_MAX_NODES) return { run, source: 'link', problems };
      return { run: { ...run, config: { ...run.config, nodes: PAGE_MAX_NODES }, actions: [], round: 0 }, source: 'link', problems: [`the page runs membership clusters of at most ${PAGE_MAX_NODES.toLocaleString('en-US')} nodes`] };
    }
    const fitted = fitToPage(decoded.config, decoded.actions);
    const round = fitted.actions.length === decoded.actions.length ? decoded.round : 0;
    return { run: { config: fitted.config, actions: fitted.actions, round }, source: 'link', problems: [...decoded.problems, ...fitted.problems] };
  }
  const saved = memory.loadAsIs();
  if (!saved) return null;
  const fitted = fitToPage(saved.config, saved.actions);
  const problems = [...saved.problems, ...fitted.problems];
  if (problems.length === 0) return { run: { config: saved.config, actions: saved.actions, round: saved.round }, source: 'saved', problems: [] };
  // Not silently lost: kept under another key and named in the notice, and the page opens with
  // its defaults instead of a half-restored run (the next save would overwrite the entry).
  const keptAside = memory.setAside();
  return { run: { config: PAGE_DEFAULT_CONFIG, actions: [], round: 0 }, source: 'saved', problems, keptAside };
}

/** At most this many problems are listed in the notice; the rest are counted. */
const LISTED = 3;

/** The first problems, joined; the rest counted. */
function listOf(problems: readonly string[]): string {
  const listed = problems.slice(0, LISTED).join('; ');
  return problems.length > LISTED ? i18next.t('notices:link.more', { listed, count: problems.length - LISTED }) : listed;
}

/** One notice for a link that did not load whole. */
export function linkNotice(problems: readonly string[]): string {
  return i18next.t('notices:link.partial', { problems: listOf(problems) });
}

/** One notice for a remembered run that could not be restored. */
export function setAsideNotice(problems: readonly string[], keptAside: boolean): string {
  const kept = keptAside ? i18next.t('notices:link.keptAside', { key: SET_ASIDE_KEY }) : i18next.t('notices:link.notKept');
  return i18next.t('notices:link.notRestored', { problems: listOf(problems), kept });
}

/** What the page says when it opens a run: where it came from, or what could not be loaded (sticky). */
export function openingNotice(initial: InitialRun | InitialMembershipRun): { tone: 'info' | 'error'; text: string; sticky?: boolean } {
  const { run, source, problems } = initial;
  if (problems.length > 0 && source === 'saved') return { tone: 'error', text: setAsideNotice(problems, 'keptAside' in initial && initial.keptAside === true), sticky: true };
  if (problems.length > 0) return { tone: 'error', text: linkNotice(problems), sticky: true };
  const at = run.round > 0;
  if (source === 'link') return { tone: 'info', text: at ? i18next.t('notices:link.openedAt', { round: run.round }) : i18next.t('notices:link.opened') };
  return { tone: 'info', text: at ? i18next.t('notices:link.restoredAt', { round: run.round }) : i18next.t('notices:link.restored') };
}

export function isMembershipRun(initial: InitialRun | InitialMembershipRun | null): initial is InitialMembershipRun {
  return initial !== null && 'model' in initial.run && initial.run.model === 'membership';
}
