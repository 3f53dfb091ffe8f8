import { z } from 'zod';
import { DEFAULT_CONFIG, LIMITS, configProblems } from './config';
import { MAX_ACTIONS, MAX_DELAY, MAX_ROUND, MAX_RUN_BYTES } from './limits';
import { INTEREST_RULES, PROTOCOLS, TOPOLOGIES, type Action, type LoggedAction, type SimConfig } from './types';
import { MAX_GROUPS } from './world';
import { compactActions, expandActions, isBitmap, isRangeToken } from './node-ranges';

// zod compiles object parsers with `new Function` unless told not to, and even its probe for
// eval counts as a violation of the page's Content-Security-Policy (no 'unsafe-eval'). Jitless
// parsing gives the same results; this runs before any schema below is built.
z.config({ jitless: true });

/**
 * Scenario files: a configuration plus actions at rounds — what the page exports and imports
 * and what `npm run sim -- --scenario FILE` runs. Versioned so that old files keep loading.
 *
 * @example
 *   { "format": "gossip-lab-scenario", "version": 1,
 *     "config": { "nodes": 60, "protocol": "push-pull" },
 *     "actions": [ { "round": 0, "action": { "type": "partition", "groups": [[0,1,2]] } },
 *                  { "round": 12, "action": { "type": "heal" } } ] }
 */
export const SCENARIO_FORMAT = 'gossip-lab-scenario';
export const SCENARIO_VERSION = 1;
/**
 * Version 2 is version 1 whose node lists may be written compactly (id ranges, bitmaps:
 * node-ranges.ts). Writers write it only for a file that needs it, so plain files still open
 * in readers of version 1; readers take both.
 */
export const SCENARIO_VERSION_COMPACT = 2;
/** The limits' names in the scenario's terms (stated once, in limits.ts). */
export const MAX_SCENARIO_BYTES = MAX_RUN_BYTES;
const MAX_SCENARIO_ACTIONS = MAX_ACTIONS;

export interface Scenario {
  format: typeof SCENARIO_FORMAT;
  version: typeof SCENARIO_VERSION;
  name?: string;
  description?: string;
  config: SimConfig;
  actions: LoggedAction[];
}

const int = (min: number, max: number) => z.number().int().min(min).max(max);
const probability = z.number().min(0).max(1);
const nodeId = int(0, LIMITS.nodes.max - 1);
const group = int(0, MAX_GROUPS - 1);
/** A node list as written: ids and "a-b" ranges, or a "bits:" bitmap (expanded after the schema, bounds first). */
const nodeList = z.union([
  z.array(z.union([nodeId, z.string().refine(isRangeToken, 'a range of node ids is "first-last", first ≤ last')])).min(1),
  z.string().refine(isBitmap, 'a node list is an array of ids and ranges, or "bits:" and a base64url bitmap'),
]);

const delaySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), rounds: int(1, MAX_DELAY) }),
  z.strictObject({ kind: z.literal('uniform'), min: int(1, MAX_DELAY), max: int(1, MAX_DELAY) }),
  z.strictObject({ kind: z.literal('exp'), mean: z.number().min(1).max(MAX_DELAY / 10) }),
]);

const configSchema = z.strictObject({
  nodes: int(LIMITS.nodes.min, LIMITS.nodes.max),
  protocol: z.enum(PROTOCOLS),
  fanout: int(1, LIMITS.nodes.max),
  topology: z.enum(TOPOLOGIES),
  degree: int(LIMITS.degree.min, LIMITS.degree.max),
  loss: probability,
  seed: int(LIMITS.seed.min, LIMITS.seed.max),
  keys: int(LIMITS.keys.min, LIMITS.keys.max),
  origin: int(-1, LIMITS.nodes.max - 1),
  interest: z.enum(INTEREST_RULES),
  k: int(1, 100),
  antiEntropy: int(0, 1_000_000),
  delay: delaySchema,
  crashRate: probability,
  recoverRate: probability,
  recoverEmpty: z.boolean(),
}).partial();

const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('write'), node: nodeId, key: int(0, LIMITS.keys.max - 1) }),
  z.strictObject({ type: z.literal('crash'), node: nodeId }),
  z.strictObject({ type: z.literal('recover'), node: nodeId }),
  z.strictObject({ type: z.literal('setLoss'), p: probability }),
  z.strictObject({ type: z.literal('partition'), groups: z.array(nodeList).min(1).max(MAX_GROUPS - 1) }),
  z.strictObject({ type: z.literal('isolate'), nodes: nodeList }),
  z.strictObject({ type: z.literal('setLink'), from: group, to: group, blocked: z.boolean(), loss: probability }),
  z.strictObject({ type: z.literal('heal') }),
  z.strictObject({ type: z.literal('setFanout'), fanout: int(1, LIMITS.nodes.max) }),
  z.strictObject({ type: z.literal('setDelay'), delay: delaySchema }),
  z.strictObject({ type: z.literal('setRumorK'), k: int(1, 100) }),
  z.strictObject({ type: z.literal('pickPeers'), node: nodeId, peers: z.array(nodeId).min(1).max(LIMITS.nodes.max) }),
]);

const actionListSchema = z.array(z.strictObject({ round: int(0, MAX_ROUND), action: actionSchema })).max(MAX_SCENARIO_ACTIONS);

const scenarioSchema = z.strictObject({
  format: z.literal(SCENARIO_FORMAT),
  version: z.union([z.literal(SCENARIO_VERSION), z.literal(SCENARIO_VERSION_COMPACT)]),
  name: z.string().max(200).optional(),
  description: z.string().max(2000).optional(),
  config: configSchema,
  actions: actionListSchema,
});

export interface ScenarioProblem {
  /** JSON path of the offending value, e.g. `$.actions[3].action.node`. */
  path: string;
  message: string;
}

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

function jsonPath(path: readonly PropertyKey[]): string {
  return '$' + path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('');
}

/** Parses and validates a scenario file's text; never throws. */
export function parseScenario(text: string): ScenarioResult {
  if (text.length > MAX_SCENARIO_BYTES) {
    return { ok: false, problems: [{ path: '$', message: `file too large (${text.length.toLocaleString('en-US')} bytes; at most ${MAX_SCENARIO_BYTES.toLocaleString('en-US')})` }] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, problems: [{ path: '$', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  return validateScenario(data);
}

/**
 * Validates a timeline on its own (a membership run's: its configuration is checked by the
 * membership engine): the schema, and node ids below `nodes`. Sorted by round, stably.
 */
export function validateActions(data: unknown, nodes: number): { ok: true; actions: LoggedAction[] } | { ok: false; problems: ScenarioProblem[] } {
  const parsed = actionListSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => ({ path: jsonPath(['actions', ...i.path]), message: i.message })) };
  const expanded = expandActions(parsed.data, nodes);
  if (!expanded.ok) return { ok: false, problems: [{ path: expanded.path, message: expanded.message }] };
  const list = expanded.value as LoggedAction[];
  const problems: ScenarioProblem[] = [];
  list.forEach((entry, i) => {
    const a = entry.action;
    const ids: number[] = a.type === 'partition' ? a.groups.flat() : a.type === 'isolate' ? a.nodes : a.type === 'pickPeers' ? [a.node, ...a.peers] : 'node' in a ? [a.node] : [];
    const bad = ids.find((n) => n >= nodes);
    if (bad !== undefined) problems.push({ path: `$.actions[${i}].action`, message: `node ${bad} does not exist: the run has ${nodes} nodes (ids 0 to ${nodes - 1})` });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
  return { ok: true, actions: [...list].sort((a, b) => a.round - b.round) };
}

/** What only the configuration can tell about a setting action: the fanout's bound, k on a protocol without it. */
function settingProblem(a: Action, config: SimConfig): { field: string; message: string } | null {
  if (a.type === 'setFanout' && a.fanout > config.nodes - 1) return { field: 'fanout', message: `fanout ${a.fanout} is more than the scenario's ${config.nodes} nodes allow (at most ${Math.max(1, config.nodes - 1)})` };
  if (a.type === 'setDelay') {
    const d = a.delay;
    if (d.kind === 'uniform' && d.min > d.max) return { field: 'delay', message: `a uniform delay needs min ≤ max, got ${d.min} > ${d.max}` };
  }
  if (a.type === 'setRumorK' && config.protocol !== 'rumor') return { field: 'k', message: `rumor k applies to rumor mongering only (the scenario uses ${config.protocol})` };
  return null;
}

/** Validates parsed JSON as a scenario: the schema, then what only the whole can tell (node ids < nodes). */
export function validateScenario(data: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(data);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => ({ path: jsonPath(i.path), message: i.message })) };
  }
  const config: SimConfig = { ...DEFAULT_CONFIG, ...parsed.data.config };
  const problems: ScenarioProblem[] = configProblems(config).map((p) => {
    const field = p.slice(0, p.indexOf(':'));
    return { path: `$.config.${field}`, message: p.slice(p.indexOf(':') + 2) };
  });
  // The schema bounds config.nodes; ids are checked against it before a range is expanded.
  const expanded = expandActions(parsed.data.actions, config.nodes, 'scenario');
  if (!expanded.ok) return { ok: false, problems: [...problems, { path: expanded.path, message: expanded.message }].slice(0, 20) };
  const actions = expanded.value as LoggedAction[];
  actions.forEach((entry, i) => {
    const a = entry.action;
    const nodes: number[] = a.type === 'partition' ? a.groups.flat() : a.type === 'isolate' ? a.nodes : a.type === 'pickPeers' ? [a.node, ...a.peers] : 'node' in a ? [a.node] : [];
    const bad = nodes.find((n) => n >= config.nodes);
    if (bad !== undefined) problems.push({ path: `$.actions[${i}].action`, message: `node ${bad} does not exist: the scenario has ${config.nodes} nodes (ids 0 to ${config.nodes - 1})` });
    if (a.type === 'write' && a.key >= config.keys) problems.push({ path: `$.actions[${i}].action.key`, message: `key ${a.key} does not exist: the scenario has ${config.keys} key(s)` });
    const setting = settingProblem(a, config);
    if (setting) problems.push({ path: `$.actions[${i}].action.${setting.field}`, message: setting.message });
  });
  if (problems.length > 0) return { ok: false, problems: problems.slice(0, 20) };
  const { name, description } = parsed.data;
  return {
    ok: true,
    scenario: {
      format: SCENARIO_FORMAT, version: SCENARIO_VERSION,
      ...(name !== undefined ? { name } : {}), ...(description !== undefined ? { description } : {}),
      config,
      actions: [...actions].sort((a, b) => a.round - b.round),
    },
  };
}

export type FileText = { ok: true; text: string } | { ok: false; reason: string };

/**
 * A run file's text that the readers accept: indented when that fits in MAX_RUN_BYTES, else on
 * one line (a 10,000-node partition is ~7 MB indented, one id a line, and ~60 KB compact), else
 * refused with the reason — never a file the page or the command line would then refuse.
 */
export function runFileText(run: object): FileText {
  const file = compactFile(run);
  const pretty = JSON.stringify(file, null, 2) + '\n';
  if (pretty.length <= MAX_RUN_BYTES) return { ok: true, text: pretty };
  const compact = JSON.stringify(file) + '\n';
  if (compact.length <= MAX_RUN_BYTES) return { ok: true, text: compact };
  const n = (x: number) => x.toLocaleString('en-US');
  return { ok: false, reason: `This run's file would be ${n(compact.length)} bytes, and Gossip Lab reads files of at most ${n(MAX_RUN_BYTES)}: remove some timeline actions (the largest name every node of a partition) and export again.` };
}

/** The file as written: node lists in their compact forms, and version 2 when a list needs them. */
function compactFile(run: object): object {
  const r = run as { actions?: unknown; version?: unknown };
  if (!Array.isArray(r.actions)) return run;
  const { actions, compacted } = compactActions(r.actions as LoggedAction[]);
  return { ...run, ...(compacted && r.version === SCENARIO_VERSION ? { version: SCENARIO_VERSION_COMPACT } : {}), actions };
}

/** The scenario file for a run: its configuration and every action it has seen. */
export function toScenario(config: SimConfig, actions: readonly LoggedAction[], name?: string): Scenario {
  return { format: SCENARIO_FORMAT, version: SCENARIO_VERSION, ...(name ? { name } : {}), config: structuredClone(config), actions: structuredClone([...actions]) };
}
