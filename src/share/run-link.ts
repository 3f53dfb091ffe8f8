import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { DEFAULT_CONFIG, configProblems } from '../engine/config';
import { MAX_ACTIONS, MAX_LINK_CHARS, MAX_ROUND } from '../engine/limits';
import type { MembershipConfig } from '../engine/membership';
import { compactActions } from '../engine/node-ranges';
import { MAX_SCENARIO_BYTES, SCENARIO_FORMAT, SCENARIO_VERSION, SCENARIO_VERSION_COMPACT, validateScenario } from '../engine/scenario';
import { validateMembershipRun } from './run-file';
import type { LoggedAction, SimConfig } from '../engine/types';
import { inflateBounded } from './bounded-inflate';
import { i18next } from '../i18n';

/**
 * Share links put a whole run into the URL's fragment — configuration, seed, action log and
 * the round shown — as deflated, base64url-encoded scenario JSON. Runs are deterministic, so
 * the receiver rebuilds exactly the same run. The fragment never reaches a server, so links
 * work on any static host.
 *
 * Versions: a link of version 1 (before membership runs had links) is a spreading run's
 * scenario plus `round`. Version 2 adds `link: 2` and `model` ('spread' or 'membership'); a
 * spreading run's payload is otherwise the same, a membership run's carries its membership
 * configuration. Both decode; a link of a later version says so. A spreading run's link may
 * carry the runs kept for comparison (`kept`, at most MAX_KEPT: their settings, seeds, actions
 * and rounds — never their data, which the page recomputes); links without it open as before.
 *
 * @example
 *   const hash = encodeRunLink({ config, actions, round: 12 });  // "#run=eJx…"
 *   const back = decodeRunLink(hash);                             // { config, actions, round: 12, problems: [] }
 */
export const LINK_PARAM = 'run';

/** The link format this page writes for most runs. */
export const LINK_VERSION = 2;
/**
 * Version 3 is version 2 whose node lists may be written compactly (id ranges, bitmaps:
 * engine/node-ranges.ts): written only for a run that needs it, so other links still open in
 * pages that read version 2; a page before it says the link is from a newer version.
 */
export const LINK_VERSION_COMPACT = 3;

/** A spreading run, as a link holds it. */
export interface RunLink {
  config: SimConfig;
  actions: LoggedAction[];
  round: number;
  /** Runs kept for comparison (Compare), in the order they were kept. */
  kept?: KeptRunLink[];
}

/** A run kept for comparison: what rebuilds it, not its data. */
export type KeptRunLink = Omit<RunLink, 'kept'>;

/** At most this many runs are kept for comparison (and travel in a link). */
export const MAX_KEPT = 6;

/** A membership run, as a link holds it. */
export interface MembershipRunLink {
  model: 'membership';
  config: MembershipConfig;
  actions: LoggedAction[];
  round: number;
}

export type AnyRunLink = (RunLink & { model?: 'spread' }) | MembershipRunLink;

interface Problems {
  /** What was wrong with the link, for a notice; empty when it loaded whole. */
  problems: string[];
}

export type DecodedRunLink = RunLink & Problems;
export type DecodedAnyRunLink = (RunLink & Problems & { model: 'spread' }) | (MembershipRunLink & Problems);

export function encodeRunLink(run: AnyRunLink): string {
  return hashOf(linkJson(run));
}

function linkJson(run: AnyRunLink): string {
  const model = run.model ?? 'spread';
  // Short enough for a QR code the back row can scan: a spreading run's settings that equal the
  // defaults are left out (version 2 reads them back from DEFAULT_CONFIG — a change of the
  // defaults must come with a new link version), and the scenario file's header is implied.
  const config = run.model === 'membership' ? run.config : changedFromDefaults(run.config);
  const { actions, compacted } = compactActions(run.actions);
  const keptRuns = run.model !== 'membership' && run.kept?.length ? run.kept : null;
  const kept = keptRuns ? { kept: keptJson(keptRuns) } : {};
  // A kept run's lists count too: a reader before compact lists could not read them.
  const compact = compacted || (keptRuns?.some((k) => compactActions(k.actions).compacted) ?? false);
  return JSON.stringify({ link: compact ? LINK_VERSION_COMPACT : LINK_VERSION, model, config, actions, round: run.round, ...kept });
}

/** Kept runs as a link (and the browser's memory) holds them: each setting equal to the default left out, node lists compact. */
export function keptJson(kept: readonly KeptRunLink[]): unknown[] {
  return kept.slice(0, MAX_KEPT).map((k) => ({ config: changedFromDefaults(k.config), actions: compactActions(k.actions).actions, round: k.round }));
}

/** Kept runs read back (from a link or the browser's memory); an invalid one is left out and named in `problems`. */
export function decodeKept(raw: unknown): { kept: KeptRunLink[]; problems: string[] } {
  if (raw === undefined) return { kept: [], problems: [] };
  if (!Array.isArray(raw)) return { kept: [], problems: ['the kept runs are not a list: none were kept'] };
  const kept: KeptRunLink[] = [], problems: string[] = [];
  if (raw.length > MAX_KEPT) problems.push(`the link keeps ${raw.length} runs for comparison; the first ${MAX_KEPT} were kept`);
  raw.slice(0, MAX_KEPT).forEach((k: unknown, i) => {
    const { config, actions, round } = (typeof k === 'object' && k !== null ? k : {}) as Record<string, unknown>;
    const checked = validateScenario({ format: SCENARIO_FORMAT, version: SCENARIO_VERSION, config, actions });
    const at = typeof round === 'number' && Number.isInteger(round) && round >= 0 && round <= MAX_ROUND ? round : 0;
    if (checked.ok) kept.push({ config: checked.scenario.config, actions: checked.scenario.actions, round: at });
    else problems.push(`kept run ${i + 1} is not valid (${checked.problems.slice(0, 2).map((p) => `${p.path}: ${p.message}`).join('; ')}): it was left out`);
  });
  return { kept, problems };
}

const hashOf = (json: string): string => `#${LINK_PARAM}=${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;

export type CheckedLink = { ok: true; hash: string } | { ok: false; reason: string };

/**
 * The run's link if a reader (`decodeAnyRunLink`) would open it whole, else why not: a writer
 * never hands out a link that opens a different run (the round at 0, the actions dropped) or
 * none at all.
 */
export function encodeRunLinkChecked(run: AnyRunLink): CheckedLink {
  const n = (x: number) => x.toLocaleString('en-US');
  const refuse = (why: string): CheckedLink => ({ ok: false, reason: i18next.t('notices:link.noLink', { why }) });
  const lastRound = run.actions.reduce((m, a) => Math.max(m, a.round), run.round);
  if (lastRound > MAX_ROUND) return refuse(`it reaches round ${n(lastRound)}, and links hold rounds up to ${n(MAX_ROUND)}`);
  if (run.actions.length > MAX_ACTIONS) return refuse(`its timeline has ${n(run.actions.length)} actions, and links hold at most ${n(MAX_ACTIONS)}`);
  const json = linkJson(run);
  const fewerKept = run.model !== 'membership' && run.kept?.length ? '; or remove some kept runs' : '';
  if (json.length > MAX_SCENARIO_BYTES) {
    return refuse(`it unpacks to ${n(json.length)} bytes, and Gossip Lab opens links of at most ${n(MAX_SCENARIO_BYTES)} (remove some timeline actions: the largest name every node of a partition${fewerKept})`);
  }
  const hash = hashOf(json);
  if (hash.length > MAX_LINK_CHARS) return refuse(`it would be ${n(hash.length)} characters long, and Gossip Lab opens links of at most ${n(MAX_LINK_CHARS)}${fewerKept ? ` (remove some kept runs)` : ''}`);
  return { ok: true, hash };
}

function changedFromDefaults(config: SimConfig): Partial<SimConfig> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) {
    if (JSON.stringify(value) !== JSON.stringify(DEFAULT_CONFIG[key as keyof SimConfig])) out[key] = value;
  }
  return out as Partial<SimConfig>;
}

/** True when the fragment carries a run (so the page should load it rather than its defaults). */
export function hasRunLink(hash: string): boolean {
  return new URLSearchParams(hash.replace(/^#/, '')).has(LINK_PARAM);
}

/**
 * Decodes a spreading run's fragment; never throws. A malformed or tampered link — or one of a
 * membership run — yields `defaults` (the engine's unless given) with the valid parameters
 * kept and every problem listed.
 */
export function decodeRunLink(hash: string, defaults: SimConfig = DEFAULT_CONFIG): DecodedRunLink {
  const decoded = decodeAnyRunLink(hash, defaults);
  if (decoded.model === 'spread') return { config: decoded.config, actions: decoded.actions, round: decoded.round, ...(decoded.kept ? { kept: decoded.kept } : {}), problems: decoded.problems };
  return { config: { ...defaults }, actions: [], round: 0, problems: ['the link is of a membership run, not a spreading one'] };
}

/** Decodes a fragment of either model; never throws (a bad link falls back to a spreading run of `defaults`). */
export function decodeAnyRunLink(hash: string, defaults: SimConfig = DEFAULT_CONFIG): DecodedAnyRunLink {
  const fallback = (problem: string): DecodedAnyRunLink => ({ model: 'spread', config: { ...defaults }, actions: [], round: 0, problems: [problem] });
  const value = new URLSearchParams(hash.replace(/^#/, '')).get(LINK_PARAM);
  if (value === null) return fallback('the link carries no run');
  if (value.length > MAX_LINK_CHARS) return fallback('the link is too long to be a Gossip Lab run');
  const damaged = fallback('the link is damaged (it does not decode): it may have been cut short when copied');
  let data: unknown;
  try {
    const inflated = inflateBounded(fromBase64Url(value), MAX_SCENARIO_BYTES);
    if (!inflated.ok && inflated.reason === 'too-large') {
      return fallback(`the link is too large: its run unpacks to more than ${MAX_SCENARIO_BYTES.toLocaleString('en-US')} bytes, more than Gossip Lab opens`);
    }
    if (!inflated.ok) return damaged;
    data = JSON.parse(strFromU8(inflated.data));
  } catch {
    return damaged;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return fallback('the link does not describe a run');
  const { round, link, model, kept: keptRaw, ...rest } = data as Record<string, unknown>;
  // Version 2 leaves the scenario header out (it is always the same); version 1 carries it.
  const implied = link === LINK_VERSION || link === LINK_VERSION_COMPACT;
  const scenario = implied ? { format: SCENARIO_FORMAT, version: link === LINK_VERSION ? SCENARIO_VERSION : SCENARIO_VERSION_COMPACT, ...rest } : rest;
  const newerRunFormat = scenario.format === SCENARIO_FORMAT && typeof scenario.version === 'number' && scenario.version > SCENARIO_VERSION_COMPACT;
  if ((typeof link === 'number' && link > LINK_VERSION_COMPACT) || newerRunFormat) {
    return fallback('the link was made by a newer version of Gossip Lab: open it with the newer version (reload the page to update it)');
  }
  if (link !== undefined && !implied) return fallback('the link\'s format version is not one this page reads');
  const wantedRound = typeof round === 'number' && Number.isInteger(round) && round >= 0 && round <= MAX_ROUND ? round : 0;
  const roundProblems = typeof round === 'number' && wantedRound === round
    ? []
    : [`the round in the link (${typeof round === 'number' ? round : round === undefined ? 'none' : `a ${typeof round}`}) is not valid: the run opens at round 0, with all its settings and actions`];
  // Version 1 links have no model: they are spreading runs.
  if (model === 'membership') return decodeMembership(scenario, wantedRound, roundProblems, fallback);
  if (model !== undefined && model !== 'spread') return fallback('the link names a kind of run this page does not know');
  const checked = validateScenario(scenario);
  const kept = decodeKept(keptRaw);
  const withKept = kept.kept.length > 0 ? { kept: kept.kept } : {};
  if (checked.ok) return { model: 'spread', config: checked.scenario.config, actions: checked.scenario.actions, round: wantedRound, ...withKept, problems: [...roundProblems, ...kept.problems] };
  // Keep every configuration field that is valid on its own; drop the action log.
  const config = salvageConfig((scenario as { config?: unknown }).config, defaults);
  return {
    model: 'spread',
    config,
    actions: [],
    round: 0,
    ...withKept,
    problems: [...checked.problems.map((p) => `${p.path}: ${p.message}`), 'the run was rebuilt from the valid settings, without its actions', ...kept.problems],
  };
}

function decodeMembership(
  scenario: Record<string, unknown>, round: number, roundProblems: string[], fallback: (problem: string) => DecodedAnyRunLink,
): DecodedAnyRunLink {
  const run = validateMembershipRun(scenario.config, scenario.actions);
  if (run.ok) return { model: 'membership', config: run.config, actions: run.actions, round, problems: roundProblems };
  const listed = run.problems.map((p) => `${p.path}: ${p.message}`);
  if (!run.configOk) return fallback(`the membership run's settings are not valid (${listed.slice(0, 3).join('; ')})`);
  return { model: 'membership', config: scenario.config as MembershipConfig, actions: [], round: 0, problems: [...listed, 'the run was rebuilt from its settings, without its actions'] };
}

function salvageConfig(raw: unknown, defaults: SimConfig): SimConfig {
  const config: SimConfig = { ...defaults };
  if (typeof raw !== 'object' || raw === null) return config;
  for (const key of Object.keys(DEFAULT_CONFIG) as (keyof SimConfig)[]) {
    if (!(key in raw)) continue;
    const candidate = { ...config, [key]: (raw as Record<string, unknown>)[key] } as SimConfig;
    if (configProblems(candidate).length === 0) Object.assign(config, { [key]: candidate[key] });
  }
  return config;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
