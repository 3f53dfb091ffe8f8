import { DEFAULT_CONFIG } from '../engine/config';
import type { ProtocolName, SimConfig, TopologyName } from '../engine/types';

/** The page's own bounds (the engine goes further; the canvas and the messages do not). */
export const PAGE_LIMITS = {
  nodes: { min: 2, max: 10_000 },
  seed: { min: 0, max: 4_294_967_295 },
} as const;

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
}

/** The protocols the page offers (the engine knows more, for later issues). */
export const PAGE_PROTOCOLS = ['push', 'pull', 'push-pull'] as const satisfies readonly ProtocolName[];

export type NumberField = 'nodes' | 'fanout' | 'loss' | 'seed' | 'degree';

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
};

export function usesDegree(topology: TopologyName): boolean {
  return topology === 'ring' || topology === 'random';
}

export function formFromConfig(c: SimConfig): FormValues {
  return {
    nodes: String(c.nodes),
    fanout: String(c.fanout),
    loss: String(Math.round(c.loss * 1000) / 10),
    seed: String(c.seed),
    degree: String(c.degree),
    protocol: c.protocol,
    topology: c.topology,
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

/**
 * Turns the form into a valid configuration, never throwing: a value out of range is clamped,
 * text that is not a number keeps the previous value, and each adjustment gets a note for the
 * field. `previous` supplies the values kept when a field is refused.
 */
export function resolveForm(form: FormValues, previous: SimConfig): ResolvedForm {
  const notes: ResolvedForm['notes'] = {};

  function whole(field: NumberField, label: string, min: number, max: number, fallback: number, maxWhy = ''): number {
    const raw = form[field].trim();
    const v = raw === '' ? NaN : Number(raw);
    const keep = Math.min(max, Math.max(min, fallback));
    if (!Number.isFinite(v)) {
      notes[field] = { tone: 'adjusted', text: `${label} must be a whole number from ${fmt(min)} to ${fmt(max)}; keeping ${fmt(keep)}.` };
      return keep;
    }
    const out = Math.min(max, Math.max(min, Math.round(v)));
    let text: string | null = null;
    if (v > max) text = `${label} can be at most ${fmt(max)}${maxWhy ? ` (${maxWhy})` : ''}: using ${fmt(out)}.`;
    else if (v < min) text = `${label} is at least ${fmt(min)}: using ${fmt(out)}.`;
    else if (out !== v) text = `${label} is a whole number: using ${fmt(out)}.`;
    if (text) notes[field] = { tone: 'adjusted', text };
    return out;
  }

  const nodes = whole('nodes', 'Nodes', PAGE_LIMITS.nodes.min, PAGE_LIMITS.nodes.max, previous.nodes);
  const fanout = whole('fanout', 'Fanout', 1, nodes - 1, previous.fanout, 'nodes − 1: a node has no more peers to contact');
  const seed = whole('seed', 'Seed', PAGE_LIMITS.seed.min, PAGE_LIMITS.seed.max, previous.seed);
  const degree = usesDegree(form.topology)
    ? whole('degree', 'Degree', 1, nodes - 1, previous.degree, 'nodes − 1: a node has no more peers to link to')
    : Math.min(Math.max(1, previous.degree), Math.max(1, nodes - 1));

  const rawLoss = form.loss.trim();
  let lossPct = rawLoss === '' ? NaN : Number(rawLoss);
  if (!Number.isFinite(lossPct)) {
    lossPct = previous.loss * 100;
    notes.loss = { tone: 'adjusted', text: `Packet loss must be a number from 0 to 100 %; keeping ${fmt(lossPct)} %.` };
  } else if (lossPct < 0 || lossPct > 100) {
    lossPct = Math.min(100, Math.max(0, lossPct));
    notes.loss = { tone: 'adjusted', text: `Packet loss goes from 0 to 100 %: using ${lossPct} %.` };
  }
  if (lossPct === 100 && !notes.loss) notes.loss = { tone: 'info', text: 'At 100 % loss no message arrives, so nothing can spread.' };

  return {
    config: {
      // Settings the form does not show yet (later issues) keep the engine's defaults.
      ...DEFAULT_CONFIG,
      nodes,
      protocol: form.protocol,
      fanout,
      topology: form.topology,
      degree,
      loss: lossPct / 100,
      seed,
      keys: 1,
      origin: 0,
    },
    notes,
  };
}

/** Do two configurations build different runs (loss aside: it changes live)? */
export function needsRebuild(a: SimConfig, b: SimConfig): boolean {
  return a.nodes !== b.nodes || a.protocol !== b.protocol || a.fanout !== b.fanout || a.topology !== b.topology
    || (usesDegree(a.topology) && a.degree !== b.degree) || a.seed !== b.seed || a.keys !== b.keys || a.origin !== b.origin;
}
