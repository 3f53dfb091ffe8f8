import { useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../hooks/useSession';
import { spreadTraceStore, useTrace } from '../../store/trace-store';
import { btn, field } from '../ui-classes';

/**
 * Hand-played rounds: the first rounds are played by the student — each informed node's targets
 * clicked on the graph (or typed here) instead of drawn by the PRNG — then the engine takes
 * over. Each round's choices go on the timeline, so a link or a seek replays them exactly.
 */
export function HandPlayPanel(): JSX.Element {
  const { t } = useTranslation('trace');
  const session = useSession();
  const hand = useTrace(spreadTraceStore, (s) => s.hand);
  const round = useTrace(spreadTraceStore, (s) => s.round);
  const [rounds, setRounds] = useState(3);
  const [target, setTarget] = useState('');
  const have = hand && hand.sender !== null ? hand.picks.filter(([s]) => s === hand.sender).length : 0;
  const pickTyped = (): void => {
    const n = Number(target);
    if (target.trim() === '' || !Number.isInteger(n)) return;
    session.trace.handPick(n);
    setTarget('');
  };
  return (
    <div className="flex flex-col gap-2" data-testid="hand-play">
      <div className="flex flex-wrap items-end gap-2">
        <label className="flex flex-col text-sm font-semibold">
          {t('hand.rounds')}
          <input type="number" min={1} max={10} value={rounds} className={`${field} w-20`} onChange={(e) => setRounds(Math.max(1, Math.min(10, Number(e.target.value) || 1)))} />
        </label>
        {hand
          ? <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => session.setHandPlay(null)}>{t('hand.stop')}</button>
          : <button type="button" className={`${btn.base} ${btn.primary}`} onClick={() => session.setHandPlay(rounds)}>{t('hand.start')}</button>}
      </div>
      {hand && (
        <div aria-live="polite" data-testid="hand-status" className="flex flex-col gap-2 rounded-md border-2 border-emerald-700 p-2 text-base dark:border-emerald-500">
          {hand.blocked ? <p>{hand.blocked}</p> : hand.sender !== null && (
            <>
              <p className="font-semibold">{t('hand.prompt', { round: round + 1, sender: hand.sender, have, need: hand.perSender })}</p>
              {hand.waiting > 0 && <p className="text-sm">{t('hand.waiting', { count: hand.waiting })}</p>}
              <div className="flex items-end gap-2">
                <label className="flex flex-col text-sm font-semibold">
                  {t('hand.target', { sender: hand.sender })}
                  <input type="number" min={0} className={`${field} w-24`} value={target} onChange={(e) => setTarget(e.target.value)} onKeyDown={(e) => { if (e.key === 'Enter') pickTyped(); }} />
                </label>
                <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={pickTyped}>{t('hand.pick')}</button>
                <button type="button" className={`${btn.base} ${btn.secondary}`} onClick={() => session.trace.undoPick()} disabled={hand.picks.length === 0}>{t('hand.undo')}</button>
              </div>
            </>
          )}
        </div>
      )}
    </div>
  );
}
