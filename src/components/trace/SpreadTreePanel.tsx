import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useSession } from '../../hooks/useSession';
import { spreadTraceStore, useTrace } from '../../store/trace-store';
import { palette } from '../../theme/palette';

/**
 * The Spread tree switch and, while it is on, how deep the tree is: nodes at each depth (the
 * writer at 0) beside the nodes newly told in each round — the same counts when every hop
 * takes a round, so "log n rounds" is the height of the left column.
 */
export function SpreadTreePanel(): JSX.Element {
  const { t } = useTranslation('trace');
  const session = useSession();
  const on = useTrace(spreadTraceStore, (s) => s.tree);
  const histogram = useTrace(spreadTraceStore, (s) => s.histogram);
  const nodes = useTrace(spreadTraceStore, (s) => s.nodes);
  return (
    <div className="flex flex-col gap-2">
      <label className="flex items-center gap-2 text-base font-semibold">
        <input type="checkbox" role="switch" className="h-5 w-5" checked={on} onChange={(e) => session.trace.setTree(e.target.checked)} aria-describedby="spread-tree-help" />
        {t('tree.toggle')}
      </label>
      <p id="spread-tree-help" className="text-sm text-slate-600 dark:text-slate-300">{t('tree.help')}</p>
      {on && histogram && (histogram.length <= 1 ? <p>{t('tree.empty')}</p> : <DepthBars histogram={histogram} nodes={nodes} />)}
    </div>
  );
}

function DepthBars({ histogram, nodes }: { histogram: number[]; nodes: number }): JSX.Element {
  const { t } = useTranslation('trace');
  const round = useTrace(spreadTraceStore, (s) => s.round);
  const max = Math.max(...histogram);
  const depth = histogram.length - 1;
  return (
    <figure className="flex flex-col gap-1" data-testid="depth-histogram">
      <figcaption className="text-sm font-bold">{t('tree.histTitle')}</figcaption>
      <ul className="flex flex-col gap-0.5">
        {histogram.map((count, d) => (
          <li key={d} className="grid grid-cols-[4.5rem_1fr_2.5rem] items-center gap-1.5 text-sm tabular-nums" aria-label={t('tree.bar', { label: t('tree.depth', { depth: d }), count })}>
            <span aria-hidden="true">{t('tree.depth', { depth: d })}</span>
            <span aria-hidden="true" className="h-3 rounded-sm" style={{ width: `${Math.max(2, (count / max) * 100)}%`, background: palette.latest }} />
            <span aria-hidden="true" className="text-right">{formatNumber(count)}</span>
          </li>
        ))}
      </ul>
      <p className="text-sm">{t('tree.summary', { depth, log: formatNumber(Math.log2(Math.max(2, nodes)), 1), rounds: round })}</p>
    </figure>
  );
}
