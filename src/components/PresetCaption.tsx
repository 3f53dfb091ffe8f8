import type { JSX } from 'react';
import { needsRebuild } from '../run/form';
import { selectPreset, selectRunConfig } from '../store/selectors';
import { useGossip } from '../store/store';
import { panel } from './ui-classes';

/** The loaded preset's two lines: what to watch. */
export function PresetCaption(): JSX.Element | null {
  const preset = useGossip(selectPreset);
  const run = useGossip(selectRunConfig);
  if (!preset) return null;
  const changed = needsRebuild(preset.config, run);
  return (
    <section aria-labelledby="preset-title" className={`${panel} border-sky-300 dark:border-sky-800`}>
      <h2 id="preset-title" className="text-lg font-bold">{preset.title}</h2>
      <p className="mt-1 text-sm 2xl:text-base">{preset.caption[0]}</p>
      <p className="mt-1 text-sm font-semibold 2xl:text-base">{preset.caption[1]}</p>
      {changed && <p className="mt-1 text-sm italic text-slate-600 dark:text-slate-300">The settings now differ from the preset's, so the run may tell another story.</p>}
    </section>
  );
}
