import { DEFAULT_CONFIG } from '../engine/config';
import { MAX_DELAY, PAGE_BUDGET, costProblems, type CostProblem } from '../engine/limits';
import type { DelaySpec, InterestRule, ProtocolName, SimConfig, TopologyName } from '../engine/types';
import { i18next } from '../i18n';

/** The page's own bounds (the engine goes further; the canvas and the messages do not). */
export const PAGE_LIMITS = {
  nodes: { min: 2, max: 10_000 },
  seed: { min: 0, max: 4_294_967_295 },
  k: { min: 1, max: 100 },
  antiEntropy: { min: 0, max: 10_000 },
  /** Longer delays than this are not worth watching; the engine allows MAX_DELAY. */
  delay: { min: 1, max: Math.min(MAX_DELAY, 100) },
  delayMean: { min: 1, max: 50 },
} as const;

export type DelayKind = DelaySpec['kind'];
export const DELAY_KINDS: readonly { value: DelayKind; label: string }[] = [
  { value: 'fixed', label: 'fixed' },
  { value: 'uniform', label: 'uniform' },
  { value: 'exp', label: 'exponential' },
];

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

const fmt = (n: number): string => n.toLocaleString('en-US');

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
    const kind = whole ? 'a whole number' : 'a number';
    if (!Number.isFinite(v)) {
      notes[field] = { tone: 'adjusted', text: `${label} must be ${kind} from ${fmt(min)} to ${fmt(max)}; keeping ${fmt(keep)}.` };
      return keep;
    }
    const out = Math.min(max, Math.max(min, whole ? Math.round(v) : v));
    let text: string | null = null;
    if (v > max) text = `${label} can be at most ${fmt(max)}${maxWhy ? ` (${maxWhy})` : ''}: using ${fmt(out)}.`;
    else if (v < min) text = `${label} is at least ${fmt(min)}: using ${fmt(out)}.`;
    else if (out !== v) text = `${label} is a whole number: using ${fmt(out)}.`;
    if (text) notes[field] = { tone: 'adjusted', text };
    return out;
  }

  const nodes = read('nodes', 'Nodes', PAGE_LIMITS.nodes.min, PAGE_LIMITS.nodes.max, previous.nodes);
  let fanout = read('fanout', 'Fanout', 1, nodes - 1, previous.fanout, { maxWhy: 'nodes − 1: a node has no more peers to contact' });
  const seed = read('seed', 'Seed', PAGE_LIMITS.seed.min, PAGE_LIMITS.seed.max, previous.seed);
  let degree = usesDegree(form.topology)
    ? read('degree', 'Degree', 1, nodes - 1, previous.degree, { maxWhy: 'nodes − 1: a node has no more peers to link to' })
    : Math.min(Math.max(1, previous.degree), Math.max(1, nodes - 1));
  const origin = read('origin', 'Origin', -1, nodes - 1, previous.origin, { maxWhy: 'the last node id' });
  if (origin === -1 && !notes.origin) notes.origin = { tone: 'info', text: 'Nobody knows anything at round 0: write an update to start.' };
  /** A percentage field as a probability: out of range is clamped, not-a-number keeps the previous value. */
  function percent(field: 'loss' | 'crashRate' | 'recoverRate', label: string, previousP: number): number {
    const raw = form[field].trim();
    let v = raw === '' ? NaN : Number(raw);
    if (!Number.isFinite(v)) {
      v = previousP * 100;
      notes[field] = { tone: 'adjusted', text: `${label} must be a number from 0 to 100 %; keeping ${fmt(v)} %.` };
    } else if (v < 0 || v > 100) {
      v = Math.min(100, Math.max(0, v));
      notes[field] = { tone: 'adjusted', text: `${label} goes from 0 to 100 %: using ${v} %.` };
    }
    return v / 100;
  }

  const loss = percent('loss', 'Packet loss', previous.loss);
  if (loss === 1 && !notes.loss) notes.loss = { tone: 'info', text: 'At 100 % loss no message arrives, so nothing can spread.' };

  const rumor = form.protocol === 'rumor';
  const k = rumor ? read('k', 'k', PAGE_LIMITS.k.min, PAGE_LIMITS.k.max, previous.k) : clampInt(form.k, PAGE_LIMITS.k, previous.k);
  // Primary-backup's replicas never exchange with each other: no anti-entropy (the engine refuses it).
  const primaryBackup = form.protocol === 'primary-backup';
  const antiEntropy = primaryBackup ? 0 : read('antiEntropy', 'Anti-entropy every', PAGE_LIMITS.antiEntropy.min, PAGE_LIMITS.antiEntropy.max, previous.antiEntropy);
  if (primaryBackup && form.antiEntropy.trim() !== '' && Number(form.antiEntropy) !== 0) {
    notes.antiEntropy = { tone: 'info', text: i18next.t('protocols:primaryBackup.noAntiEntropy') };
  }
  let delay = resolveDelay(form, previous.delay, read, notes);
  // What the run would cost, priced as links, files and the remembered run are (page-fit):
  // past the page's budget the setting is capped, and its note names the limit.
  for (const problem of costProblems({ nodes, topology: form.topology, degree, fanout, delay, protocol: form.protocol }, PAGE_BUDGET)) {
    const text = `${problem.message}: using ${fmt(problem.max)}.`;
    if (problem.field === 'degree') {
      degree = problem.max;
      notes.degree = { tone: 'adjusted', text };
    } else if (problem.field === 'fanout') {
      fanout = problem.max;
      notes.fanout = { tone: 'adjusted', text };
    } else {
      delay = capDelay(delay, problem, notes);
    }
  }
  const crashRate = percent('crashRate', 'Crash rate', previous.crashRate);
  const recoverRate = percent('recoverRate', 'Recover rate', previous.recoverRate);
  if (crashRate > 0 && recoverRate === 0 && !notes.recoverRate) {
    notes.recoverRate = { tone: 'info', text: 'Crashed nodes never come back: the cluster dies out over time.' };
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
      const a = read('delayMin', 'Delay min', min, max, previous.kind === 'uniform' ? previous.min : 1);
      let b = read('delayMax', 'Delay max', min, max, previous.kind === 'uniform' ? previous.max : a);
      if (b < a) {
        notes.delayMax = { tone: 'adjusted', text: `Delay max must be at least Delay min (${a}): using ${a}.` };
        b = a;
      }
      return { kind: 'uniform', min: a, max: b };
    }
    case 'exp': {
      const mean = read('delayMean', 'Delay mean', PAGE_LIMITS.delayMean.min, PAGE_LIMITS.delayMean.max, previous.kind === 'exp' ? previous.mean : 2, { whole: false });
      return { kind: 'exp', mean };
    }
    default:
      return { kind: 'fixed', rounds: read('delayRounds', 'Delay rounds', min, max, previous.kind === 'fixed' ? previous.rounds : 1) };
  }
}

/** A delay whose window is at most `problem.max` rounds, with the note on the field that sets it. */
function capDelay(d: DelaySpec, problem: CostProblem, notes: ResolvedForm['notes']): DelaySpec {
  const max = problem.max;
  const text = `${problem.message}: using ${fmt(max)}.`;
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
  const ae = c.antiEntropy > 0 ? `anti-entropy every ${c.antiEntropy}` : 'no anti-entropy';
  return c.protocol === 'rumor' ? `${c.interest}, k = ${c.k}, ${ae}` : ae;
}

export function describeDelay(d: DelaySpec): string {
  if (d.kind === 'fixed') return d.rounds === 1 ? 'no delay (1 round)' : `delay ${d.rounds} rounds`;
  if (d.kind === 'uniform') return `delay ${d.min}–${d.max} rounds`;
  return `delay ~exp, mean ${d.mean}`;
}

export function describeChurn(c: SimConfig): string {
  if (c.crashRate === 0 && c.recoverRate === 0) return 'off';
  return `crash ${pct(c.crashRate)} %, recover ${pct(c.recoverRate)} %${c.recoverEmpty ? ', empty' : ''}`;
}
