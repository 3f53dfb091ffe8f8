import { useEffect, useRef, type JSX } from 'react';
import { drawMembershipGraph } from './graph-draw';
import { hitNode, membershipLayout, place, type Layout, type Placement } from './graph-layout';
import type { Theme } from './membership-style';
import { membershipFrameSource as membershipFrames, membershipSession } from '../../session/page-instances';
import { describeNode, describeGraph } from './graph-text';

/** Labels next to nodes up to this many nodes. */
const LABEL_MAX = 60;

/**
 * The cluster drawn on a canvas of its own (the shared renderer colours nodes by versions of a
 * key, which membership does not have). Frames are pulled from the frame holder; a redraw is
 * scheduled when a frame arrives and repeated only while its messages are flying.
 */
export function MembershipGraph({ theme }: { theme: Theme }): JSX.Element {
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const tipRef = useRef<HTMLDivElement>(null);
  const themeRef = useRef(theme);
  const redrawRef = useRef<() => void>(() => {});

  useEffect(() => {
    const wrap = wrapRef.current!, canvas = canvasRef.current!, tip = tipRef.current!;
    const ctx = canvas.getContext('2d');
    if (!ctx) {
      wrap.setAttribute('aria-description', 'The graph cannot be drawn: this browser gives no 2D canvas.');
      return;
    }
    const reduced = window.matchMedia('(prefers-reduced-motion: reduce)');
    let w = 0, h = 0, dpr = 1;
    let layout: Layout = membershipLayout(0);
    let at: Placement = place(layout, 1, 1, false);
    let raf = 0;
    let hover: number | null = null;
    // When the shown frame arrived: its messages fly from then on.
    let receivedAt = Date.now();
    let shown: unknown = null;

    const draw = (): void => {
      raf = 0;
      const f = membershipFrames.detail();
      ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
      ctx.clearRect(0, 0, w, h);
      if (!f) return;
      const n = f.alive.length;
      if (layout.x.length !== n) layout = membershipLayout(n);
      at = place(layout, w, h, n <= LABEL_MAX);
      // The frame holder stamps frames with Date.now (the session's clock).
      const elapsed = (Date.now() - receivedAt) / membershipFrames.roundDurationMs();
      const t = reduced.matches ? 1 : Math.min(1, elapsed);
      drawMembershipGraph(ctx, { frame: f, layout, at, theme: themeRef.current, selected: membershipFrames.selected(), t, labels: n <= LABEL_MAX });
      if (t < 1 && f.messages) raf = requestAnimationFrame(draw);
    };
    const request = (): void => {
      if (raf === 0) raf = requestAnimationFrame(draw);
    };
    const onFrame = (): void => {
      request();
      const f = membershipFrames.detail();
      if (f !== shown) {
        shown = f;
        receivedAt = Date.now();
      }
      if (f) wrap.setAttribute('aria-description', describeGraph(f));
      if (hover !== null) showTip(hover);
    };
    redrawRef.current = request;
    const unsubscribe = membershipFrames.subscribe(onFrame);
    const measure = (): void => {
      const r = wrap.getBoundingClientRect();
      w = Math.max(1, Math.floor(r.width));
      h = Math.max(1, Math.floor(r.height));
      dpr = window.devicePixelRatio || 1;
      canvas.width = Math.round(w * dpr);
      canvas.height = Math.round(h * dpr);
      request();
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(wrap);

    const pointAt = (e: MouseEvent): number | null => {
      const r = canvas.getBoundingClientRect();
      return membershipFrames.detail() ? hitNode(layout, at, e.clientX - r.left, e.clientY - r.top) : null;
    };
    function showTip(node: number | null): void {
      const f = membershipFrames.detail();
      if (node === null || !f || node >= f.alive.length) {
        tip.hidden = true;
        return;
      }
      tip.textContent = describeNode(f, node);
      tip.hidden = false;
      const x = at.cx + layout.x[node] * at.r, y = at.cy + layout.y[node] * at.r;
      tip.style.left = `${Math.min(w - 230, Math.max(4, x + 12))}px`;
      tip.style.top = `${Math.max(4, y - 34)}px`;
    }
    const onMove = (e: MouseEvent): void => {
      hover = pointAt(e);
      canvas.style.cursor = hover === null ? 'default' : 'pointer';
      showTip(hover);
    };
    const onLeave = (): void => {
      hover = null;
      showTip(null);
    };
    const onClick = (e: MouseEvent): void => {
      const node = pointAt(e);
      if (e.shiftKey && node !== null) membershipSession().toggleCrash(node);
      else membershipSession().select(node);
    };
    canvas.addEventListener('mousemove', onMove);
    canvas.addEventListener('mouseleave', onLeave);
    canvas.addEventListener('click', onClick);
    onFrame();
    return () => {
      unsubscribe();
      ro.disconnect();
      if (raf !== 0) cancelAnimationFrame(raf);
      canvas.removeEventListener('mousemove', onMove);
      canvas.removeEventListener('mouseleave', onLeave);
      canvas.removeEventListener('click', onClick);
    };
  }, []);

  useEffect(() => {
    themeRef.current = theme;
    redrawRef.current();
  }, [theme]);

  return (
    <div
      ref={wrapRef}
      role="region"
      aria-label="Membership graph"
      aria-keyshortcuts="Shift+Click"
      className="relative h-full min-h-64 w-full overflow-hidden"
    >
      <canvas ref={canvasRef} aria-hidden="true" className="absolute inset-0 block h-full w-full" />
      <div
        ref={tipRef}
        hidden
        aria-hidden="true"
        className="pointer-events-none absolute z-10 max-w-56 rounded border border-slate-300 bg-white/95 px-2 py-1 text-sm shadow dark:border-slate-600 dark:bg-slate-800/95"
      />
    </div>
  );
}
