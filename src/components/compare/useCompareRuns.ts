import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { runLabels } from '../../run/run-labels';
import { toLogged } from '../../run/schedule';
import { selectKept, useCompare, type KeptRun } from '../../store/compare-store';
import { useGossip, type GossipState } from '../../store/store';
import { curvePoint, runStats, type CurvePoint, type RunStats } from '../../lab/run-curve';
import { keptStyle } from '../charts/chart-theme';

export interface ComparedRun {
  run: KeptRun;
  label: string;
  color: string;
  dash: string;
  stats: RunStats | null;
}

const selectCurrent = (s: GossipState) => ({ config: s.runConfig, schedule: s.schedule, history: s.history });

/**
 * The kept runs as Compare shows them — named by what differs among the runs compared, styled
 * in keeping order, with their table figures — and the current run's name and figures.
 */
export function useCompareRuns(theme: 'light' | 'dark'): { runs: ComparedRun[]; current: { label: string; curve: CurvePoint[]; stats: RunStats; played: boolean } } {
  // Labels are words: they follow a change of language.
  const { i18n } = useTranslation('charts');
  const language = i18n.language;
  const kept = useCompare(selectKept);
  const { config, schedule, history } = useGossip(useShallow(selectCurrent));
  const curve = useMemo(() => history.map(curvePoint), [history]);
  // Labels compare timelines action by action: worked out when the runs or the language change,
  // not every round (a 50,000-action timeline cost a fifth of the play rate).
  const labels = useMemo(
    () => runLabels([...kept.map((k) => k.spec), { config, actions: kept.length > 0 ? toLogged(schedule) : [] }], language),
    [kept, config, schedule, language],
  );
  return useMemo(() => ({
    runs: kept.map((run, i) => ({ run, label: labels[i], ...keptStyle(i, theme), stats: run.curve ? runStats(run.curve, run.spec.config.nodes) : null })),
    current: { label: labels[kept.length], curve, stats: runStats(curve, config.nodes), played: curve.some((p) => p.round > 0) },
  }), [kept, labels, config, curve, theme]);
}
