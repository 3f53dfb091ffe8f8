import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { spreadTraceStore, useTrace } from '../../store/trace-store';

/**
 * The selected node's "who told whom": the path the shown key's version took from its writer,
 * one hop per line with its round (the same hops are drawn over the graph in purple).
 */
export function TracePathPanel(): JSX.Element | null {
  const { t } = useTranslation('trace');
  const selected = useTrace(spreadTraceStore, (s) => s.selected);
  const path = useTrace(spreadTraceStore, (s) => s.path);
  if (selected === null) return null;
  let body: JSX.Element;
  if (!path || (path.origin === null && path.hops.length === 0)) body = <p>{t('path.none', { node: selected })}</p>;
  else if (path.origin === null) body = <p>{t('path.unknown', { node: selected })}</p>;
  else if (path.hops.length === 0) body = <p>{t('path.self', { node: selected, round: path.writtenAt })}</p>;
  else {
    body = (
      <>
        <p>{t('path.wrote', { node: path.origin, round: path.writtenAt })}</p>
        <ol aria-label={t('path.title')} data-testid="trace-path" className="flex flex-col gap-0.5 tabular-nums">
          {path.hops.map((h) => (
            <li key={`${h.round}-${h.to}`} aria-label={t('path.hopLabel', { ...h })} data-from={h.from} data-to={h.to} data-round={h.round} className="whitespace-nowrap">
              <span aria-hidden="true" className="mr-1.5 inline-block h-1 w-4 rounded-sm bg-gossip-selected align-middle" />
              {t('path.hop', { ...h })}
            </li>
          ))}
        </ol>
        <p className="text-slate-600 dark:text-slate-300">{t('path.length', { count: path.hops.length })}</p>
      </>
    );
  }
  return (
    <div className="mt-1 border-t border-slate-200 pt-2 text-base dark:border-slate-700">
      <h3 className="mb-1 font-semibold">{t('path.title')}</h3>
      {body}
    </div>
  );
}
