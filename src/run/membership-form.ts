import {
  DEFAULT_HEARTBEAT, DEFAULT_MEMBERSHIP_CONFIG, DEFAULT_SWIM, MAX_TIMER_ROUNDS, MEMBERSHIP_MAX_NODES,
  membershipConfigProblems, membershipStateBytes, resolveMembershipConfig,
  type MembershipConfig, type MembershipProtocol,
} from '../engine/membership';
import { formatNumber, i18next } from '../i18n';

/**
 * The membership settings form: what the user typed (strings, so a half-typed number is not
 * lost), turned into a MembershipConfig or into one message per field. A bad field never
 * reaches the engine: the run keeps going with the last good settings.
 */

/**
 * The page runs at most this many nodes. Every node keeps a view of every other, n² entries:
 * 2000 nodes hold 24–52 MB in the worker (and a heartbeat round compares n digests per
 * exchange, ~0.3 s per round at 2000); the engine itself takes up to MEMBERSHIP_MAX_NODES.
 */
export const PAGE_MAX_NODES = 2000;
/** Why the page refuses a larger membership run (a link's, a file's, a remembered one). */
export const PAGE_NODES_PROBLEM = `the page runs membership clusters of at most ${PAGE_MAX_NODES.toLocaleString('en-US')} nodes`;

/** Serf's default ReconnectInterval (30 s), in rounds of one ProbeInterval. */
export const RECONNECT_ROUNDS = 30;

export interface MembershipForm {
  protocol: MembershipProtocol;
  nodes: string;
  /** Percent. */
  loss: string;
  seed: string;
  indirectChecks: string;
  suspicionMult: string;
  retransmitMult: string;
  gossipNodes: string;
  pushPullInterval: string;
  reconnect: boolean;
  tFail: string;
  tCleanup: string;
  phi: boolean;
  phiThreshold: string;
}

export type NumericField = Exclude<keyof MembershipForm, 'protocol' | 'reconnect' | 'phi'>;

interface FieldRule {
  /** The field's name in the page's language (a getter: read it on render). */
  readonly label: string;
  min: number;
  max: number;
  integer: boolean;
  /** What the number means, shown when it is refused. */
  readonly hint?: string;
}

/** A field's rule with its name and hint from the membership namespace. */
function rule(field: NumericField, r: { min: number; max: number; integer: boolean; hint?: boolean }): FieldRule {
  return {
    min: r.min, max: r.max, integer: r.integer,
    get label() { return i18next.t(`membership:fields.${field}`); },
    get hint() { return r.hint ? i18next.t(`membership:hints.${field as 'loss' | 'pushPullInterval' | 'tFail' | 'tCleanup'}`) : undefined; },
  };
}

export const FIELD_RULES: Record<NumericField, FieldRule> = {
  nodes: rule('nodes', { min: 2, max: PAGE_MAX_NODES, integer: true }),
  loss: rule('loss', { min: 0, max: 100, integer: false, hint: true }),
  seed: rule('seed', { min: 0, max: 4294967295, integer: true }),
  indirectChecks: rule('indirectChecks', { min: 0, max: 64, integer: true }),
  suspicionMult: rule('suspicionMult', { min: 1, max: 100, integer: true }),
  retransmitMult: rule('retransmitMult', { min: 1, max: 50, integer: true }),
  gossipNodes: rule('gossipNodes', { min: 0, max: 64, integer: true }),
  pushPullInterval: rule('pushPullInterval', { min: 0, max: MAX_TIMER_ROUNDS, integer: true, hint: true }),
  tFail: rule('tFail', { min: 1, max: MAX_TIMER_ROUNDS, integer: true, hint: true }),
  tCleanup: rule('tCleanup', { min: 0, max: MAX_TIMER_ROUNDS, integer: true, hint: true }),
  phiThreshold: rule('phiThreshold', { min: 0.1, max: 1000, integer: false }),
};

export function formFromConfig(c: MembershipConfig): MembershipForm {
  const s = { ...DEFAULT_SWIM, ...c.swim };
  const h = { ...DEFAULT_HEARTBEAT, ...c.heartbeat };
  return {
    protocol: c.protocol,
    nodes: String(c.nodes),
    loss: String(Math.round(c.loss * 10000) / 100),
    seed: String(c.seed),
    indirectChecks: String(s.indirectChecks),
    suspicionMult: String(s.suspicionMult),
    retransmitMult: String(s.retransmitMult),
    gossipNodes: String(s.gossipNodes),
    pushPullInterval: String(s.pushPullInterval),
    reconnect: s.reconnectInterval > 0,
    tFail: String(h.tFail),
    tCleanup: String(h.tCleanup),
    phi: h.phi,
    phiThreshold: String(h.phiConvictThreshold),
  };
}

export const DEFAULT_MEMBERSHIP_FORM: MembershipForm = formFromConfig(DEFAULT_MEMBERSHIP_CONFIG);

const MB = (bytes: number): string => i18next.t('membership:problems.mb', { value: formatNumber(bytes / 1e6, bytes < 1e7 ? 1 : 0) });

/** Why the page stops at PAGE_MAX_NODES, for a request of `nodes`. */
export function nodeLimitMessage(nodes: number, protocol: MembershipProtocol, phi: boolean): string {
  const want = membershipStateBytes({ protocol, nodes, seed: 0, loss: 0, heartbeat: { phi } });
  const cap = membershipStateBytes({ protocol, nodes: PAGE_MAX_NODES, seed: 0, loss: 0, heartbeat: { phi } });
  return i18next.t('membership:problems.nodeLimit', { max: formatNumber(PAGE_MAX_NODES), nodes: formatNumber(nodes), want: MB(want), cap: MB(cap), engineMax: formatNumber(MEMBERSHIP_MAX_NODES) });
}

/** The node limit and the memory it costs, for the hint under the Nodes field. */
export function nodeLimitHint(protocol: MembershipProtocol, phi: boolean): string {
  const cap = membershipStateBytes({ protocol, nodes: PAGE_MAX_NODES, seed: 0, loss: 0, heartbeat: { phi } });
  return i18next.t('membership:problems.nodeHint', { max: formatNumber(PAGE_MAX_NODES), cap: MB(cap) });
}

function parseField(field: NumericField, text: string): number | string {
  const r = FIELD_RULES[field];
  const t = text.trim();
  const v = Number(t);
  const kind = i18next.t(r.integer ? 'membership:problems.wholeNumber' : 'membership:problems.aNumber');
  const bounds = { kind, min: formatNumber(r.min, 20), max: formatNumber(r.max, 20) };
  const hint = r.hint;
  const range = hint ? i18next.t('membership:problems.rangeHint', { ...bounds, hint }) : i18next.t('membership:problems.range', bounds);
  if (t === '' || !Number.isFinite(v)) return i18next.t('membership:problems.enter', { label: r.label, range });
  if ((r.integer && !Number.isInteger(v)) || v < r.min || v > r.max) return i18next.t('membership:problems.outOf', { label: r.label, range });
  return v;
}

export interface ResolvedForm {
  /** The configuration, or null while any field is refused. */
  config: MembershipConfig | null;
  /** One message per refused field. */
  problems: Partial<Record<NumericField, string>>;
}

/** Fields the protocol uses (the others are neither shown nor checked). */
export function fieldsOf(protocol: MembershipProtocol): NumericField[] {
  const common: NumericField[] = ['nodes', 'loss', 'seed'];
  return protocol === 'swim'
    ? [...common, 'indirectChecks', 'suspicionMult', 'retransmitMult', 'gossipNodes', 'pushPullInterval']
    : [...common, 'tFail', 'tCleanup', 'phiThreshold'];
}

export function resolveMembershipForm(form: MembershipForm): ResolvedForm {
  const problems: ResolvedForm['problems'] = {};
  const v = {} as Record<NumericField, number>;
  for (const f of fieldsOf(form.protocol)) {
    const r = parseField(f, form[f]);
    if (typeof r === 'string') problems[f] = r;
    else v[f] = r;
  }
  const raw = Number(form.nodes.trim());
  if (problems.nodes && Number.isInteger(raw) && raw > PAGE_MAX_NODES) problems.nodes = nodeLimitMessage(raw, form.protocol, form.phi);
  if (form.protocol === 'heartbeat' && v.tCleanup !== undefined && v.tFail !== undefined && v.tCleanup !== 0 && v.tCleanup < v.tFail) {
    problems.tCleanup = i18next.t('membership:problems.cleanup');
  }
  if (Object.keys(problems).length > 0) return { config: null, problems };
  const config: MembershipConfig = {
    protocol: form.protocol,
    nodes: v.nodes,
    seed: v.seed,
    loss: v.loss / 100,
    ...(form.protocol === 'swim'
      ? {
          swim: {
            indirectChecks: v.indirectChecks,
            suspicionMult: v.suspicionMult,
            retransmitMult: v.retransmitMult,
            gossipNodes: v.gossipNodes,
            pushPullInterval: v.pushPullInterval,
            reconnectInterval: form.reconnect ? RECONNECT_ROUNDS : 0,
          },
        }
      : { heartbeat: { tFail: v.tFail, tCleanup: v.tCleanup, phi: form.phi, phiConvictThreshold: v.phiThreshold } }),
  };
  // The engine's own check catches whatever the field rules do not.
  const left = membershipConfigProblems(config);
  return left.length > 0 ? { config: null, problems: { nodes: left.join('; ') } } : { config, problems };
}

/** What fixes a run apart from the loss (which applies live), with defaults filled in. */
function canonical(c: MembershipConfig): string {
  const r = resolveMembershipConfig(c);
  return JSON.stringify([r.protocol, r.nodes, r.seed, r.protocol === 'swim' ? r.swim : r.heartbeat]);
}

/** Would this configuration build a different run than `applied` (loss aside: it applies live)? */
export function needsRebuild(config: MembershipConfig | null, applied: MembershipConfig | null): boolean {
  if (!config || !applied) return config !== null;
  return canonical(config) !== canonical(applied);
}
