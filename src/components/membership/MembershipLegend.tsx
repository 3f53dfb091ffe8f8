import type { JSX } from 'react';
import { groupColor } from '../../theme/palette';
import { selectResolved, useMembership } from '../../store/membership-store';
import { panel, sectionTitle } from '../ui-classes';
import { useTranslation } from 'react-i18next';
import {
  DROPPED_COLOR, LEGEND_KINDS, MESSAGE_STYLES, SUSPECT_RING, WRONG_BUCKETS, WRONG_COLORS,
  type HeadShape, type MessageStyle, type Theme,
} from '../../view/membership-style';

const INK = { light: '#1A1A1A', dark: '#F2F2F2' } as const;

function Head({ shape, color, x, y }: { shape: HeadShape; color: string; x: number; y: number }): JSX.Element {
  const s = 3.5;
  switch (shape) {
    case 'circle': return <circle cx={x} cy={y} r={s} fill={color} stroke="currentColor" strokeWidth={0.8} />;
    case 'square': return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={color} stroke="currentColor" strokeWidth={0.8} />;
    case 'diamond': return <path d={`M${x} ${y - 5}L${x + 5} ${y}L${x} ${y + 5}L${x - 5} ${y}Z`} fill={color} stroke="currentColor" strokeWidth={0.8} />;
    case 'triangle': return <path d={`M${x} ${y - 5}L${x + 4.5} ${y + 3.5}L${x - 4.5} ${y + 3.5}Z`} fill={color} stroke="currentColor" strokeWidth={0.8} />;
  }
}

function Line({ style }: { style: MessageStyle }): JSX.Element {
  return (
    <svg aria-hidden="true" width="40" height="14" viewBox="0 0 40 14" className="shrink-0">
      <line x1="1" y1="7" x2="32" y2="7" stroke={style.color} strokeWidth={style.width + 0.5} strokeDasharray={style.dash.join(' ') || undefined} />
      <Head shape={style.head} color={style.color} x={33} y={7} />
    </svg>
  );
}

function NodeIcon({ fill, crashed, ring, theme }: { fill: string; crashed?: boolean; ring?: 'suspect' | 'group'; theme: Theme }): JSX.Element {
  return (
    <svg aria-hidden="true" width="22" height="22" viewBox="0 0 22 22" className="shrink-0">
      {ring === 'group' && <circle cx="11" cy="11" r="10" fill={groupColor(1)} opacity={0.35} />}
      {crashed ? (
        <>
          <circle cx="11" cy="11" r="6.5" fill="none" stroke={INK[theme]} strokeWidth="3.4" />
          <path d="M7.5 7.5l7 7M14.5 7.5l-7 7" stroke={INK[theme]} strokeWidth="3.4" />
          <circle cx="11" cy="11" r="6.5" fill="none" stroke={fill} strokeWidth="1.8" />
          <path d="M7.5 7.5l7 7M14.5 7.5l-7 7" stroke={fill} strokeWidth="1.8" />
        </>
      ) : (
        <circle cx="11" cy="11" r="6" fill={fill} stroke={INK[theme]} strokeWidth="1" />
      )}
      {ring === 'suspect' && <circle cx="11" cy="11" r="9.5" fill="none" stroke={SUSPECT_RING} strokeWidth="2" strokeDasharray="3 2" />}
    </svg>
  );
}

/** What the membership graph's colours, rings and message lines mean. */
export function MembershipLegend({ theme }: { theme: Theme }): JSX.Element {
  const { t } = useTranslation('membership');
  const protocol = useMembership(selectResolved)?.protocol ?? 'swim';
  const kinds = LEGEND_KINDS[protocol];
  return (
    <section aria-labelledby="m-legend-title" className={panel}>
      <h2 id="m-legend-title" className={sectionTitle}>{t('legend.title')}</h2>
      <p className="mb-1 text-sm font-semibold">{t('legend.wrongShare')}</p>
      <ul className="grid grid-cols-2 gap-x-2 gap-y-1 text-sm">
        {WRONG_BUCKETS.map((b, i) => (
          <li key={b.label} className="flex items-center gap-1.5">
            <NodeIcon fill={WRONG_COLORS[i]} theme={theme} />
            {b.label}
          </li>
        ))}
      </ul>
      <ul className="mt-1 grid grid-cols-1 gap-y-1 text-sm">
        <li className="flex items-center gap-1.5"><NodeIcon fill={WRONG_COLORS[3]} crashed theme={theme} />{t('legend.crashedRing')}</li>
        <li className="flex items-center gap-1.5"><NodeIcon fill={INK[theme]} crashed theme={theme} />{t('legend.crashedKnown')}</li>
        <li className="flex items-center gap-1.5"><NodeIcon fill={WRONG_COLORS[0]} ring="suspect" theme={theme} />{t('legend.suspected')}</li>
        <li className="flex items-center gap-1.5"><NodeIcon fill={WRONG_COLORS[0]} ring="group" theme={theme} />{t('legend.side')}</li>
      </ul>
      <p className="mt-2 mb-1 text-sm font-semibold">{t(protocol === 'swim' ? 'legend.messagesSwim' : 'legend.messagesHeartbeat')}</p>
      <ul className="grid grid-cols-1 gap-y-0.5 text-sm" style={{ color: INK[theme] }}>
        {kinds.map((k) => (
          <li key={k} className="flex items-center gap-1.5">
            <Line style={MESSAGE_STYLES[k]} />
            <span className="text-slate-900 dark:text-slate-100">{k === 3 ? t('legend.indirect') : MESSAGE_STYLES[k].label}</span>
          </li>
        ))}
        {protocol === 'swim' && (
          <li className="flex items-center gap-1.5">
            <svg aria-hidden="true" width="40" height="14" viewBox="0 0 40 14" className="shrink-0">
              <circle cx="20" cy="7" r="3.5" fill={MESSAGE_STYLES[0].color} stroke="currentColor" strokeWidth={0.8} />
              <circle cx="20" cy="7" r="6.5" fill="none" stroke={MESSAGE_STYLES[0].color} strokeWidth={1.2} />
            </svg>
            <span className="text-slate-900 dark:text-slate-100">{t('legend.piggyback')}</span>
          </li>
        )}
        <li className="flex items-center gap-1.5">
          <svg aria-hidden="true" width="40" height="14" viewBox="0 0 40 14" className="shrink-0">
            <line x1="1" y1="7" x2="22" y2="7" stroke={MESSAGE_STYLES[0].color} strokeWidth={2} />
            <path d="M20 2l8 10M28 2l-8 10" stroke={DROPPED_COLOR} strokeWidth={2} />
          </svg>
          <span className="text-slate-900 dark:text-slate-100">{t('legend.dropped')}</span>
        </li>
      </ul>
    </section>
  );
}
