import type { JSX } from 'react';
import { useTranslation } from 'react-i18next';
import { selectStory } from '../store/selectors';
import { useGossip } from '../store/store';
import { panel } from './ui-classes';

/** The caption of a scripted preset: its steps, the current one, and what to look at now. */
export function StoryPanel(): JSX.Element | null {
  useTranslation(); // re-render on a language switch (the story's next beat is told in the new language)
  const story = useGossip(selectStory);
  if (!story) return null;
  return (
    <section aria-labelledby="story-title" className={`${panel} ${story.awaitingHeal ? 'border-amber-400 ring-4 ring-amber-300 dark:ring-amber-700' : ''}`}>
      <h2 id="story-title" className="text-lg font-bold">{story.title}</h2>
      <ol className="mt-1 flex flex-col gap-0.5 text-sm">
        {story.steps.map((s, i) => (
          <li
            key={s}
            aria-current={i === story.step ? 'step' : undefined}
            className={i === story.step ? 'font-bold text-sky-800 dark:text-sky-300' : i < story.step ? 'text-slate-500 line-through dark:text-slate-400' : 'text-slate-700 dark:text-slate-300'}
          >
            {i + 1}. {s}
          </li>
        ))}
      </ol>
      <p aria-live="polite" className={`mt-2 ${story.awaitingHeal ? 'text-lg font-bold' : 'text-base'}`}>
        {story.caption}
      </p>
    </section>
  );
}
