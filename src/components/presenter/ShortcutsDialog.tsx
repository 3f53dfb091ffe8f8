import type { JSX } from 'react';
import { LessonShortcutRow } from '../lessons/LessonShortcutRow';
import { Dialog } from './Dialog';

/** Every key the page answers to, for a presenter with a keyboard or a clicker. */
export const SHORTCUTS: readonly (readonly [keys: string, what: string])[] = [
  ['Space', 'Play or pause'],
  ['→ or Page Down', 'Next round (a clicker\'s "next")'],
  ['← or Page Up', 'Back one round (time travel; a clicker\'s "back")'],
  ['R', 'Reset: the run again from round 0'],
  ['F', 'Presenter mode on or off (full screen)'],
  ['Esc', 'Leave presenter mode, split or lasso mode, or clear the selection'],
  ['Shift + click', 'Crash or recover a node'],
  ['Shift + arrows, + and −', 'Pan and zoom the focused graph'],
  ['?', 'This list'],
];

export function ShortcutsDialog({ onClose }: { onClose(): void }): JSX.Element {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose}>
      <table className="w-full text-lg">
        <tbody>
          {SHORTCUTS.map(([keys, what]) => (
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
