import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../i18n';
import { useShallow } from 'zustand/react/shallow';
import { useMembership, type MembershipState } from '../../store/membership-store';
import { selectStatusLine } from '../../store/selectors';
import { useGossip, type GossipState } from '../../store/store';

/**
 * Big figures a room reads from the back row (at least 32 px), the same three places in both
 * modes: the round, the mode's own measure, the messages per node.
 */
function Readouts({ round, measure, perNode }: { round: number; measure: [label: string, value: string]; perNode: number }): JSX.Element {
  const { t } = useTranslation('presenter');
  const figures = [[t('readouts.round'), formatNumber(round)], measure, [t('readouts.perNode'), perNode.toFixed(1)]];
  return (
    <>
      {figures.map(([label, value]) => (
        <div key={label} className="flex items-baseline gap-2 whitespace-nowrap">
          <span className="text-base font-semibold text-slate-600 dark:text-slate-300">{label}</span>
          <span className="text-4xl font-bold tabular-nums">{value}</span>
        </div>
      ))}
    </>
  );
}

/** Never 0 % while someone knows, never 100 % while someone does not. */
const pct = (x: number): string => `${x > 0 && x < 0.01 ? '<1' : x < 1 && x > 0.99 ? '99' : Math.round(x * 100)}%`;

/** Messages per node so far: every message sent up to the round shown, over the nodes. */
const selectSpread = (s: GossipState) => {
  const line = selectStatusLine(s);
  let sent = 0;
  for (const m of s.history) if (m.round <= s.round) sent += m.sent;
  return { round: line.round, informed: line.informed, perNode: line.nodes > 0 ? sent / line.nodes : 0 };
};

export function SpreadReadouts(): JSX.Element {
  const { t } = useTranslation('presenter');
  const r = useGossip(useShallow(selectSpread));
  return <Readouts round={r.round} measure={[t('readouts.informed'), pct(r.informed)]} perNode={r.perNode} />;
}

const selectMembership = (s: MembershipState) => {
  const point = s.history.find((p) => p.round === s.round);
  return { round: s.round, live: s.live, nodes: s.nodes, perNode: point?.messagesPerNode ?? 0 };
};

export function MembershipReadouts(): JSX.Element {
  const { t } = useTranslation('presenter');
  const r = useMembership(useShallow(selectMembership));
  return <Readouts round={r.round} measure={[t('readouts.up'), `${r.live}/${r.nodes}`]} perNode={r.perNode} />;
}
