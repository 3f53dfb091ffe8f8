import type { JSX } from 'react';
import type { FrameSource } from '../view/frame-source';

/** Imperative handle the page gets once the renderer is up (quick actions, export). */
export interface GraphApi {
  /** Two sides of the current layout split at its vertical midline (the "split by halves" quick action). */
  splitHalves(): [number[], number[]];
  /** The graph as a PNG (for export later). */
  toPngBlob(): Promise<Blob>;
}

export interface GraphCanvasProps {
  source: FrameSource;
  theme: 'light' | 'dark';
  /** 'split': the user drags a line across the graph. */
  mode: 'select' | 'split';
  /** Click on a node, or on empty space (null). */
  onSelect(node: number | null): void;
  /** Shift+click on a node. */
  onToggleCrash(node: number): void;
  /** A line was drawn: node ids on each side of it. */
  onSplit(sides: [number[], number[]]): void;
  /** Esc in split mode (optional: the page may handle Esc itself). */
  onCancelSplit?(): void;
  onReady?(api: GraphApi): void;
}

// Placeholder so the page can be wired while the renderer lands; replaced by the canvas host.
export function GraphCanvas(_props: GraphCanvasProps): JSX.Element {
  return <div role="region" aria-label="Cluster graph" className="h-full w-full" />;
}
