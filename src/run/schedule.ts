import { formatDelay } from '../engine/config';
import { SETTING_ACTIONS, type Action, type LoggedAction } from '../engine/types';
import { i18next } from '../i18n';

/**
 * The scenario timeline: actions at rounds, as the engine's `schedule` runs them (round r's
 * actions apply after round r, in list order). Every entry *is* a LoggedAction, so the list
 * maps 1:1 onto a scenario file's `actions`; `recorded` marks what the user did live, and
 * `refused` why the run could not apply an entry.
 */
export interface ScheduleEntry extends LoggedAction {
  id: number;
  recorded: boolean;
  refused?: string;
}

let nextId = 1;

export function makeEntry(round: number, action: Action, recorded = false): ScheduleEntry {
  return { id: nextId++, round, action: cloneAction(action), recorded };
}

/**
 * A deep copy of an action, by its shape (plain data: numbers, booleans, lists of node ids, a
 * delay). Several times faster than `structuredClone`, which the import of a 45,000-action file
 * called twice per action (~250 ms of the main thread).
 */
export function cloneAction(a: Action): Action {
  switch (a.type) {
    case 'partition':
      return { ...a, groups: a.groups.map((g) => g.slice()) };
    case 'isolate':
      return { ...a, nodes: a.nodes.slice() };
    case 'setDelay':
      return { ...a, delay: { ...a.delay } };
    default:
      return { ...a };
  }
}

/** Inserts after every entry of the same or an earlier round: same-round entries keep their order. */
export function insertEntry(list: readonly ScheduleEntry[], entry: ScheduleEntry): ScheduleEntry[] {
  let at = list.length;
  while (at > 0 && list[at - 1].round > entry.round) at--;
  return [...list.slice(0, at), entry, ...list.slice(at)];
}

/**
 * Records a live action. A setting (loss, fanout, delay, k) or link setting that overrides one
 * recorded in the same round (a number typed digit by digit, a cut changed twice) replaces its
 * entry: the run is the same, the list shorter.
 */
export function recordEntry(list: readonly ScheduleEntry[], round: number, action: Action): ScheduleEntry[] {
  // Settings and link settings commute with one another (each sets its own value), so a newer
  // one may replace an older one across others of their kind recorded in the same round.
  for (let i = list.length - 1; i >= 0; i--) {
    const e = list[i];
    if (!e.recorded || e.round !== round || !(isSetting(e.action) || e.action.type === 'setLink')) break;
    if (supersedes(action, e.action)) return [...list.slice(0, i), ...list.slice(i + 1), makeEntry(round, action, true)];
  }
  return insertEntry(list, makeEntry(round, action, true));
}

/** Loss, fanout, delay or rumor k: an action that sets one of the run's settings. */
export function isSetting(a: Action): boolean {
  return (SETTING_ACTIONS as readonly string[]).includes(a.type);
}

function supersedes(next: Action, prev: Action): boolean {
  if (isSetting(next) && next.type === prev.type) return true;
  return next.type === 'setLink' && prev.type === 'setLink' && next.from === prev.from && next.to === prev.to;
}

/** The plain LoggedAction list the engine and scenario files take. */
export function toLogged(list: readonly ScheduleEntry[]): LoggedAction[] {
  return list.map(({ round, action }) => ({ round, action: cloneAction(action) }));
}

/** After a fork at `round`: what was done live after it belongs to the discarded rounds. */
export function dropRecordedAfter(list: readonly ScheduleEntry[], round: number): ScheduleEntry[] {
  return list.filter((e) => !(e.recorded && e.round > round));
}

/** The planned (not recorded) actions after `round`: the future a fork keeps. */
export function plannedAfter(list: readonly ScheduleEntry[], round: number): LoggedAction[] {
  return toLogged(list.filter((e) => !e.recorded && e.round > round));
}

/** Marks the first not-yet-refused entry matching a refusal the engine reported. */
export function markRefused(list: readonly ScheduleEntry[], round: number, action: Action, reason: string): ScheduleEntry[] {
  const key = JSON.stringify(action);
  const i = list.findIndex((e) => e.round === round && e.refused === undefined && JSON.stringify(e.action) === key);
  if (i < 0) return [...list];
  const out = [...list];
  out[i] = { ...out[i], refused: reason };
  return out;
}

/** The action in words, for the timeline list and for notices. */
export function describeScheduled(a: Action): string {
  const t = i18next.t;
  switch (a.type) {
    case 'write': return a.key > 0 ? t('notices:scheduled.writeKey', { node: a.node, key: a.key }) : t('notices:scheduled.write', { node: a.node });
    case 'crash': return t('notices:scheduled.crash', { node: a.node });
    case 'recover': return t('notices:scheduled.recover', { node: a.node });
    case 'setLoss': return t('notices:scheduled.loss', { loss: round2(a.p * 100) });
    case 'partition': return t('notices:scheduled.split', { count: a.groups.length, sizes: a.groups.map((g) => g.length).join(' | ') });
    case 'isolate': return t('notices:scheduled.isolate', { count: a.nodes.length });
    case 'setLink': {
      const link = { from: a.from, to: a.to, loss: round2(a.loss * 100) };
      if (a.loss > 0) return t(a.blocked ? 'notices:scheduled.blockLoss' : 'notices:scheduled.openLoss', link);
      return t(a.blocked ? 'notices:scheduled.block' : 'notices:scheduled.open', link);
    }
    case 'heal': return t('notices:scheduled.heal');
    case 'setFanout': return t('notices:scheduled.fanout', { fanout: a.fanout });
    case 'setDelay': return t('notices:scheduled.delay', { delay: formatDelay(a.delay) });
    case 'setRumorK': return t('notices:scheduled.rumorK', { k: a.k });
    case 'pickPeers': return t('notices:scheduled.pickPeers', { node: a.node, peers: a.peers.join(', ') });
    default: {
      const unknown: never = a;
      return String(unknown);
    }
  }
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * "3, 5-9, 12" → node ids, or a message saying what is wrong. Ids must exist (< nodes);
 * duplicates are dropped.
 */
export function parseNodeList(text: string, nodes: number): number[] | string {
  const out = new Set<number>();
  const parts = text.split(',').map((p) => p.trim()).filter((p) => p !== '');
  if (parts.length === 0) return i18next.t('controls:timeline.listOne');
  for (const part of parts) {
    const m = /^(\d+)(?:\s*[-–]\s*(\d+))?$/.exec(part);
    if (!m) return i18next.t('controls:timeline.notId', { part });
    const a = Number(m[1]), b = m[2] === undefined ? a : Number(m[2]);
    if (b < a) return i18next.t('controls:timeline.backwards', { part });
    if (b >= nodes) return i18next.t('controls:timeline.noNode', { node: b, max: nodes - 1 });
    if (b - a > 100_000) return i18next.t('controls:timeline.tooLong', { part });
    for (let v = a; v <= b; v++) out.add(v);
  }
  return [...out].sort((x, y) => x - y);
}
