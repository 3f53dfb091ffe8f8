import { useId, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../hooks/useSession';
import { describePair } from '../session/cluster-actions';
import { selectLinks, selectNodes, selectPartition } from '../store/selectors';
import { useGossip } from '../store/store';
import { btn, field, fieldLabel } from './ui-classes';

/**
 * Cutting into k slices, and — once there are groups — shaping the links between two of
 * them: a one-way cut, a cut both ways, open links, and loss on the link.
 */
export function PartitionTools(): JSX.Element {
  const { t } = useTranslation('controls');
  const session = useSession();
  const partition = useGossip(selectPartition);
  const links = useGossip(selectLinks);
  const nodes = useGossip(selectNodes);
  const [k, setK] = useState('3');
  const [pickA, setPickA] = useState(1);
  const [pickB, setPickB] = useState(2);
  const [loss, setLoss] = useState('0');
  const kId = useId(), aId = useId(), bId = useId(), lossId = useId();

  const groups = partition ? partition.flatMap((size, g) => (size > 0 ? [g] : [])) : [];
  const a = groups.includes(pickA) ? pickA : groups[0] ?? 1;
  const b = groups.includes(pickB) && pickB !== a ? pickB : groups.find((g) => g !== a) ?? 2;
  const label = (g: number) => t(g === 0 ? 'partition.groupRest' : 'partition.group', { group: g, count: partition?.[g] ?? 0 });
  const maxK = Math.min(8, nodes);

  return (
    <div className="mt-3 flex flex-col gap-2">
      <div className="flex items-end gap-2">
        <div className="flex w-20 flex-col gap-0.5">
          <label htmlFor={kId} className={fieldLabel}>{t('partition.splitInto')}</label>
          <input id={kId} type="number" inputMode="numeric" min={2} max={maxK} className={field} value={k} onChange={(e) => setK(e.target.value)} />
        </div>
        <button
          type="button"
          className={`${btn.base} ${btn.secondary} flex-1`}
          onClick={() => session.splitInto(Number(k))}
          title={t('partition.splitGroupsTitle')}
        >
          {t('partition.splitGroups')}
        </button>
      </div>
      {partition && groups.length >= 2 && (
        <fieldset className="flex flex-col gap-2 rounded-md border border-slate-200 p-2 dark:border-slate-700">
          <legend className="px-1 text-sm font-bold">{t('partition.links')}</legend>
          <div className="grid grid-cols-2 gap-2">
            <div className="flex min-w-0 flex-col gap-0.5">
              <label htmlFor={aId} className={fieldLabel}>{t('partition.groupA')}</label>
              <select id={aId} className={field} value={a} onChange={(e) => setPickA(Number(e.target.value))}>
                {groups.map((g) => <option key={g} value={g}>{label(g)}</option>)}
              </select>
            </div>
            <div className="flex min-w-0 flex-col gap-0.5">
              <label htmlFor={bId} className={fieldLabel}>{t('partition.groupB')}</label>
              <select id={bId} className={field} value={b} onChange={(e) => setPickB(Number(e.target.value))}>
                {groups.filter((g) => g !== a).map((g) => <option key={g} value={g}>{label(g)}</option>)}
              </select>
            </div>
            <button type="button" className={`${btn.base} ${btn.secondary} col-span-2 px-2 text-sm`} onClick={() => session.setLinks(a, b, 'one-way')} title={t('partition.blockOneWayTitle')}>
              {t('partition.blockOneWay')}
            </button>
            <button type="button" className={`${btn.base} ${btn.secondary} px-2 text-sm`} onClick={() => session.setLinks(a, b, 'both')} title={t('partition.blockBothTitle')}>
              {t('partition.blockBoth')}
            </button>
            <button type="button" className={`${btn.base} ${btn.secondary} px-2 text-sm`} onClick={() => session.setLinks(a, b, 'open')} title={t('partition.openBothTitle')}>
              {t('partition.openBoth')}
            </button>
          </div>
          <div className="flex items-center gap-1.5">
            <label htmlFor={lossId} className={`${fieldLabel} shrink-0`}>{t('partition.linkLoss')}</label>
            <input
              id={lossId}
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              step={10}
              className={`${field} w-20`}
              value={loss}
              onChange={(e) => {
                setLoss(e.target.value);
                const v = Number(e.target.value);
                if (e.target.value.trim() !== '' && v >= 0 && v <= 100) session.setLinkLoss(a, b, v);
              }}
            />
            <span aria-hidden="true" className="font-semibold">%</span>
            <span className="text-sm text-slate-600 dark:text-slate-300">{t('partition.bothWays')}</span>
          </div>
          <p className="text-sm tabular-nums" aria-live="polite">{describePair(a, b, links)}</p>
        </fieldset>
      )}
    </div>
  );
}
