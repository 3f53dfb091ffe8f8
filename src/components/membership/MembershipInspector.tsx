import { membershipFrameSource as membershipFrames } from '../../session/page-instances';
import { useMemo, useState, useSyncExternalStore, type JSX } from 'react';
import { VIEW_STATES } from '../../engine/membership';
import { selectResolved, selectSelected, useMembership } from '../../store/membership-store';
import { panel, sectionTitle } from '../ui-classes';
import { rowOrder, wrongBelief, type SortKey } from './inspector-rows';
import { useTranslation } from 'react-i18next';

const ROW = 26;
const VISIBLE = 11;

/**
 * The selected node's membership table — `view(o, s)` for every s: state, incarnation (SWIM)
 * or heartbeat (generation, version), when it last advanced and phi (heartbeat) — against the
 * truth. Rows are windowed: 2000 rows cost the DOM of a dozen.
 */
export function MembershipInspector(): JSX.Element {
  const { t: tr } = useTranslation('membership');
  useSyncExternalStore(membershipFrames.subscribe, membershipFrames.version);
  const selected = useMembership(selectSelected);
  const resolved = useMembership(selectResolved);
  const [sortKey, setSortKey] = useState<SortKey>('state');
  const [top, setTop] = useState(0);
  const f = membershipFrames.detail();
  const t = f?.table && f.table.node === selected ? f.table : null;
  const rows = useMemo(() => (t ? rowOrder(t, sortKey) : null), [t, sortKey]);
  const heartbeat = resolved?.protocol === 'heartbeat';
  const phi = heartbeat && resolved?.heartbeat.phi;

  if (selected === null || !f) {
    return (
      <section aria-labelledby="m-inspector-title" className={panel}>
        <h2 id="m-inspector-title" className={sectionTitle}>{tr('inspector.title')}</h2>
        <p className="text-sm">{tr('inspector.empty')}</p>
      </section>
    );
  }
  const counts = [0, 0, 0, 0];
  if (t) for (let s = 0; s < t.state.length; s++) if (s !== t.node) counts[t.state[s]]++;
  const first = Math.max(0, Math.floor(top / ROW) - 2);
  const last = rows ? Math.min(rows.length, first + VISIBLE + 4) : 0;
  const cols = 3 + (heartbeat ? 1 : 0) + (phi ? 1 : 0);
  return (
    <section aria-labelledby="m-inspector-title" className={panel}>
      <h2 id="m-inspector-title" className={sectionTitle}>
        {tr(f.alive[selected] ? 'inspector.viewUp' : 'inspector.viewCrashed', { node: selected })}
      </h2>
      {t && (
        <p className="mb-1 text-sm">
          {tr('inspector.counts', { alive: counts[1], suspect: counts[2], dead: counts[3], unknown: counts[0] })}
        </p>
      )}
      <div className="max-h-72 overflow-y-auto rounded border border-slate-200 dark:border-slate-700" style={{ height: VISIBLE * ROW + 30 }} onScroll={(e) => setTop(e.currentTarget.scrollTop)}>
        <table className="w-full border-collapse text-sm tabular-nums">
          <caption className="sr-only">{tr('inspector.caption', { node: selected })}</caption>
          <thead className="sticky top-0 bg-slate-100 dark:bg-slate-800">
            <tr className="text-left">
              <th scope="col" className="px-1" aria-sort={sortKey === 'node' ? 'ascending' : 'none'}>
                <button type="button" className="font-bold underline-offset-2 hover:underline" onClick={() => setSortKey('node')}>{tr('inspector.node')}</button>
              </th>
              <th scope="col" className="px-1" aria-sort={sortKey === 'state' ? 'other' : 'none'}>
                <button type="button" className="font-bold underline-offset-2 hover:underline" onClick={() => setSortKey('state')} title={tr('inspector.stateTitle')}>{tr('inspector.state')}</button>
              </th>
              <th scope="col" className="px-1">{heartbeat ? tr('inspector.heartbeat') : tr('inspector.incarnation')}</th>
              {heartbeat && <th scope="col" className="px-1" title={tr('inspector.advancedTitle')}>{tr('inspector.advanced')}</th>}
              {phi && <th scope="col" className="px-1">{tr('inspector.phi')}</th>}
            </tr>
          </thead>
          <tbody>
            {!t || !rows ? (
              <tr><td colSpan={cols} className="px-1 py-2">{tr('inspector.loading')}</td></tr>
            ) : (
              <>
                {first > 0 && <tr aria-hidden="true" style={{ height: first * ROW }} />}
                {Array.from(rows.subarray(first, last), (s) => {
                  const st = t.state[s];
                  const isWrong = s !== t.node && f.alive[t.node] === 1 && wrongBelief(st, f.alive[s] === 1);
                  return (
                    <tr key={s} style={{ height: ROW }} className={isWrong ? 'bg-amber-100 dark:bg-amber-950' : ''}>
                      <td className="px-1">{s}{s === t.node ? tr('inspector.self') : ''}{f.alive[s] ? '' : ' ✕'}</td>
                      <td className="px-1 font-semibold">{tr(`states.${VIEW_STATES[st]}`)}{isWrong ? <span className="font-normal">{tr('inspector.wrong')}</span> : null}</td>
                      <td className="px-1">{t.incarnation[s] < 0 ? '–' : heartbeat ? `${t.incarnation[s]}:${t.version[s]}` : t.incarnation[s]}</td>
                      {heartbeat && <td className="px-1">{t.lastAdvanced[s] < 0 ? '–' : t.lastAdvanced[s]}</td>}
                      {phi && <td className="px-1">{Number.isNaN(t.phi[s]) ? '–' : t.phi[s].toFixed(1)}</td>}
                    </tr>
                  );
                })}
                {last < rows.length && <tr aria-hidden="true" style={{ height: (rows.length - last) * ROW }} />}
              </>
            )}
          </tbody>
        </table>
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">{tr(heartbeat ? 'inspector.keyHeartbeat' : 'inspector.key')}</p>
    </section>
  );
}
