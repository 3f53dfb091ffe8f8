import { PAGE_MAX_NODES, PAGE_NODES_PROBLEM } from '../run/membership-form';
import { decodeAnyRunLink, hasRunLink, type AnyRunLink, type MembershipRunLink, type RunLink } from '../share/run-link';
import { fitToPage, PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import { DEFAULT_MEMBERSHIP_CONFIG } from '../engine/membership';
import { MEMBERSHIP_SET_ASIDE_KEY, SET_ASIDE_KEY, type PageMode, type RunMemory } from './persistence';
import { i18next } from '../i18n';

/** A run to open a mode with, where it came from, and what could not be loaded of it. */
export interface Opening<L> {
  run: L;
  source: 'link' | 'saved';
  problems: string[];
  /** A remembered run that could not be read: whether it was moved aside (SET_ASIDE_KEY, MEMBERSHIP_SET_ASIDE_KEY). */
  keptAside?: boolean;
  /** A remembered run: the speed it played at, and whether it was playing when the page went. */
  speed?: number;
  wasPlaying?: boolean;
}

export type InitialRun = Opening<RunLink>;
/** A membership run's link: the page opens in Membership mode with it. */
export type InitialMembershipRun = Opening<MembershipRunLink>;

/** What the page says as it opens a run; a sticky one stays until dismissed. */
export interface OpeningNotice {
  tone: 'info' | 'error';
  text: string;
  sticky?: boolean;
}

/** How the page starts: each mode's run (null: its form's defaults) and the mode shown. */
export interface PageStart {
  spread: InitialRun | null;
  membership: InitialMembershipRun | null;
  mode: PageMode;
}

/**
 * The page as the user left it, or as a link says: a link opens its run in its mode (and
 * nothing remembered); else the remembered runs of both modes, the mode that was shown, the
 * speeds, and whether the shown run was playing — restored paused (see `openingNotice`).
 */
export function choosePageStart(hash: string, memory: RunMemory): PageStart {
  const initial = chooseInitialRun(hash, memory);
  if (isMembershipRun(initial)) return { spread: null, membership: initial, mode: 'membership' };
  if (initial?.source === 'link') return { spread: initial, membership: null, mode: 'dissemination' };
  const place = memory.loadPlace();
  const mode = place?.mode ?? 'dissemination';
  const spread = initial && place && initial.problems.length === 0
    ? { ...initial, speed: place.speed, wasPlaying: mode === 'dissemination' && place.playing }
    : initial;
  let membership = chooseRememberedMembershipRun(memory);
  if (membership && place && membership.problems.length === 0) membership = { ...membership, speed: place.membershipSpeed, wasPlaying: mode === 'membership' && place.playing };
  return { spread, membership, mode };
}

/** The remembered membership run; one that cannot be read is moved aside and named, as the dissemination run is. */
function chooseRememberedMembershipRun(memory: RunMemory): InitialMembershipRun | null {
  const saved = memory.loadMembershipAsIs();
  if (!saved) return null;
  if (saved.model === 'membership' && saved.problems.length === 0 && saved.config.nodes <= PAGE_MAX_NODES) {
    const { problems, ...run } = saved;
    return { run, source: 'saved', problems };
  }
  const problems = saved.problems.length > 0 ? saved.problems : [PAGE_NODES_PROBLEM];
  const keptAside = memory.setAside('membership');
  return { run: { model: 'membership', config: DEFAULT_MEMBERSHIP_CONFIG, actions: [], round: 0 }, source: 'saved', problems, keptAside };
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
      return { run: { ...run, config: { ...run.config, nodes: PAGE_MAX_NODES }, actions: [], round: 0 }, source: 'link', problems: [PAGE_NODES_PROBLEM] };
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
  const keptAside = memory.setAside('spread');
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
export function setAsideNotice(problems: readonly string[], keptAside: boolean, key = SET_ASIDE_KEY): string {
  const kept = keptAside ? i18next.t('notices:link.keptAside', { key }) : i18next.t('notices:link.notKept');
  return i18next.t('notices:link.notRestored', { problems: listOf(problems), kept });
}

/** What the page says when it opens a run: where it came from, or what could not be loaded (sticky). */
export function openingNotice(initial: Opening<AnyRunLink>): OpeningNotice {
  const { run, source, problems } = initial;
  if (problems.length > 0 && source === 'saved') {
    const key = 'model' in run && run.model === 'membership' ? MEMBERSHIP_SET_ASIDE_KEY : SET_ASIDE_KEY;
    return { tone: 'error', text: setAsideNotice(problems, initial.keptAside === true, key), sticky: true };
  }
  if (problems.length > 0) return { tone: 'error', text: linkNotice(problems), sticky: true };
  const at = run.round > 0;
  if (source === 'link') return { tone: 'info', text: at ? i18next.t('notices:link.openedAt', { round: run.round }) : i18next.t('notices:link.opened') };
  // A reload resumes paused, never playing: the page may have been reloaded in front of a class,
  // and a run that starts by itself moves on before anyone sees where it was.
  const restored = at ? i18next.t('notices:link.restoredAt', { round: run.round }) : i18next.t('notices:link.restored');
  return { tone: 'info', text: initial.wasPlaying ? `${restored} ${i18next.t('hardening:restore.wasPlaying')}` : restored };
}

export function isMembershipRun(initial: InitialRun | InitialMembershipRun | null): initial is InitialMembershipRun {
  return initial !== null && 'model' in initial.run && initial.run.model === 'membership';
}
