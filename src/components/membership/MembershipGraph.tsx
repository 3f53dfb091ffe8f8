import type { JSX } from 'react';
import type { RenderMode } from '../../render/graph-renderer';
import { membershipFrameSource } from '../../store/membership-frames';
import { lassoPartition } from '../../view/membership-view';
import type { Theme } from '../../view/membership-style';
import { GraphCanvas } from '../GraphCanvas';
import { membershipSession } from './session-instance';

export interface MembershipGraphProps {
  theme: Theme;
  mode: RenderMode;
  /** A line or loop was drawn (or Esc pressed): back to selecting. */
  onModeDone(): void;
}

/**
 * The membership cluster, drawn by the shared renderer from adapted frames
 * (view/membership-view.ts): zoom, pan, labels, lasso and split line come with it.
 */
export function MembershipGraph({ theme, mode, onModeDone }: MembershipGraphProps): JSX.Element {
  const session = membershipSession();
  const partition = (groups: [number[], number[]] | null, why: string): void => {
    onModeDone();
    if (groups) session.apply({ type: 'partition', groups });
    else session.notify('info', why);
  };
  return (
    <GraphCanvas
      label="Membership graph"
      source={membershipFrameSource}
      theme={theme}
      mode={mode}
      onSelect={(node) => session.select(node)}
      onToggleCrash={(node) => session.toggleCrash(node)}
      onSplit={([a, b]) => partition(a.length > 0 && b.length > 0 ? [a, b] : null, 'The line does not cut the graph: draw it across the nodes.')}
      onLasso={(nodes) => partition(lassoPartition(nodes, membershipFrameSource.graph()?.nodes ?? 0), 'The loop must hold some nodes, not all of them.')}
      onCancelSplit={onModeDone}
    />
  );
}
