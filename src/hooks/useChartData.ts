import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { informedPoints, messagePoints, theoryCurve } from '../store/chart-series';
import { useGossip } from '../store/store';
import type { GossipState } from '../store/store';

const selectChartInputs = (s: GossipState) => ({
  history: s.history,
  key: s.shownKey,
  config: s.runConfig,
  fanout: s.settings.fanout,
  latest: s.latest[s.shownKey] ?? 0,
  since: s.latestSince[s.shownKey] ?? 0,
  loss: s.loss,
  round: s.lastRound,
  /** The round shown while looking back at an earlier one (the charts mark it), else null. */
  cursor: s.round < s.lastRound ? s.round : null,
  partitioned: s.partition !== null,
});

/** The charts' series, recomputed only when the history or what the theory depends on changes. */
export function useChartData() {
  const i = useGossip(useShallow(selectChartInputs));
  // The theory's notes are words: they follow a change of language.
  const { i18n } = useTranslation('charts');
  const language = i18n.language;
  const live = i.history[i.history.length - 1]?.live ?? i.config.nodes;
  const points = useMemo(() => informedPoints(i.history, i.key), [i.history, i.key]);
  const messages = useMemo(() => messagePoints(i.history), [i.history]);
  const { theory, reference, note, detail, label } = useMemo(
    () => theoryCurve({ config: i.config, fanout: i.fanout, latest: i.latest, since: i.since, loss: i.loss, round: i.round, live, partitioned: i.partitioned }, language),
    [i.config, i.fanout, i.latest, i.since, i.loss, i.round, live, i.partitioned, language],
  );
  return { points, messages, theory, reference, note, detail, theoryLabel: label, cursor: i.cursor };
}
