import type { CSSProperties, JSX } from 'react';
import { oneWayCuts } from '../session/cluster-actions';
import { selectLinks, selectRunConfig } from '../store/selectors';
import { useGossip } from '../store/store';
import { palette } from '../theme/palette';
import { panel, sectionTitle } from './ui-classes';
import { useTranslation } from 'react-i18next';

function Dot({ className, style }: { className?: string; style?: CSSProperties }): JSX.Element {
  return <span aria-hidden="true" className={`inline-block h-4 w-4 shrink-0 rounded-full ${className ?? ''}`} style={style} />;
}

function Crashed(): JSX.Element {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="shrink-0 text-slate-900 dark:text-slate-100">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.75" />
      <path d="M4.5 4.5l7 7M11.5 4.5l-7 7" stroke="currentColor" strokeWidth="1.75" />
    </svg>
  );
}

function Arrow({ color, dashed }: { color: string; dashed?: boolean }): JSX.Element {
  return (
    <svg aria-hidden="true" width="24" height="12" viewBox="0 0 24 12" className="shrink-0">
      <line x1="1" y1="6" x2="18" y2="6" stroke={color} strokeWidth="3" strokeDasharray={dashed ? '4 3' : undefined} />
      <path d="M16 1.5 23 6l-7 4.5z" fill={color} />
    </svg>
  );
}

function Ringed({ pulse }: { pulse: boolean }): JSX.Element {
  return (
    <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" className="shrink-0">
      <circle cx="8" cy="8" r="4" fill={palette.latest} />
      {pulse && <circle cx="8" cy="8" r="6.75" fill="none" stroke={palette.infective} strokeWidth="2.5" />}
    </svg>
  );
}

function OneWay(): JSX.Element {
  return (
    <svg aria-hidden="true" width="24" height="16" viewBox="0 0 24 16" className="shrink-0 text-slate-900 dark:text-slate-100">
      <line x1="1" y1="4" x2="18" y2="4" stroke={palette.message.dropped} strokeWidth="2.5" strokeDasharray="4 3" />
      <path d="M16 1.5l5 5M21 1.5l-5 5" stroke={palette.message.dropped} strokeWidth="2" />
      <line x1="8" y1="12" x2="23" y2="12" stroke="currentColor" strokeWidth="2.5" />
      <path d="M1 12l7-4v8z" fill="currentColor" />
    </svg>
  );
}

/** What the graph's colours and shapes mean; the same palette as the canvas and the charts. */
export function Legend(): JSX.Element {
  const { t } = useTranslation('details');
  const rumor = useGossip(selectRunConfig).protocol === 'rumor';
  const oneWay = oneWayCuts(useGossip(selectLinks)).length > 0;
  const items: [JSX.Element, string][] = [
    ...(rumor ? ([[<Ringed pulse />, t('legend.infective')], [<Ringed pulse={false} />, t('legend.removed')]] as [JSX.Element, string][]) : []),
    [<Dot className="bg-gossip-latest" />, t('legend.latest')],
    [<Dot className="bg-gossip-older" />, t('legend.older')],
    [<Dot className="bg-gossip-none dark:bg-gossip-none-dark" />, t('legend.nothing')],
    [<Crashed />, t('legend.crashed')],
    [<span className="flex shrink-0 gap-0.5">{palette.groups.slice(0, 2).map((c) => <Dot key={c} style={{ background: c, opacity: 0.45 }} />)}</span>, t('legend.groups')],
    [<Arrow color={palette.message.useful} />, t('legend.useful')],
    [<Arrow color={palette.message.redundant} />, t('legend.redundant')],
    [<Arrow color={palette.message.dropped} dashed />, t('legend.dropped')],
    ...(oneWay ? ([[<OneWay />, t('legend.oneWay')]] as [JSX.Element, string][]) : []),
  ];
  return (
    <section aria-labelledby="legend-title" className={panel}>
      <h2 id="legend-title" className={sectionTitle}>{t('legend.title')}</h2>
      <ul className="grid grid-cols-1 gap-1 text-sm">
        {items.map(([icon, label]) => (
          <li key={label} className="flex items-center gap-2">
            {icon}
            {label}
          </li>
        ))}
      </ul>
    </section>
  );
}
