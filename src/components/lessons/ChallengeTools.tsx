import { useId, useState, type JSX } from 'react';
import { useLessonText } from '../../hooks/useLessons';
import { useSession } from '../../hooks/useSession';
import type { ChallengeId } from '../../lessons/types';
import type { GossipState } from '../../store/store';
import { useGossip } from '../../store/store';
import { btn, field, fieldLabel } from '../ui-classes';

const selectProtocol = (s: GossipState) => s.form.protocol;
const selectFanout = (s: GossipState) => s.form.fanout;
const CHOICES = ['push', 'pull', 'push-pull'] as const;

/** The tools a challenge needs, at hand in its card; they do what the sandbox's controls do. */
export function ChallengeTools({ id }: { id: ChallengeId }): JSX.Element {
  switch (id) {
    case 'fast-and-cheap': return <ProtocolTools />;
    case 'stop-on-ring': return <CrashTools />;
    case 'split-then-heal': return <PartitionTools />;
  }
}

function ProtocolTools(): JSX.Element {
  const t = useLessonText();
  const session = useSession();
  const protocol = useGossip(selectProtocol);
  const fanout = useGossip(selectFanout);
  const id = useId();
  return (
    <div className="mt-2 grid grid-cols-2 gap-2">
      <label className="flex flex-col gap-0.5">
        <span className={fieldLabel}>{t('tools.protocol')}</span>
        <select
          className={field}
          value={CHOICES.includes(protocol as (typeof CHOICES)[number]) ? protocol : 'push'}
          onChange={(e) => session.setFormValue('protocol', e.target.value as (typeof CHOICES)[number])}
        >
          {CHOICES.map((p) => <option key={p} value={p}>{t(`tools.protocols.${p}`)}</option>)}
        </select>
      </label>
      <label className="flex flex-col gap-0.5" htmlFor={`${id}-fanout`}>
        <span className={fieldLabel}>{t('tools.fanout')}</span>
        <input id={`${id}-fanout`} type="number" min={1} max={8} className={field} value={fanout} onChange={(e) => session.setFormValue('fanout', e.target.value)} />
      </label>
    </div>
  );
}

function CrashTools(): JSX.Element {
  const t = useLessonText();
  const session = useSession();
  const [node, setNode] = useState('');
  const id = useId();
  const n = Number(node);
  const valid = node.trim() !== '' && Number.isInteger(n) && n >= 0;
  return (
    <div className="mt-2 flex items-end gap-2">
      <label className="flex w-24 shrink-0 flex-col gap-0.5" htmlFor={`${id}-node`}>
        <span className={fieldLabel}>{t('tools.node')}</span>
        <input id={`${id}-node`} type="number" min={0} className={field} value={node} onChange={(e) => setNode(e.target.value)} />
      </label>
      <button type="button" className={`${btn.base} ${btn.secondary} flex-1 whitespace-nowrap`} disabled={!valid} onClick={() => session.toggleCrash(n)} title={t('tools.crashTitle')}>
        {t('tools.crash')}
      </button>
    </div>
  );
}

function PartitionTools(): JSX.Element {
  const t = useLessonText();
  const session = useSession();
  return (
    <div className="mt-2 grid grid-cols-3 gap-2">
      <button type="button" className={`${btn.base} ${btn.secondary} px-1`} onClick={() => session.splitInHalves()}>{t('tools.split')}</button>
      <button type="button" className={`${btn.base} ${btn.secondary} px-1`} onClick={() => session.writeUpdate()} title={t('tools.writeTitle')}>{t('tools.write')}</button>
      <button type="button" className={`${btn.base} ${btn.secondary} px-1`} onClick={() => session.heal()}>{t('tools.heal')}</button>
    </div>
  );
}
