import type { JSX } from 'react';
import { useLessonText } from '../../hooks/useLessons';

/** The shortcuts list's row for the lesson keys. */
export function LessonShortcutRow(): JSX.Element {
  const t = useLessonText();
  return (
    <tr className="border-t border-slate-200 dark:border-slate-700">
      <th scope="row" className="py-1.5 pr-6 text-left font-mono font-semibold whitespace-nowrap">{t('keys.keys')}</th>
      <td className="py-1.5">{t('keys.what')}</td>
    </tr>
  );
}
