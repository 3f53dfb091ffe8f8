/**
 * Pointer, wheel and keyboard input on the canvas, turned into view changes and picks.
 * Framework-free: it talks to the renderer through this small controller interface.
 */
export interface InteractionController {
  mode(): 'select' | 'split' | 'lasso';
  /** Node under the CSS-px point, or null. */
  pick(sx: number, sy: number): number | null;
  click(node: number | null, shift: boolean): void;
  panBy(dx: number, dy: number): void;
  zoomBy(factor: number, sx?: number, sy?: number): void;
  fitToView(): void;
  /** The split line being dragged (CSS px), or null when the drag ends/cancels. */
  dragLine(line: [number, number, number, number] | null): void;
  /** A finished line; the renderer decides whether it cuts anything. */
  cut(line: [number, number, number, number]): void;
  /** The lasso being drawn (x0, y0, x1, y1, … in CSS px), or null when it ends/cancels. */
  dragPath(path: number[] | null): void;
  /** A finished lasso; the renderer decides which nodes it holds. */
  lasso(path: number[]): void;
  cancelSplit(): void;
  setInteracting(on: boolean): void;
}

const CLICK_SLOP = 4;
/** Lasso points closer than this to the last one add nothing but work. */
const LASSO_STEP = 3;
const KEY_PAN = 60;

export function attachInteraction(canvas: HTMLCanvasElement, keyTarget: HTMLElement, c: InteractionController): () => void {
  let down: { id: number; x: number; y: number; lastX: number; lastY: number; moved: boolean; shift: boolean } | null = null;
  let path: number[] = [];

  const local = (e: PointerEvent | WheelEvent): [number, number] => {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const setCursor = (x: number, y: number) => {
    if (c.mode() !== 'select') canvas.style.cursor = 'crosshair';
    else if (down?.moved) canvas.style.cursor = 'grabbing';
    else canvas.style.cursor = c.pick(x, y) !== null ? 'pointer' : 'grab';
  };

  const onDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const [x, y] = local(e);
    down = { id: e.pointerId, x, y, lastX: x, lastY: y, moved: false, shift: e.shiftKey };
    path = [x, y];
    canvas.setPointerCapture(e.pointerId);
    keyTarget.focus({ preventScroll: true });
  };
  const onMove = (e: PointerEvent) => {
    const [x, y] = local(e);
    if (!down || down.id !== e.pointerId) {
      setCursor(x, y);
      return;
    }
    if (!down.moved && Math.hypot(x - down.x, y - down.y) > CLICK_SLOP) {
      down.moved = true;
      c.setInteracting(true);
    }
    if (down.moved) {
      if (c.mode() === 'split') c.dragLine([down.x, down.y, x, y]);
      else if (c.mode() === 'lasso') {
        const n = path.length;
        if (Math.hypot(x - path[n - 2], y - path[n - 1]) >= LASSO_STEP) {
          path.push(x, y);
          c.dragPath([...path]);
        }
      } else c.panBy(x - down.lastX, y - down.lastY);
    }
    down.lastX = x;
    down.lastY = y;
    setCursor(x, y);
  };
  const onUp = (e: PointerEvent) => {
    if (!down || down.id !== e.pointerId) return;
    const [x, y] = local(e);
    const d = down;
    down = null;
    if (canvas.hasPointerCapture(e.pointerId)) canvas.releasePointerCapture(e.pointerId);
    c.setInteracting(false);
    if (c.mode() === 'split') {
      c.dragLine(null);
      if (d.moved) c.cut([d.x, d.y, x, y]);
    } else if (c.mode() === 'lasso') {
      c.dragPath(null);
      if (d.moved) c.lasso([...path, x, y]);
    } else if (!d.moved) {
      c.click(c.pick(x, y), d.shift || e.shiftKey);
    }
    setCursor(x, y);
  };
  /** Drops the drag under way: no line, no lasso, no cut. */
  const dropDrag = () => {
    down = null;
    c.dragLine(null);
    c.dragPath(null);
    c.setInteracting(false);
  };
  const onCancel = (e: PointerEvent) => {
    if (down?.id === e.pointerId) dropDrag();
  };
  const onWheel = (e: WheelEvent) => {
    e.preventDefault();
    const [x, y] = local(e);
    const lines = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? 400 : 1;
    c.zoomBy(Math.exp(-e.deltaY * lines * 0.0015), x, y);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    switch (e.key) {
      case '+':
      case '=':
        c.zoomBy(1.25);
        break;
      case '-':
      case '_':
        c.zoomBy(0.8);
        break;
      case '0':
        c.fitToView();
        break;
      // Shift+arrows pan: plain arrows stay the page's (→ steps a round, also from a clicker).
      case 'ArrowLeft':
        if (!e.shiftKey) return;
        c.panBy(KEY_PAN, 0);
        break;
      case 'ArrowRight':
        if (!e.shiftKey) return;
        c.panBy(-KEY_PAN, 0);
        break;
      case 'ArrowUp':
        if (!e.shiftKey) return;
        c.panBy(0, KEY_PAN);
        break;
      case 'ArrowDown':
        if (!e.shiftKey) return;
        c.panBy(0, -KEY_PAN);
        break;
      case 'Escape':
        if (c.mode() === 'select') return;
        if (down) dropDrag();
        else c.cancelSplit();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  canvas.addEventListener('pointerdown', onDown);
  canvas.addEventListener('pointermove', onMove);
  canvas.addEventListener('pointerup', onUp);
  canvas.addEventListener('pointercancel', onCancel);
  canvas.addEventListener('wheel', onWheel, { passive: false });
  keyTarget.addEventListener('keydown', onKey);
  return () => {
    canvas.removeEventListener('pointerdown', onDown);
    canvas.removeEventListener('pointermove', onMove);
    canvas.removeEventListener('pointerup', onUp);
    canvas.removeEventListener('pointercancel', onCancel);
    canvas.removeEventListener('wheel', onWheel);
    keyTarget.removeEventListener('keydown', onKey);
  };
}
