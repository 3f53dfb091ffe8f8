import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { spreadTraceStore, useTrace } from '../../store/trace-store';

/**
 * While a round is played by hand, a one-line prompt at the graph's foot — where the student
 * clicks — whether or not the side drawer is open (a lesson switches hand play on by itself).
 */
export function HandPlayBanner(): JSX.Element | null {
  const { t } = useTranslation('trace');
  const hand = useTrace(spreadTraceStore, (s) => s.hand);
  const round = useTrace(spreadTraceStore, (s) => s.round);
  if (!hand || hand.sender === null) return null;
  const have = hand.picks.filter(([s]) => s === hand.sender).length;
  return (
    <div className="pointer-events-none absolute bottom-2 left-2 right-40 flex justify-start" data-testid="hand-banner">
      <p aria-hidden="true" className="rounded-md border-2 border-emerald-700 bg-white/75 px-2 py-0.5 text-sm font-semibold shadow dark:border-emerald-500 dark:bg-slate-900/75">
        {t('hand.prompt', { round: round + 1, sender: hand.sender, have, need: hand.perSender })}
      </p>
    </div>
  );
}
