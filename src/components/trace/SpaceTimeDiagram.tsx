import { memo, useEffect, useId, useRef, type JSX } from 'react';
import type { TFunction } from 'i18next';
import type { MessageBatch } from '../../engine/types';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../export/download';
import { serializeChart, type LegendEntry } from '../../export/svg-export';
import { useRunSession } from '../../hooks/useRun';
import { useTrace } from '../../store/trace-store';
import type { StoreApi } from 'zustand/vanilla';
import type { TraceState } from '../../store/trace-store';
import { palette } from '../../theme/palette';
import type { MessageFate } from '../../view/trace-highlight';
import { SPACE_TIME_LIMIT } from '../../worker/protocol';
import { btn } from '../ui-classes';
import { laneY, roundMessages, roundReach, roundX, spaceTimeGeometry } from './space-time-layout';

/** Colour, dash and head of each fate: the same strokes the graph's trace layer uses. */
const FATES: Record<MessageFate, { color: string; dash: string; marker: 'arrow' | 'cross' }> = {
  useful: { color: palette.message.useful, dash: '', marker: 'arrow' },
  redundant: { color: palette.message.redundant, dash: '5 3', marker: 'arrow' },
  dropped: { color: palette.message.dropped, dash: '2 3', marker: 'cross' },
};
const FATE_ORDER: readonly MessageFate[] = ['redundant', 'dropped', 'useful'];

/**
 * The space-time diagram (Lamport's picture): a lane per node, rounds from left to right, an
 * arrow per message from the sender's lane to the receiver's — delivered with news (solid
 * green), delivered with nothing new (dashed blue), dropped (dotted vermillion, ending in a
 * cross). The round shown is shaded; a round's number seeks there; resting on an arrow shows
 * that message on the graph too. Clusters up to SPACE_TIME_LIMIT nodes: more lanes would be
 * thinner than a line of text at a projector's 720 px.
 */
/** What the diagram asks of its mode's session. */
export interface SpaceTimeViews {
  setSpaceTime(on: boolean): void;
  hover(at: { round: number; index: number } | null): void;
}

/** Mounted only while on screen: frames carry its messages only then. */
export function SpaceTimeDiagram({ store, trace }: { store: StoreApi<TraceState>; trace: SpaceTimeViews }): JSX.Element {
  const { t } = useTranslation('trace');
  const session = useRunSession();
  const nodes = useTrace(store, (s) => s.nodes);
  const last = useTrace(store, (s) => s.last);
  const round = useTrace(store, (s) => s.round);
  const log = useTrace(store, (s) => s.log);
  const hovered = useTrace(store, (s) => s.hovered);
  const id = useId().replace(/:/g, '');
  const svgRef = useRef<SVGSVGElement>(null);
  const scrollRef = useRef<HTMLDivElement>(null);
  const small = nodes > 0 && nodes <= SPACE_TIME_LIMIT;

  useEffect(() => {
    trace.setSpaceTime(small);
  }, [trace, small]);
  useEffect(() => () => trace.setSpaceTime(false), [trace]);

  const g = spaceTimeGeometry(nodes, last);
  // Keep the round shown in view as the run moves on.
  useEffect(() => {
    const el = scrollRef.current;
    if (!el || round < 1) return;
    const x = roundX(g, round);
    if (x < el.scrollLeft + g.gutter || x + g.roundW > el.scrollLeft + el.clientWidth) el.scrollLeft = Math.max(0, x - el.clientWidth / 2);
  }, [round, g]);

  if (!small) return <p className="text-base">{t('st.tooLarge', { max: SPACE_TIME_LIMIT, nodes })}</p>;

  const legend: LegendEntry[] = FATE_ORDER.map((f) => ({ label: t(`st.${f}`), color: FATES[f].color, shape: FATES[f].dash ? 'dashed' : 'line' }));
  const exportSvg = (): void => {
    const svg = svgRef.current;
    if (!svg) return;
    const text = serializeChart(svg, { title: t('st.exportTitle', { last }), legend, background: '#ffffff', ink: '#111827', fontFamily: 'system-ui, sans-serif' }).text;
    downloadText(text, `${session.exportBase()}-space-time.svg`, 'image/svg+xml');
  };
  const hoveredBatch = hovered ? log[hovered.round] : undefined;
  const hov = hovered && hoveredBatch ? roundMessages(g, hoveredBatch, hovered.round, roundReach(hoveredBatch, last))[hovered.index] ?? null : null;
  const fateText = (f: MessageFate): string => t(`st.${f}`);

  return (
    <div className="flex flex-col gap-2">
      <ul className="flex flex-wrap gap-x-3 gap-y-1 text-sm" aria-label={t('st.title')}>
        {FATE_ORDER.map((f) => (
          <li key={f} className="flex items-center gap-1.5">
            <svg width="26" height="10" aria-hidden="true"><line x1="1" y1="5" x2="25" y2="5" stroke={FATES[f].color} strokeWidth="3" strokeDasharray={FATES[f].dash || undefined} /></svg>
            {fateText(f)}
          </li>
        ))}
      </ul>
      {last === 0 ? <p className="text-base">{t('st.empty')}</p> : null}
      {/* Focusable, so the arrow keys scroll a diagram wider than the drawer. */}
      <div ref={scrollRef} tabIndex={0} role="region" aria-label={t('st.scroll')} className="overflow-x-auto rounded border border-slate-200 bg-white dark:border-slate-700" data-testid="space-time-scroll">
        <svg
          ref={svgRef}
          role="figure"
          aria-label={t('st.aria', { nodes, last, round })}
          data-testid="space-time"
          data-round={round}
          width={g.width}
          height={g.height}
          className="block font-sans text-slate-900"
          onMouseLeave={() => trace.hover(null)}
        >
          <defs>
            {(Object.keys(FATES) as MessageFate[]).map((f) => (
              <marker key={f} id={`${id}-${f}`} viewBox="0 0 10 10" refX={FATES[f].marker === 'arrow' ? 9 : 5} refY="5" markerWidth="5" markerHeight="5" orient="auto-start-reverse">
                {FATES[f].marker === 'arrow'
                  ? <path d="M0,0 L10,5 L0,10 z" fill={FATES[f].color} />
                  : <path d="M1,1 L9,9 M9,1 L1,9" stroke={FATES[f].color} strokeWidth="2.5" fill="none" />}
              </marker>
            ))}
          </defs>
          {round >= 1 && <rect x={roundX(g, round)} y={g.header - 2} width={g.roundW} height={g.height - g.header} fill="#F0E442" fillOpacity="0.35" stroke="#000000" strokeWidth="1.5" data-testid="space-time-current" />}
          {Array.from({ length: nodes }, (_, n) => (
            <g key={n}>
              <line x1={g.gutter} x2={g.width - 4} y1={laneY(g, n)} y2={laneY(g, n)} stroke="#B8B8B8" strokeWidth="1" />
              <text x={g.gutter - 4} y={laneY(g, n) + 4} fontSize={Math.min(12, g.laneH - 1)} textAnchor="end" fill="#111827">{n}</text>
            </g>
          ))}
          {Array.from({ length: last }, (_, i) => i + 1).map((r) => (
            <line key={r} x1={roundX(g, r)} x2={roundX(g, r)} y1={g.header} y2={g.height} stroke="#E2E8F0" strokeWidth="1" />
          ))}
          {Array.from({ length: last }, (_, i) => i + 1).map((r) => (
            <g key={r} role="button" tabIndex={0} aria-label={t('st.roundButton', { round: r })} className="cursor-pointer"
              onClick={() => session.seekTo(r)}
              onKeyDown={(e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); session.seekTo(r); } }}>
              <rect x={roundX(g, r) + 1} y={0} width={g.roundW - 2} height={g.header - 3} fill={r === round ? '#000000' : '#E2E8F0'} rx="3" />
              <text x={roundX(g, r) + g.roundW / 2} y={g.header - 8} fontSize="11" textAnchor="middle" fill={r === round ? '#FFFFFF' : '#111827'} fontWeight="700">{r}</text>
            </g>
          ))}
          {Array.from({ length: last }, (_, i) => i + 1).map((r) => {
            const batch = log[r];
            return batch ? <RoundArrows key={r} batch={batch} round={r} reach={roundReach(batch, last)} nodes={nodes} markers={id} trace={trace} t={t} /> : null;
          })}
          {hov && (
            <g pointerEvents="none" data-testid="space-time-hovered" data-from={hov.from} data-to={hov.to} data-round={hov.round}>
              <line x1={hov.x1} y1={hov.y1} x2={hov.x2} y2={hov.y2} stroke="#000000" strokeWidth="6" strokeLinecap="round" />
              <line x1={hov.x1} y1={hov.y1} x2={hov.x2} y2={hov.y2} stroke={FATES[hov.fate].color} strokeWidth="3.5" strokeDasharray={FATES[hov.fate].dash || undefined} markerEnd={`url(#${id}-${hov.fate})`} />
            </g>
          )}
        </svg>
      </div>
      {hov && <p className="text-sm" aria-live="polite">{t('st.message', { round: hov.round, from: hov.from, to: hov.to, fate: fateText(hov.fate) })}</p>}
      <div><button type="button" className={`${btn.base} ${btn.secondary}`} onClick={exportSvg} disabled={last === 0}>{t('st.export')}</button></div>
    </div>
  );
}

/**
 * One round's arrows. Memoised on the round's batch and how far its arrows reach: a long
 * membership run holds thousands of arrows, and redrawing them all every round slowed the
 * play loop to a few rounds a second; now a new round draws only its own.
 */
const RoundArrows = memo(function RoundArrows({ batch, round, reach, nodes, markers, trace, t }: {
  batch: MessageBatch;
  round: number;
  reach: number;
  nodes: number;
  /** The id prefix of the diagram's arrow-head markers. */
  markers: string;
  trace: SpaceTimeViews;
  t: TFunction<'trace'>;
}): JSX.Element {
  const g = spaceTimeGeometry(nodes, reach);
  return (
    <>
      {roundMessages(g, batch, round, reach).map((m) => (
        <g key={m.index} onMouseEnter={() => trace.hover({ round: m.round, index: m.index })}>
          <line
            x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2}
            stroke={FATES[m.fate].color}
            strokeWidth={m.fate === 'useful' ? 2 : 1.5}
            strokeDasharray={FATES[m.fate].dash || undefined}
            markerEnd={`url(#${markers}-${m.fate})`}
            data-fate={m.fate}
            data-from={m.from}
            data-to={m.to}
            data-round={m.round}
          />
          {/* A wider invisible stroke: a 1.5 px line is hard to rest a pointer on. */}
          <line x1={m.x1} y1={m.y1} x2={m.x2} y2={m.y2} stroke="transparent" strokeWidth="7" data-hit="message">
            <title>{t('st.message', { round: m.round, from: m.from, to: m.to, fate: t(`st.${m.fate}`) })}</title>
          </line>
        </g>
      ))}
    </>
  );
});
