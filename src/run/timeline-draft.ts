import type { Action } from '../engine/types';
import { MAX_ROUND } from '../engine/limits';
import { MAX_GROUPS } from '../engine/world';
import { formatNumber, i18next } from '../i18n';
import { parseNodeList } from './schedule';

/** What the timeline form offers; link kinds add an entry per direction. */
/** What the timeline form offers (their names: controls:timeline.kinds.<kind>); link kinds add an entry per direction. */
export const TIMELINE_KINDS = ['write', 'crash', 'recover', 'split', 'isolate', 'cut-one-way', 'cut-both', 'open-both', 'packet-loss', 'heal'] as const;

export type TimelineKind = (typeof TIMELINE_KINDS)[number];

/** The form's fields as typed. */
export interface TimelineDraft {
  round: string;
  kind: TimelineKind;
  node: string;
  groups: string;
  ids: string;
  from: string;
  to: string;
  /** Percent. */
  loss: string;
}

/**
 * What the timeline says of a round it refuses: links and run files hold rounds up to MAX_ROUND,
 * so a later one would be written and then dropped by the reader.
 */
export const timelineRoundProblem = (): string => i18next.t('controls:timeline.roundProblem', { max: formatNumber(MAX_ROUND) });

const whole = (text: string): number => (text.trim() === '' ? NaN : Number(text));

/**
 * The actions a draft stands for, at its round, or what is wrong with it. A split is resolved
 * now, by the drawing (`groupsInto`), so the entry names its nodes as a scenario file does.
 */
export function timelineActions(
  d: TimelineDraft, nodes: number, groupsInto: (k: number) => number[][] | string,
): { round: number; actions: Action[] } | string {
  const round = whole(d.round);
  if (!Number.isInteger(round) || round < 0 || round > MAX_ROUND) return timelineRoundProblem();
  const node = whole(d.node);
  const nodeOk = Number.isInteger(node) && node >= 0 && node < nodes;
  const from = whole(d.from), to = whole(d.to);
  const group = (g: number) => Number.isInteger(g) && g >= 0 && g < MAX_GROUPS;
  const loss = whole(d.loss);
  const lossOk = Number.isFinite(loss) && loss >= 0 && loss <= 100;
  switch (d.kind) {
    case 'write':
    case 'crash':
    case 'recover': {
      if (!nodeOk) return i18next.t('controls:timeline.nodeProblem', { max: nodes - 1 });
      const action: Action = d.kind === 'write' ? { type: 'write', node, key: 0 } : { type: d.kind, node };
      return { round, actions: [action] };
    }
    case 'split': {
      const groups = groupsInto(whole(d.groups));
      return typeof groups === 'string' ? groups : { round, actions: [{ type: 'partition', groups }] };
    }
    case 'isolate': {
      const list = parseNodeList(d.ids, nodes);
      return typeof list === 'string' ? list : { round, actions: [{ type: 'isolate', nodes: list }] };
    }
    case 'cut-one-way':
    case 'cut-both':
    case 'open-both': {
      if (!group(from) || !group(to) || from === to) return i18next.t('controls:timeline.groupProblem', { max: MAX_GROUPS - 1 });
      if (d.kind === 'open-both' && !lossOk) return i18next.t('controls:timeline.lossProblem');
      const p = d.kind === 'open-both' ? loss / 100 : 0;
      return {
        round,
        actions: [
          { type: 'setLink', from, to, blocked: d.kind !== 'open-both', loss: p },
          { type: 'setLink', from: to, to: from, blocked: d.kind === 'cut-both', loss: p },
        ],
      };
    }
    case 'packet-loss':
      return lossOk ? { round, actions: [{ type: 'setLoss', p: loss / 100 }] } : i18next.t('controls:timeline.lossProblem');
    case 'heal':
      return { round, actions: [{ type: 'heal' }] };
    default: {
      const unknown: never = d.kind;
      return i18next.t('controls:timeline.unknown', { action: String(unknown) });
    }
  }
}
