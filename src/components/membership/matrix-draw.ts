import { VIEW_STATES } from '../../engine/membership';
import type { MembershipFrame, WireMatrix } from '../../worker/protocol';
import { STATE_COLORS, ink, type Theme } from '../../view/membership-style';
import { i18next } from '../../i18n';

/** Geometry of the matrix: a truth strip above the columns, then n × n cells. */
export interface MatrixGeometry {
  n: number;
  cell: number;
  /** Top-left of cell (0, 0). */
  x0: number;
  y0: number;
}

/** Room for axis labels on the left and the truth strip on top. */
const LEFT = 34, TOP = 30;

export function matrixGeometry(n: number, width: number, height: number): MatrixGeometry {
  const cell = Math.max(2, Math.floor(Math.min((width - LEFT - 8) / n, (height - TOP - 8) / n)));
  const size = cell * n;
  return { n, cell, x0: Math.max(LEFT, Math.floor((width - size) / 2)), y0: TOP };
}

export function cellAt(g: MatrixGeometry, px: number, py: number): [number, number] | null {
  const s = Math.floor((px - g.x0) / g.cell), o = Math.floor((py - g.y0) / g.cell);
  return o >= 0 && o < g.n && s >= 0 && s < g.n ? [o, s] : null;
}

/** "node 3 believes node 17 is suspect (incarnation 2)". */
export function describeCell(m: WireMatrix, protocol: 'swim' | 'heartbeat', o: number, s: number): string {
  const t = i18next.t;
  if (o === s) return t('membership:matrix.self', { node: o });
  const i = o * m.nodes + s;
  const state = t(`membership:states.${VIEW_STATES[m.state[i]]}`);
  if (m.a[i] < 0) return t('membership:matrix.believes', { o, s, state });
  const detail = protocol === 'swim' ? t('membership:matrix.incarnation', { n: m.a[i] }) : t('membership:matrix.generation', { g: m.a[i], v: m.b[i] });
  return t('membership:matrix.believesDetail', { o, s, state, detail });
}

export function drawMatrix(ctx: CanvasRenderingContext2D, f: MembershipFrame, g: MatrixGeometry, theme: Theme, hover: [number, number] | null): void {
  const m = f.matrix!;
  const n = m.nodes, c = g.cell;
  const colors = STATE_COLORS[theme];
  // One fill per state: 10,000 rects in four paths.
  for (let st = 0; st < 4; st++) {
    ctx.beginPath();
    for (let o = 0; o < n; o++) {
      for (let s = 0; s < n; s++) if (o !== s && m.state[o * n + s] === st) ctx.rect(g.x0 + s * c, g.y0 + o * c, c, c);
    }
    ctx.fillStyle = colors[st];
    ctx.fill();
  }
  // Crashed observers' rows are frozen, not beliefs anyone acts on: veil them.
  ctx.fillStyle = theme === 'dark' ? 'rgba(15,23,42,0.7)' : 'rgba(255,255,255,0.7)';
  for (let o = 0; o < n; o++) if (f.alive[o] === 0) ctx.fillRect(g.x0, g.y0 + o * c, n * c, c);
  // The truth per subject, above its column: filled = up, hollow with a cross = crashed.
  const r = Math.max(1.5, Math.min(5, c / 2 - 0.5));
  for (let s = 0; s < n; s++) {
    const x = g.x0 + s * c + c / 2, y = g.y0 - r - 4;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, 2 * Math.PI);
    if (f.alive[s] === 1) {
      ctx.fillStyle = colors[1];
      ctx.fill();
    } else {
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      ctx.lineWidth = 1.5;
      ctx.strokeStyle = ink(theme);
      ctx.stroke();
    }
  }
  ctx.font = '12px system-ui, sans-serif';
  ctx.fillStyle = theme === 'dark' ? '#E5E7EB' : '#374151';
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  const every = Math.max(1, Math.ceil(14 / c));
  for (let o = 0; o < n; o += every) ctx.fillText(String(o), g.x0 - 4, g.y0 + o * c + c / 2);
  if (hover) {
    ctx.lineWidth = 2;
    ctx.strokeStyle = ink(theme);
    ctx.strokeRect(g.x0, g.y0 + hover[0] * c, n * c, c);
    ctx.strokeRect(g.x0 + hover[1] * c, g.y0, c, n * c);
  }
}
