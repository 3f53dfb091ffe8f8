import type { JSX } from 'react';
import { LessonShortcutRow } from '../lessons/LessonShortcutRow';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../i18n';
import { Dialog } from './Dialog';

/** Every key the page answers to, for a presenter with a keyboard or a clicker (in the page's language: call it on render). */
function shortcuts(): readonly (readonly [keys: string, what: string])[] {
  const t = i18next.t;
  return [
    [t('presenter:shortcuts.space'), t('presenter:shortcuts.spaceWhat')],
    [t('presenter:shortcuts.next'), t('presenter:shortcuts.nextWhat')],
    [t('presenter:shortcuts.back'), t('presenter:shortcuts.backWhat')],
    ['R', t('presenter:shortcuts.resetWhat')],
    ['F', t('presenter:shortcuts.presentWhat')],
    ['Esc', t('presenter:shortcuts.escWhat')],
    [t('presenter:shortcuts.shiftClick'), t('presenter:shortcuts.shiftClickWhat')],
    [t('presenter:shortcuts.pan'), t('presenter:shortcuts.panWhat')],
    ['?', t('presenter:shortcuts.helpWhat')],
  ];
}

export function ShortcutsDialog({ onClose }: { onClose(): void }): JSX.Element {
  const { t } = useTranslation('presenter');
  return (
    <Dialog title={t('shortcuts.title')} onClose={onClose}>
      <table className="w-full text-lg">
        <tbody>
          {shortcuts().map(([keys, what]) => (
            <tr key={keys} className="border-t border-slate-200 dark:border-slate-700">
              <th scope="row" className="py-1.5 pr-6 text-left font-mono font-semibold whitespace-nowrap">{keys}</th>
              <td className="py-1.5">{what}</td>
            </tr>
          ))}
          <LessonShortcutRow />
        </tbody>
      </table>
    </Dialog>
  );
}
