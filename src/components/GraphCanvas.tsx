import { useEffect, useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../i18n';
import { createAdaptiveRenderer } from '../render/adaptive-renderer';
import type { GraphRenderer } from '../render/graph-renderer';
import type { ThemeName } from '../render/render-theme';
import type { FrameSource } from '../view/frame-source';

/** Imperative handle the page gets once the renderer is up (quick actions, export). */
export interface GraphApi {
  /** Two sides of the current layout split at its vertical midline (the "split by halves" quick action). */
  splitHalves(): [number[], number[]];
  /** k groups of the drawing, cut like a pie around its centre (the "Split into" tool). */
  splitInto(k: number): number[][];
  /** The graph as a PNG (for export later). */
  toPngBlob(): Promise<Blob>;
}

export interface GraphCanvasProps {
  /** The region's accessible name (e2e tests and screen readers find the graph by it). */
  label?: string;
  source: FrameSource;
  theme: ThemeName;
  /** 'split': the user drags a line across the graph; 'lasso': draws a loop around nodes. */
  mode: 'select' | 'split' | 'lasso';
  /** Click on a node, or on empty space (null). */
  onSelect(node: number | null): void;
  /** Shift+click on a node. */
  onToggleCrash(node: number): void;
  /** A line was drawn: node ids on each side of it. */
  onSplit(sides: [number[], number[]]): void;
  /** A loop was drawn: the nodes inside it. */
  onLasso?(nodes: number[]): void;
  /** Esc in split mode (optional: the page may handle Esc itself). */
  onCancelSplit?(): void;
  onReady?(api: GraphApi): void;
}

const BUTTON = {
  light: 'border-gray-300 bg-white/90 text-gray-900 hover:bg-gray-100',
  dark: 'border-gray-600 bg-gray-800/90 text-gray-100 hover:bg-gray-700',
  contrast: 'border-2 border-black bg-white text-black hover:bg-gray-100',
} as const;

/**
 * Hosts the framework-free graph renderer for either mode: everything it shows and does comes
 * through props (source, theme, mode, callbacks). The renderer pulls frames from `source` in its
 * own animation loop, so this component re-renders only when theme, mode or callbacks change —
 * never per round.
 */
export function GraphCanvas(props: GraphCanvasProps): JSX.Element {
  const { t } = useTranslation();
  const { source, theme, mode, label = t('graph.label') } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const rendererRef = useRef<GraphRenderer | null>(null);
  const propsRef = useRef(props);

  useEffect(() => {
    propsRef.current = props;
  });

  useEffect(() => {
    const wrap = wrapRef.current!, canvas = canvasRef.current!;
    const initial = propsRef.current;
    let renderer: GraphRenderer;
    try {
      renderer = createAdaptiveRenderer(canvas, {
        source: initial.source,
        theme: initial.theme,
        mode: initial.mode,
        keyTarget: wrap,
        callbacks: {
          onSelect: (n) => propsRef.current.onSelect(n),
          onToggleCrash: (n) => propsRef.current.onToggleCrash(n),
          onSplit: (sides) => propsRef.current.onSplit(sides),
          onCancelSplit: () => propsRef.current.onCancelSplit?.(),
          onLasso: (nodes) => propsRef.current.onLasso?.(nodes),
          // Set on the DOM directly: a React state update per round would re-render the page.
          onSummary: (text) => wrap.setAttribute('aria-description', text),
        },
      });
    } catch (e) {
      wrap.setAttribute('aria-description', e instanceof Error ? e.message : i18next.t('graph.cannotDraw'));
      return;
    }
    rendererRef.current = renderer;
    const measure = () => {
      const r = wrap.getBoundingClientRect();
      renderer.resize(Math.floor(r.width), Math.floor(r.height), window.devicePixelRatio || 1);
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(wrap);
    // Moving the window to a screen with another pixel ratio resizes nothing: watch for it.
    let mq: MediaQueryList | null = null;
    const watchDpr = () => {
      mq?.removeEventListener('change', onDpr);
      mq = window.matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
      mq.addEventListener('change', onDpr);
    };
    const onDpr = () => {
      measure();
      watchDpr();
    };
    watchDpr();
    propsRef.current.onReady?.({ splitHalves: () => renderer.splitHalves(), splitInto: (k) => renderer.splitInto(k), toPngBlob: () => renderer.toPngBlob() });
    return () => {
      ro.disconnect();
      mq?.removeEventListener('change', onDpr);
      renderer.destroy();
      rendererRef.current = null;
    };
  }, []);

  useEffect(() => rendererRef.current?.setSource(source), [source]);
  useEffect(() => rendererRef.current?.setTheme(theme), [theme]);
  useEffect(() => rendererRef.current?.setMode(mode), [mode]);

  const button = `h-9 min-w-9 rounded-md border px-2 text-base font-semibold shadow-sm focus-visible:outline-2 focus-visible:outline-offset-2 ${BUTTON[theme]}`;
  return (
    <div
      ref={wrapRef}
      role="region"
      aria-label={label}
      aria-keyshortcuts="+ - 0 Shift+ArrowUp Shift+ArrowDown Shift+ArrowLeft Shift+ArrowRight Escape"
      data-graph-keys
      tabIndex={0}
      className="relative h-full min-h-48 w-full overflow-hidden rounded-lg outline-none focus-visible:ring-4 focus-visible:ring-sky-700 focus-visible:ring-inset dark:focus-visible:ring-sky-400"
    >
      <canvas ref={canvasRef} aria-hidden="true" className="absolute inset-0 block h-full w-full" />
      <div className="absolute right-2 bottom-2 flex gap-1">
        <button type="button" aria-label={t('graph.zoomIn')} title={t('graph.zoomInTitle')} className={button} onClick={() => rendererRef.current?.zoomBy(1.25)}>
          +
        </button>
        <button type="button" aria-label={t('graph.zoomOut')} title={t('graph.zoomOutTitle')} className={button} onClick={() => rendererRef.current?.zoomBy(0.8)}>
          −
        </button>
        <button type="button" title={t('graph.fitTitle')} className={button} onClick={() => rendererRef.current?.fitToView()}>
          {t('graph.fit')}
        </button>
      </div>
    </div>
  );
}
