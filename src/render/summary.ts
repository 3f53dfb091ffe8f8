import type { GraphSpec, NodeFrame } from '../view/frame-source';
import { countStates } from './node-state';

/** The graph's state in one sentence, for the aria-description of the canvas region. */
export function describeGraph(graph: GraphSpec | null, frame: NodeFrame | null, states: Uint8Array, key: number, selected: number | null): string {
  if (!graph) return 'No graph yet.';
  // A model that colours its own nodes words its own frames (the renderer cannot know what its indices mean).
  if (frame?.summary && frame.graphId === graph.id) return frame.summary + (selected !== null ? ` Node ${selected} selected.` : '');
  const parts = [`${graph.nodes} nodes, ${graph.topology} topology`];
  if (frame && frame.graphId === graph.id) {
    const c = countStates(states, frame.alive);
    const live = graph.nodes - c.crashed;
    parts.unshift(`Round ${frame.round}`);
    parts.push(`${c.latest} of ${live} live nodes know the newest version of key ${key}` + (c.older ? `, ${c.older} an older one` : ''));
    if (c.crashed) parts.push(`${c.crashed} crashed`);
    if (frame.rumor) {
      let infective = 0;
      for (let i = 0; i < frame.rumor.length; i++) if (frame.rumor[i] === 1 && frame.alive[i] === 1) infective++;
      parts.push(`${infective} still spreading the rumor`);
    }
    const present = new Set(frame.group);
    if (present.size > 1) parts.push(`partitioned into ${present.size} groups`);
  }
  if (selected !== null) parts.push(`node ${selected} selected`);
  return parts.join('. ') + '.';
}
