import { DEFAULT_CONFIG } from '../engine/config';
import { PAGE_BUDGET } from '../engine/limits';
import { toScenario, validateScenario, type ScenarioProblem } from '../engine/scenario';
import type { LoggedAction, SimConfig } from '../engine/types';
import { DEFAULT_FORM, formFromConfig, resolveForm, type NumberField } from './form';

/** The configuration the page starts with (the default form, resolved). */
export const PAGE_DEFAULT_CONFIG: SimConfig = resolveForm(DEFAULT_FORM, { ...DEFAULT_CONFIG, nodes: 100, topology: 'random', degree: 6 }).config;

/** Where each form field lives in a scenario file. */
const FIELD_PATH: Record<NumberField, string> = {
  nodes: 'nodes', fanout: 'fanout', loss: 'loss', seed: 'seed', degree: 'degree', origin: 'origin', k: 'k',
  antiEntropy: 'antiEntropy', delayRounds: 'delay.rounds', delayMin: 'delay.min', delayMax: 'delay.max',
  delayMean: 'delay.mean', crashRate: 'crashRate', recoverRate: 'recoverRate',
};

/**
 * What a valid configuration asks that the page cannot run (the engine and the command line go
 * further: a million nodes, delays of 1000 rounds). Empty when the page runs it as it is.
 */
export function pageProblems(config: SimConfig): ScenarioProblem[] {
  const { notes } = resolveForm(formFromConfig(config), config);
  const out: ScenarioProblem[] = [];
  for (const [field, note] of Object.entries(notes) as [NumberField, { tone: string; text: string }][]) {
    if (note.tone !== 'adjusted') continue;
    const text = note.text.replace(/:? ?using .*$|; keeping .*$/, '');
    // The cost model's notes already say "the page holds at most …".
    const where = text.includes(PAGE_BUDGET.host) ? '' : ' in the page';
    out.push({ path: `$.config.${FIELD_PATH[field]}`, message: `${text}${where} (the command line runs it: npm run sim -- --scenario FILE)` });
  }
  return out;
}

export interface FittedRun {
  config: SimConfig;
  actions: LoggedAction[];
  problems: string[];
}

/**
 * Fits a run from a link or from storage to the page: a setting the page cannot run falls back
 * to the page's default, and if the actions no longer fit the configuration (node ids beyond
 * the new size) they are dropped — with a line for each change.
 */
export function fitToPage(config: SimConfig, actions: readonly LoggedAction[]): FittedRun {
  const problems = pageProblems(config);
  if (problems.length === 0) return { config, actions: [...actions], problems: [] };
  const fitted: SimConfig = { ...config };
  for (const p of problems) {
    const field = p.path.slice('$.config.'.length).split('.')[0] as keyof SimConfig;
    Object.assign(fitted, { [field]: PAGE_DEFAULT_CONFIG[field] });
  }
  // Fanout and degree are bounded by the node count: keep them valid if nodes fell back.
  if (fitted.fanout > fitted.nodes - 1) fitted.fanout = Math.min(PAGE_DEFAULT_CONFIG.fanout, fitted.nodes - 1);
  if (fitted.degree > fitted.nodes - 1) fitted.degree = Math.min(PAGE_DEFAULT_CONFIG.degree, fitted.nodes - 1);
  if (fitted.origin >= fitted.nodes) fitted.origin = PAGE_DEFAULT_CONFIG.origin;
  const lines = problems.map((p) => `${p.path}: ${p.message}; using the default`);
  const check = validateScenario(toScenario(fitted, actions));
  if (check.ok) return { config: fitted, actions: [...actions], problems: lines };
  return { config: fitted, actions: [], problems: [...lines, 'the actions do not fit the adjusted settings: loaded without them'] };
}
