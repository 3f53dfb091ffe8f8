import type { GraphSpec, NodeFrame } from '../view/frame-source';
import { i18next } from '../i18n';
import { countStates } from './node-state';

const t = i18next.t;

/** The graph's state in one sentence, for the aria-description of the canvas region. */
export function describeGraph(graph: GraphSpec | null, frame: NodeFrame | null, states: Uint8Array, key: number, selected: number | null): string {
  if (!graph) return t('common:summary.noGraph');
  // A model that colours its own nodes words its own frames (the renderer cannot know what its indices mean).
  if (frame?.summary && frame.graphId === graph.id) return frame.summary + (selected !== null ? t('common:summary.selectedSentence', { node: selected }) : '');
  const parts = [t('common:summary.graph', { nodes: graph.nodes, topology: t(`controls:topology.${graph.topology}`) })];
  if (frame && frame.graphId === graph.id) {
    const c = countStates(states, frame.alive);
    const live = graph.nodes - c.crashed;
    parts.unshift(t('common:summary.round', { round: frame.round }));
    parts.push(c.older ? t('common:summary.knowOlder', { latest: c.latest, live, key, older: c.older }) : t('common:summary.know', { latest: c.latest, live, key }));
    if (c.crashed) parts.push(t('common:summary.crashed', { count: c.crashed }));
    if (frame.rumor) {
      let infective = 0;
      for (let i = 0; i < frame.rumor.length; i++) if (frame.rumor[i] === 1 && frame.alive[i] === 1) infective++;
      parts.push(t('common:summary.spreading', { count: infective }));
    }
    const present = new Set(frame.group);
    if (present.size > 1) parts.push(t('common:summary.partitioned', { count: present.size }));
  }
  if (selected !== null) parts.push(t('common:summary.selected', { node: selected }));
  return parts.join(t('common:summary.join')) + t('common:summary.end');
}
