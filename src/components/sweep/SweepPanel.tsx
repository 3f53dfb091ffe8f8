import { useId, useMemo, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useSweep } from '../../hooks/useSweep';
import { resolveForm } from '../../run/form';
import { selectAppliedForm, selectForm, selectTheme } from '../../store/selectors';
import { useGossip } from '../../store/store';
import { btn } from '../ui-classes';
import { INITIAL_SWEEP_FORM, requestOf, type SweepFormValues } from './sweep-form-state';
import { SweepChart } from './SweepChart';
import { SweepExports } from './SweepExports';
import { SweepForm } from './SweepForm';
import { SweepProgressBar } from './SweepProgressBar';
import { SweepTable } from './SweepTable';
import { problemText, protocolName } from './sweep-words';

/**
 * Sweep a parameter over many trials, in a dialog so that it takes no room from the graph.
 * Closing the dialog leaves a sweep running (the opener shows its progress); the sweep stops
 * when the page goes.
 */
export function SweepPanel(): JSX.Element {
  const { t } = useTranslation('sweep');
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const form = useGossip(selectForm);
  const applied = useGossip(selectAppliedForm);
  const theme = useGossip(selectTheme);
  const base = useMemo(() => resolveForm(form, applied).config, [form, applied]);
  const [values, setValues] = useState<SweepFormValues>(INITIAL_SWEEP_FORM);
  const sweep = useSweep();
  const running = sweep.progress?.state === 'running' || (sweep.plan !== null && sweep.progress === null);
  const points = sweep.progress?.points ?? [];
  const pct = sweep.progress && sweep.progress.totalTrials > 0 ? Math.floor((100 * sweep.progress.doneTrials) / sweep.progress.totalTrials) : 0;
  const run = (confirmed: boolean) => sweep.start(requestOf(values, confirmed), base);
  return (
    <>
      <button type="button" className={`${btn.base} ${btn.secondary}`} aria-haspopup="dialog" onClick={() => dialog.current?.showModal()}>
        {running ? t('openerProgress', { pct }) : t('opener')}
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={titleId}
        className="m-auto max-h-[92vh] w-[min(1200px,96vw)] overflow-y-auto rounded-lg border border-slate-300 bg-white p-4 text-slate-900 shadow-xl backdrop:bg-slate-950/40 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100"
      >
        <div className="mb-2 flex items-baseline gap-3">
          <h2 id={titleId} className="text-lg font-bold">{t('title')}</h2>
          <p className="min-w-0 flex-1 text-sm text-slate-600 dark:text-slate-300">
            {t('intro', { protocol: protocolName(base.protocol), nodes: formatNumber(base.nodes), fanout: base.fanout, seed: base.seed })}
          </p>
          <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => dialog.current?.close()}>{t('close')}</button>
        </div>
        <div className="grid grid-cols-[minmax(240px,300px)_1fr] gap-4">
          <div className="flex flex-col gap-3">
            <SweepForm values={values} onChange={setValues} />
            <div className="flex gap-2">
              <button type="button" className={`${btn.base} ${btn.primary}`} disabled={running} onClick={() => run(false)}>{t('run')}</button>
              <button type="button" className={`${btn.base} ${btn.secondary}`} disabled={!running} onClick={sweep.cancel}>{t('cancel')}</button>
            </div>
            {sweep.problem && (
              <div role="alert" className="rounded border border-amber-500 bg-amber-50 p-2 text-sm dark:bg-amber-950">
                <p>{problemText(t, sweep.problem)}</p>
                {sweep.needsConfirm && (
                  <button type="button" className={`${btn.base} ${btn.attention} mt-2`} onClick={() => run(true)}>{t('runAnyway')}</button>
                )}
              </div>
            )}
            {sweep.progress && <SweepProgressBar progress={sweep.progress} workers={sweep.workers} />}
          </div>
          {sweep.plan ? (
            <div className="flex min-w-0 flex-col gap-3">
              <div className="grid grid-cols-2 gap-4">
                <SweepChart param={sweep.plan.request.param} planned={sweep.plan.points} points={points} metric="rounds" theme={theme} />
                <SweepChart param={sweep.plan.request.param} planned={sweep.plan.points} points={points} metric="messages" theme={theme} />
              </div>
              <SweepTable param={sweep.plan.request.param} planned={sweep.plan.points} points={points} />
              <SweepExports plan={sweep.plan} points={points} />
            </div>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-300">{t('hint')}</p>
          )}
        </div>
      </dialog>
    </>
  );
}
