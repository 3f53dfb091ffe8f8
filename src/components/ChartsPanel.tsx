import type { JSX } from 'react';
import { useChartData } from '../hooks/useChartData';
import { selectTheme } from '../store/selectors';
import { useGossip } from '../store/store';
import { InformedChart } from './charts/InformedChart';
import { MessagesChart } from './charts/MessagesChart';

/** The run over time: how much of the cluster is informed, and what the messages did. */
const box = 'min-w-0 rounded-lg border border-slate-200 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900';

/** `stacked`: one chart above the other, for the narrow side drawer. */
export function ChartsPanel({ stacked = false }: { stacked?: boolean }): JSX.Element {
  const theme = useGossip(selectTheme);
  const { points, messages, theory, reference, note, detail, theoryLabel, cursor } = useChartData();
  return (
    <div className={`grid gap-3 ${stacked ? 'grid-cols-1' : 'grid-cols-2'}`}>
      <section id="chart-informed" aria-label="Informed nodes per round" className={box}>
        <InformedChart points={points} theory={theory} reference={reference} theoryLabel={theoryLabel} note={note} detail={detail} theme={theme} cursor={cursor} />
      </section>
      <section id="chart-messages" aria-label="Messages per round" className={box}>
        <MessagesChart points={messages} theme={theme} cursor={cursor} />
      </section>
    </div>
  );
}
