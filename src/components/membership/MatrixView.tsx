import { useEffect, useRef, useState, useSyncExternalStore, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { VIEW_MATRIX_MAX_NODES } from '../../engine/membership';
import { selectResolved, useMembership } from '../../store/membership-store';
import { cellAt, describeCell, drawMatrix, matrixGeometry, type MatrixGeometry } from './matrix-draw';
import { STATE_COLORS, stateLabels, type Theme } from '../../view/membership-style';
import { membershipFrameSource as membershipFrames, membershipSession } from '../../session/page-instances';

/**
 * "Who believes whom is alive / suspect / dead": rows are observers, columns subjects, for
 * clusters of up to VIEW_MATRIX_MAX_NODES. Hover a cell to read it; click to inspect the observer.
 */
export function MatrixView({ theme }: { theme: Theme }): JSX.Element {
  const { t } = useTranslation('membership');
  useSyncExternalStore(membershipFrames.subscribe, membershipFrames.version);
  const frame = membershipFrames.detail();
  const protocol = useMembership(selectResolved)?.protocol ?? 'swim';
  const wrapRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const geoRef = useRef<MatrixGeometry | null>(null);
  const [size, setSize] = useState<[number, number]>([0, 0]);
  const [hover, setHover] = useState<[number, number] | null>(null);
  // The cell last read, as [observer, subject]; described on render, so a language switch rewords it.
  const [read, setRead] = useState<[number, number] | null>(null);

  useEffect(() => {
    const wrap = wrapRef.current!;
    const ro = new ResizeObserver(() => {
      const r = wrap.getBoundingClientRect();
      setSize([Math.floor(r.width), Math.floor(r.height)]);
    });
    ro.observe(wrap);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx || !frame?.matrix || size[0] === 0) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(size[0] * dpr);
    canvas.height = Math.round(size[1] * dpr);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, size[0], size[1]);
    const g = matrixGeometry(frame.matrix.nodes, size[0], size[1]);
    geoRef.current = g;
    drawMatrix(ctx, frame, g, theme, hover);
  }, [frame, size, theme, hover]);

  const cellOf = (e: React.MouseEvent): [number, number] | null => {
    const g = geoRef.current, r = canvasRef.current?.getBoundingClientRect();
    return g && r ? cellAt(g, e.clientX - r.left, e.clientY - r.top) : null;
  };
  const onMove = (e: React.MouseEvent): void => {
    const c = cellOf(e);
    if (c?.[0] === hover?.[0] && c?.[1] === hover?.[1]) return;
    setHover(c);
    if (c && frame?.matrix) setRead(c);
  };
  const onClick = (e: React.MouseEvent): void => {
    const c = cellOf(e);
    if (!c || !frame?.matrix) return;
    setRead(c);
    membershipSession().select(c[0]);
  };

  const n = frame?.alive.length ?? 0;
  const tooBig = n > VIEW_MATRIX_MAX_NODES;
  const text = read && frame?.matrix && read[0] < frame.matrix.nodes && read[1] < frame.matrix.nodes
    ? describeCell(frame.matrix, protocol, read[0], read[1])
    : t('matrix.hover');
  return (
    <div className="flex h-full min-h-0 flex-col gap-1 p-2">
      <ul aria-label={t('matrix.legend')} className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
        {stateLabels().map((label, st) => (
          <li key={label} className="flex items-center gap-1.5">
            <span aria-hidden="true" className="inline-block h-3.5 w-3.5 rounded-sm border border-slate-500" style={{ background: STATE_COLORS[theme][st] }} />
            {label}
          </li>
        ))}
        <li className="text-slate-600 dark:text-slate-300">{t('matrix.veiled')}</li>
      </ul>
      <div ref={wrapRef} className="relative min-h-0 flex-1">
        {tooBig ? (
          <p className="p-4 text-base">
            {t('matrix.tooBig', { max: VIEW_MATRIX_MAX_NODES, nodes: formatNumber(n), cells: formatNumber(n * n) })}
          </p>
        ) : (
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={t('matrix.label', { n })}
            className="absolute inset-0 block h-full w-full cursor-crosshair"
            onMouseMove={onMove}
            onMouseLeave={() => setHover(null)}
            onClick={onClick}
          />
        )}
      </div>
      <p aria-live="polite" className="min-h-6 text-base font-semibold">{tooBig ? '' : text}</p>
    </div>
  );
}
