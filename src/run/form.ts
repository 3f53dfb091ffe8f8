import { DEFAULT_CONFIG } from '../engine/config';
import { MAX_DELAY, PAGE_MAX_NODES, costProblems, delayWindow, pageBudget, runCost, type CostBudget, type CostProblem, type Priced } from '../engine/limits';
import type { DelaySpec, InterestRule, ProtocolName, SimConfig, TopologyName } from '../engine/types';
import { formatNumber, i18next } from '../i18n';

/** The page's own bounds (the engine goes further; the canvas and the messages do not). */
export const PAGE_LIMITS = {
  /** Past DENSITY_THRESHOLD (engine/limits.ts) the graph is drawn as a density view. */
  nodes: { min: 2, max: PAGE_MAX_NODES },
  seed: { min: 0, max: 4_294_967_295 },
  k: { min: 1, max: 100 },
  antiEntropy: { min: 0, max: 10_000 },
  /** Longer delays than this are not worth watching; the engine allows MAX_DELAY. */
  delay: { min: 1, max: Math.min(MAX_DELAY, 100) },
  delayMean: { min: 1, max: 50 },
} as const;

export type DelayKind = DelaySpec['kind'];
/** The delay distributions the form offers (their names: controls:delayKind.<value>). */
export const DELAY_KINDS: readonly DelayKind[] = ['fixed', 'uniform', 'exp'];

/** What the user typed, kept as text so a half-typed number is not fought over. */
export interface FormValues {
  nodes: string;
  fanout: string;
  /** Percent, 0–100. */
  loss: string;
  seed: string;
  degree: string;
  protocol: ProtocolName;
  topology: TopologyName;
  /** Node holding version 1 at round 0, or −1 for none. */
  origin: string;
  interest: InterestRule;
  k: string;
  /** Anti-entropy backup every R rounds (0 = off). */
  antiEntropy: string;
  delayKind: DelayKind;
  delayRounds: string;
  delayMin: string;
  delayMax: string;
  delayMean: string;
  /** Percent per node and round. */
  crashRate: string;
  recoverRate: string;
  recoverEmpty: boolean;
}

/** The protocols the page offers. */
export const PAGE_PROTOCOLS = ['push', 'pull', 'push-pull', 'rumor', 'primary-backup'] as const satisfies readonly ProtocolName[];

export type NumberField =
  | 'nodes' | 'fanout' | 'loss' | 'seed' | 'degree' | 'origin' | 'k' | 'antiEntropy'
  | 'delayRounds' | 'delayMin' | 'delayMax' | 'delayMean' | 'crashRate' | 'recoverRate';

export interface FieldNote {
  text: string;
  /** 'adjusted': clamped or refused; 'info': valid but worth knowing. */
  tone: 'adjusted' | 'info';
}

export interface ResolvedForm {
  config: SimConfig;
  notes: Partial<Record<NumberField, FieldNote>>;
}

export const DEFAULT_FORM: FormValues = {
  nodes: '100',
  fanout: '1',
  loss: '0',
  seed: '1',
  degree: '6',
  protocol: 'push',
  topology: 'random',
  origin: '0',
  interest: DEFAULT_CONFIG.interest,
  k: String(DEFAULT_CONFIG.k),
  antiEntropy: '0',
  delayKind: 'fixed',
  delayRounds: '1',
  delayMin: '1',
  delayMax: '3',
  delayMean: '2',
  crashRate: '0',
  recoverRate: '0',
  recoverEmpty: false,
};

export function usesDegree(topology: TopologyName): boolean {
  return topology === 'ring' || topology === 'random';
}

const pct = (p: number): string => String(Math.round(p * 10000) / 100);

export function formFromConfig(c: SimConfig): FormValues {
  const d = c.delay;
  return {
    nodes: String(c.nodes),
    fanout: String(c.fanout),
    loss: pct(c.loss),
    seed: String(c.seed),
    degree: String(c.degree),
    protocol: c.protocol,
    topology: c.topology,
    origin: String(c.origin),
    interest: c.interest,
    k: String(c.k),
    antiEntropy: String(c.antiEntropy),
    delayKind: d.kind,
    delayRounds: d.kind === 'fixed' ? String(d.rounds) : DEFAULT_FORM.delayRounds,
    delayMin: d.kind === 'uniform' ? String(d.min) : DEFAULT_FORM.delayMin,
    delayMax: d.kind === 'uniform' ? String(d.max) : DEFAULT_FORM.delayMax,
    delayMean: d.kind === 'exp' ? String(d.mean) : DEFAULT_FORM.delayMean,
    crashRate: pct(c.crashRate),
    recoverRate: pct(c.recoverRate),
    recoverEmpty: c.recoverEmpty,
  };
}

const fmt = (n: number): string => formatNumber(n, 20);
const t = i18next.t;

/**
 * Turns the form into a valid configuration, never throwing: a value out of range is clamped,
 * text that is not a number keeps the previous value, and each adjustment gets a note for the
 * field. `previous` supplies the values kept when a field is refused, and the settings the
 * form does not show (the number of keys).
 */
export function resolveForm(form: FormValues, previous: SimConfig): ResolvedForm {
  const notes: ResolvedForm['notes'] = {};

  /** A number typed into `field`, clamped to [min, max]; `whole` rounds it. */
  function read(field: NumberField, label: string, min: number, max: number, fallback: number, opts: { whole?: boolean; maxWhy?: string } = {}): number {
    const { whole = true, maxWhy = '' } = opts;
    const raw = form[field].trim();
    const v = raw === '' ? NaN : Number(raw);
    const keep = Math.min(max, Math.max(min, fallback));
    const kind = whole ? t('controls:notes.wholeNumber') : t('controls:notes.aNumber');
    if (!Number.isFinite(v)) {
      notes[field] = { tone: 'adjusted', text: t('controls:notes.mustBe', { label, kind, min: fmt(min), max: fmt(max), keep: fmt(keep) }) };
      return keep;
    }
    const out = Math.min(max, Math.max(min, whole ? Math.round(v) : v));
    let text: string | null = null;
    if (v > max) text = maxWhy ? t('controls:notes.atMostWhy', { label, max: fmt(max), why: maxWhy, value: fmt(out) }) : t('controls:notes.atMost', { label, max: fmt(max), value: fmt(out) });
    else if (v < min) text = t('controls:notes.atLeast', { label, min: fmt(min), value: fmt(out) });
    else if (out !== v) text = t('controls:notes.isWhole', { label, value: fmt(out) });
    if (text) notes[field] = { tone: 'adjusted', text };
    return out;
  }

  const nodes = read('nodes', t('controls:settings.nodes'), PAGE_LIMITS.nodes.min, PAGE_LIMITS.nodes.max, previous.nodes);
  let fanout = read('fanout', t('controls:settings.fanout'), 1, nodes - 1, previous.fanout, { maxWhy: t('controls:notes.whyFanout') });
  const seed = read('seed', t('controls:settings.seed'), PAGE_LIMITS.seed.min, PAGE_LIMITS.seed.max, previous.seed);
  let degree = usesDegree(form.topology)
    ? read('degree', t('controls:settings.degree'), 1, nodes - 1, previous.degree, { maxWhy: t('controls:notes.whyDegree') })
    : Math.min(Math.max(1, previous.degree), Math.max(1, nodes - 1));
  const origin = read('origin', t('controls:settings.origin'), -1, nodes - 1, previous.origin, { maxWhy: t('controls:notes.whyOrigin') });
  if (origin === -1 && !notes.origin) notes.origin = { tone: 'info', text: t('controls:notes.noOrigin') };
  /** A percentage field as a probability: out of range is clamped, not-a-number keeps the previous value. */
  function percent(field: 'loss' | 'crashRate' | 'recoverRate', label: string, previousP: number): number {
    const raw = form[field].trim();
    let v = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(v)) {
      v = previousP * 100;
      notes[field] = { tone: 'adjusted', text: t('controls:notes.percentNaN', { label, keep: fmt(v) }) };
    } else if (v < 0 || v > 100) {
      v = Math.min(100, Math.max(0, v));
      notes[field] = { tone: 'adjusted', text: t('controls:notes.percentRange', { label, value: fmt(v) }) };
    }
    return v / 100;
  }

  const loss = percent('loss', t('controls:settings.loss'), previous.loss);
  if (loss === 1 && !notes.loss) notes.loss = { tone: 'info', text: t('controls:notes.lossAll') };

  const rumor = form.protocol === 'rumor';
  const k = rumor ? read('k', t('controls:settings.k'), PAGE_LIMITS.k.min, PAGE_LIMITS.k.max, previous.k) : clampInt(form.k, PAGE_LIMITS.k, previous.k);
  // Primary-backup's replicas never exchange with each other: no anti-entropy (the engine refuses it).
  const primaryBackup = form.protocol === 'primary-backup';
  const antiEntropy = primaryBackup ? 0 : read('antiEntropy', t('controls:settings.antiEntropy'), PAGE_LIMITS.antiEntropy.min, PAGE_LIMITS.antiEntropy.max, previous.antiEntropy);
  if (primaryBackup && form.antiEntropy.trim() !== '' && Number(form.antiEntropy) !== 0) {
    notes.antiEntropy = { tone: 'info', text: i18next.t('protocols:primaryBackup.noAntiEntropy') };
  }
  let delay = resolveDelay(form, previous.delay, read, notes);
  // What the run would cost, priced as links, files and the remembered run are (page-fit):
  // past the page's budget the setting is capped, and its note names the limit.
  // A second pass: a delay capped to 1 round may still leave nodes × fanout over the budget.
  for (let pass = 0; pass < 2; pass++) {
    const asked = { nodes, topology: form.topology, degree, fanout, delay, protocol: form.protocol };
    const budget = pageBudget(nodes);
    for (const problem of costProblems(asked, budget)) {
      const text = costText(problem, asked, budget);
      if (problem.field === 'degree') {
        degree = problem.max;
        notes.degree = { tone: 'adjusted', text };
      } else if (problem.field === 'fanout') {
        fanout = problem.max;
        notes.fanout = { tone: 'adjusted', text };
      } else {
        delay = capDelay(delay, problem, notes, text);
      }
    }
  }
  const crashRate = percent('crashRate', t('controls:settings.crashRate'), previous.crashRate);
  const recoverRate = percent('recoverRate', t('controls:settings.recoverRate'), previous.recoverRate);
  if (crashRate > 0 && recoverRate === 0 && !notes.recoverRate) {
    notes.recoverRate = { tone: 'info', text: t('controls:notes.neverBack') };
  }

  return {
    config: {
      ...DEFAULT_CONFIG,
      nodes,
      protocol: form.protocol,
      fanout,
      topology: form.topology,
      degree,
      loss,
      seed,
      keys: previous.keys,
      origin,
      interest: form.interest,
      k,
      antiEntropy,
      delay,
      crashRate,
      recoverRate,
      recoverEmpty: form.recoverEmpty,
    },
    notes,
  };
}

type Read = (field: NumberField, label: string, min: number, max: number, fallback: number, opts?: { whole?: boolean }) => number;

function resolveDelay(form: FormValues, previous: DelaySpec, read: Read, notes: ResolvedForm['notes']): DelaySpec {
  const { min, max } = PAGE_LIMITS.delay;
  switch (form.delayKind) {
    case 'uniform': {
      const a = read('delayMin', t('controls:settings.delayMin'), min, max, previous.kind === 'uniform' ? previous.min : 1);
      let b = read('delayMax', t('controls:settings.delayMax'), min, max, previous.kind === 'uniform' ? previous.max : a);
      if (b < a) {
        notes.delayMax = { tone: 'adjusted', text: t('controls:notes.delayOrder', { min: a }) };
        b = a;
      }
      return { kind: 'uniform', min: a, max: b };
    }
    case 'exp': {
      const mean = read('delayMean', t('controls:settings.delayMean'), PAGE_LIMITS.delayMean.min, PAGE_LIMITS.delayMean.max, previous.kind === 'exp' ? previous.mean : 2, { whole: false });
      return { kind: 'exp', mean };
    }
    default:
      return { kind: 'fixed', rounds: read('delayRounds', t('controls:settings.delayRounds'), min, max, previous.kind === 'fixed' ? previous.rounds : 1) };
  }
}

/**
 * The engine's cost refusal (English, shared with the command line) worded again in the page's
 * language from the same figures: the setting's largest value, the run's size and the page's budget.
 */
function costText(problem: CostProblem, c: Priced, budget: CostBudget): string {
  const cost = runCost(c);
  const base = { max: fmt(problem.max), nodes: fmt(c.nodes) };
  if (problem.field === 'degree') {
    return t('controls:cost.degree', { ...base, topology: t(`controls:topology.${c.topology}`), limit: fmt(budget.edges), cost: fmt(cost.edges) });
  }
  const formula = t(c.protocol === 'primary-backup' ? 'controls:cost.formulaPrimaryBackup' : 'controls:cost.formulaGossip');
  const why = t('controls:cost.messages', { limit: fmt(budget.messages), cost: fmt(cost.messages), formula });
  if (problem.field === 'fanout') {
    const span = delayWindow(c.delay);
    return span > 1 ? t('controls:cost.fanoutDelay', { ...base, span: fmt(span), why }) : t('controls:cost.fanout', { ...base, why });
  }
  return t('controls:cost.delay', { ...base, fanout: fmt(c.fanout), why });
}

/** A delay whose window is at most `problem.max` rounds, with the note on the field that sets it. */
function capDelay(d: DelaySpec, problem: CostProblem, notes: ResolvedForm['notes'], text: string): DelaySpec {
  const max = problem.max;
  if (d.kind === 'fixed') {
    notes.delayRounds = { tone: 'adjusted', text };
    return { kind: 'fixed', rounds: max };
  }
  if (d.kind === 'uniform') {
    notes.delayMax = { tone: 'adjusted', text };
    return { kind: 'uniform', min: Math.min(d.min, max), max };
  }
  notes.delayMean = { tone: 'adjusted', text };
  return { kind: 'exp', mean: max };
}

/** A hidden field (k while the protocol is not rumor): quietly valid, no note. */
function clampInt(text: string, range: { min: number; max: number }, fallback: number): number {
  const v = Number(text.trim());
  const n = text.trim() !== '' && Number.isFinite(v) ? Math.round(v) : fallback;
  return Math.min(range.max, Math.max(range.min, n));
}

export function sameDelay(a: DelaySpec, b: DelaySpec): boolean {
  if (a.kind === 'fixed' && b.kind === 'fixed') return a.rounds === b.rounds;
  if (a.kind === 'uniform' && b.kind === 'uniform') return a.min === b.min && a.max === b.max;
  if (a.kind === 'exp' && b.kind === 'exp') return a.mean === b.mean;
  return false;
}

/** Do two configurations build different runs (loss aside: it changes live)? */
export function needsRebuild(a: SimConfig, b: SimConfig): boolean {
  return a.nodes !== b.nodes || a.protocol !== b.protocol || a.fanout !== b.fanout || a.topology !== b.topology
    || (usesDegree(a.topology) && a.degree !== b.degree) || a.seed !== b.seed || a.keys !== b.keys || a.origin !== b.origin
    || (a.protocol === 'rumor' && (a.interest !== b.interest || a.k !== b.k))
    || a.antiEntropy !== b.antiEntropy || !sameDelay(a.delay, b.delay)
    || a.crashRate !== b.crashRate || a.recoverRate !== b.recoverRate || (a.recoverEmpty !== b.recoverEmpty && a.recoverRate > 0);
}

/** One-line digests of the collapsible sections, shown while they are closed. */
export function describeRumor(c: SimConfig): string {
  const ae = c.antiEntropy > 0 ? t('controls:digest.antiEntropyEvery', { rounds: c.antiEntropy }) : t('controls:digest.noAntiEntropy');
  return c.protocol === 'rumor' ? t('controls:digest.rumor', { interest: t(`controls:interest.${c.interest}`), k: c.k, antiEntropy: ae }) : ae;
}

export function describeDelay(d: DelaySpec): string {
  if (d.kind === 'fixed') return d.rounds === 1 ? t('controls:digest.noDelay') : t('controls:digest.delayFixed', { rounds: d.rounds });
  if (d.kind === 'uniform') return t('controls:digest.delayUniform', { min: d.min, max: d.max });
  return t('controls:digest.delayExp', { mean: d.mean });
}

export function describeChurn(c: SimConfig): string {
  if (c.crashRate === 0 && c.recoverRate === 0) return t('controls:digest.off');
  return t(c.recoverEmpty ? 'controls:digest.churnEmpty' : 'controls:digest.churn', { crash: pct(c.crashRate), recover: pct(c.recoverRate) });
}
