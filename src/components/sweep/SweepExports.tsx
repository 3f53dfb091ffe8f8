import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadText } from '../../export/download';
import { cliCommands, sweepCsv, sweepJson } from '../../lab/sweep-export';
import type { SweepPlan } from '../../lab/sweep-plan';
import type { PointSummary } from '../../lab/sweep-stats';
import { btn } from '../ui-classes';

/** Export CSV and JSON of the finished points, and the CLI commands that print the same numbers. */
export function SweepExports({ plan, points }: { plan: SweepPlan; points: readonly (PointSummary | null)[] }): JSX.Element {
  const { t } = useTranslation('sweep');
  const any = points.some((p) => p !== null);
  const name = `gossip-sweep-${plan.request.param}`;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={!any} onClick={() => downloadText(sweepCsv(plan, points), `${name}.csv`, 'text/csv')}>
          {t('exports.csv')}
        </button>
        <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={!any} onClick={() => downloadText(sweepJson(plan, points), `${name}.json`, 'application/json')}>
          {t('exports.json')}
        </button>
      </div>
      <details>
        <summary className="cursor-pointer text-sm font-semibold">{t('exports.cliSummary')}</summary>
        {/* The commands stay English (the CLI's flags); translate="no" marks them as verbatim. */}
        <pre aria-label={t('exports.cliLabel')} translate="no" tabIndex={0} className="mt-1 max-h-32 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-800">{cliCommands(plan).join('\n')}</pre>
      </details>
    </div>
  );
}
