import { decodeRunLink, hasRunLink, type RunLink } from '../share/run-link';
import { fitToPage, PAGE_DEFAULT_CONFIG } from '../run/page-fit';
import type { RunMemory } from './persistence';

/** A run to open the page with, where it came from, and what could not be loaded of it. */
export interface InitialRun {
  run: RunLink;
  source: 'link' | 'saved';
  problems: string[];
}

/**
 * What the page opens with: a share link in the URL wins (it is what the user clicked), then
 * the remembered run, else nothing (the form's defaults). A damaged link still opens — with the
 * page's defaults and whatever settings were valid — and says what was wrong.
 */
export function chooseInitialRun(hash: string, memory: RunMemory): InitialRun | null {
  if (hasRunLink(hash)) {
    const decoded = decodeRunLink(hash, PAGE_DEFAULT_CONFIG);
    const fitted = fitToPage(decoded.config, decoded.actions);
    const round = fitted.actions.length === decoded.actions.length ? decoded.round : 0;
    return { run: { config: fitted.config, actions: fitted.actions, round }, source: 'link', problems: [...decoded.problems, ...fitted.problems] };
  }
  const saved = memory.load();
  if (!saved) return null;
  const fitted = fitToPage(saved.config, saved.actions);
  if (fitted.problems.length > 0) return null;
  return { run: { config: saved.config, actions: saved.actions, round: saved.round }, source: 'saved', problems: [] };
}

/** At most this many problems are listed in the notice; the rest are counted. */
const LISTED = 3;

/** One notice for a link that did not load whole. */
export function linkNotice(problems: readonly string[]): string {
  const listed = problems.slice(0, LISTED).join('; ');
  const more = problems.length > LISTED ? ` (and ${problems.length - LISTED} more)` : '';
  return `This link could not be loaded whole: ${listed}${more}. The page opened with its default settings, keeping the valid ones.`;
}
