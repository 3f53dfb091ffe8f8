import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleEntry } from '../../run/schedule';
import { TimelineRow } from './TimelineRow';

/** A one-line row with its phase under it (measured: 46.75 px); rows are measured, this sizes the rest. */
const ESTIMATED_ROW_PX = 47;
const GAP_PX = 4;
/** The list's height when it has more than fits (14rem, as before it was virtual). */
const MAX_HEIGHT_PX = 224;

/**
 * The timeline's entries as a virtual list (@tanstack/react-virtual): only the rows in view
 * (and a few either side) are in the page, so 50,000 planned actions cost a play round no more
 * than 50. The list itself does not follow the round — each row follows its own phase — so a
 * round re-renders at most the rows in view that count down. The rows stay direct children of
 * the `<ol>` (padding stands for the rows out of view), so it remains a list to assistive
 * technology, and each row says its place in the whole (`aria-posinset`/`aria-setsize`).
 */
export function TimelineList({ entries, onRemove }: { entries: readonly ScheduleEntry[]; onRemove(id: number): void }): JSX.Element {
  const { t } = useTranslation('timeline');
  const scroller = useRef<HTMLDivElement>(null);
  // The page does not use the React Compiler; the virtualizer re-renders this list itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtual = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    getItemKey: (i) => entries[i].id,
    gap: GAP_PX,
    overscan: 6,
  });
  const rows = virtual.getVirtualItems();
  const before = rows.length > 0 ? rows[0].start : 0;
  const after = rows.length > 0 ? virtual.getTotalSize() - rows[rows.length - 1].end : 0;
  return (
    // A set height, not a max-height: the rows out of view are not in the page, so the content
    // cannot size the viewport the virtualizer needs to know which rows to render.
    // Focusable, so the keyboard scrolls it (arrows, Page Down): Tab reaches only the rows rendered.
    <div
      ref={scroller}
      tabIndex={0}
      className="overflow-y-auto rounded focus-visible:outline-2 focus-visible:outline-sky-700"
      style={{ height: Math.min(virtual.getTotalSize(), MAX_HEIGHT_PX) }}
    >
      <ol aria-label={t('panel.listLabel')} className="flex flex-col gap-1 text-sm" style={{ paddingTop: before, paddingBottom: Math.max(0, after) }}>
        {rows.map((row) => (
          <TimelineRow key={row.key} entry={entries[row.index]} index={row.index} count={entries.length} measure={virtual.measureElement} onRemove={onRemove} />
        ))}
      </ol>
    </div>
  );
}
