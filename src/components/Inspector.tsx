import { useState, type JSX } from 'react';
import { versionCodec } from '../engine/versions';
import { versionLabel } from '../view/version-label';
import { groupColor } from '../theme/palette';
import { useSession } from '../hooks/useSession';
import { selectNodes, selectSelectedInfo } from '../store/selectors';
import { useGossip } from '../store/store';
import { btn, field, panel, sectionTitle } from './ui-classes';
import { useTranslation } from 'react-i18next';
import { TracePathPanel } from './trace/TracePathPanel';

/** How fresh a node's version is, as the graph colours it (its name: details:inspector.<label>). */
function freshness(version: number, latest: number): { label: 'nothing' | 'latest' | 'older'; swatch: string } {
  if (version === 0) return { label: 'nothing', swatch: 'bg-gossip-none dark:bg-gossip-none-dark' };
  if (version === latest) return { label: 'latest', swatch: 'bg-gossip-latest' };
  return { label: 'older', swatch: 'bg-gossip-older' };
}

/** The selected node: what it knows, whether it is up, its group and its message counts. */
export function Inspector(): JSX.Element {
  const { t } = useTranslation('details');
  const session = useSession();
  const info = useGossip(selectSelectedInfo);
  const nodes = useGossip(selectNodes);
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const codec = versionCodec(nodes);

  const pick = (text: string) => {
    setDraft(text);
    const n = Number(text);
    if (text.trim() === '') return setProblem(null);
    if (Number.isInteger(n) && n >= 0 && n < nodes) {
      setProblem(null);
      session.select(n);
    } else setProblem(t('inspector.noNode', { text, max: nodes - 1 }));
  };

  return (
    <section aria-labelledby="inspector-title" className={panel}>
      <h2 id="inspector-title" className={sectionTitle}>{t('inspector.title')}</h2>
      <div className="mb-2 flex items-center gap-2">
        <label htmlFor="inspect-node" className="shrink-0 text-sm font-semibold">{t('inspector.inspect')}</label>
        <input
          id="inspect-node"
          type="number"
          min={0}
          max={nodes - 1}
          className={`${field} w-24`}
          value={info && draft === '' ? String(info.node) : draft}
          onChange={(e) => pick(e.target.value)}
          onBlur={() => {
            setDraft('');
            setProblem(null);
          }}
          aria-describedby={problem ? 'inspect-node-problem' : undefined}
          aria-invalid={problem !== null}
        />
      </div>
      {problem && <p id="inspect-node-problem" role="alert" className="mb-2 text-sm text-red-700 dark:text-red-300">{problem}</p>}
      {!info ? (
        <p className="text-base text-slate-600 dark:text-slate-300">{t('inspector.empty')}</p>
      ) : (
        <div className="flex flex-col gap-2 text-base">
          <p className="text-xl font-bold">{t('inspector.node', { node: info.node })}</p>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
            <dt className="font-semibold">{t('inspector.knows')}</dt>
            <dd>
              <ul>
                {info.versions.map((v, k) => {
                  const f = freshness(v, info.latest[k] ?? 0);
                  return (
                    <li key={k}>
                      <span aria-hidden="true" className={`mr-1.5 inline-block h-3.5 w-3.5 rounded-full align-[-2px] ${f.swatch}`} />
                      {info.versions.length > 1 ? t('inspector.key', { key: k }) : ''}
                      <span className="whitespace-nowrap">{versionLabel(codec, v)}</span>{' '}
                      <span className="whitespace-nowrap text-slate-600 dark:text-slate-300">({t(`inspector.${f.label}`)})</span>
                    </li>
                  );
                })}
              </ul>
            </dd>
            {info.rumor && (
              <>
                <dt className="font-semibold">{t('inspector.rumor')}</dt>
                <dd>{t(`inspector.${info.rumor}`)}</dd>
              </>
            )}
            <dt className="font-semibold">{t('inspector.alive')}</dt>
            <dd className={info.alive ? '' : 'font-semibold text-gossip-dropped'}>{info.alive ? t('inspector.yes') : t('inspector.crashedNo')}</dd>
            <dt className="font-semibold">{t('inspector.group')}</dt>
            <dd className="flex items-center gap-2">
              {info.group > 0 && <span aria-hidden="true" className="inline-block h-3.5 w-3.5 rounded-sm" style={{ background: groupColor(info.group) }} />}
              {info.group > 0 ? t('inspector.groupN', { group: info.group }) : t('inspector.noGroup')}
            </dd>
            <dt className="font-semibold">{t('inspector.messages')}</dt>
            <dd className="tabular-nums">
              {info.sent === null ? '…' : t('inspector.counts', { sent: info.sent, received: info.received })}
            </dd>
          </dl>
          <TracePathPanel />
          <button type="button" className={`${btn.base} ${info.alive ? btn.secondary : btn.primary}`} onClick={() => session.toggleCrash(info.node)}>
            {info.alive ? t('inspector.crash') : t('inspector.recover')}
          </button>
        </div>
      )}
    </section>
  );
}
