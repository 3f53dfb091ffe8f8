import type { JSX, ReactNode } from 'react';

/**
 * The page body both modes share, laid out for a room: the controls a teacher reaches for
 * every minute on the left, the graph taking the rest, the side drawer (folded by default) on
 * the right. On a phone the page scrolls instead: the graph on top, the controls under it,
 * then the drawer, each the full width.
 */
export function StageLayout({ controls, graph, drawer }: { controls: ReactNode; graph: ReactNode; drawer: ReactNode }): JSX.Element {
  return (
    <main className="flex flex-col gap-2 p-2 md:grid md:min-h-0 md:flex-1 md:grid-cols-[17rem_minmax(0,1fr)_auto] xl:grid-cols-[19rem_minmax(0,1fr)_auto] 2xl:grid-cols-[22rem_minmax(0,1fr)_auto] 2xl:gap-3 2xl:p-3">
      <div className="order-2 flex min-h-0 flex-col md:order-none">{controls}</div>
      <div className="order-1 flex h-[62vh] min-h-0 flex-col gap-2 md:order-none md:h-auto 2xl:gap-3">{graph}</div>
      <div className="order-3 min-h-0 md:order-none">{drawer}</div>
    </main>
  );
}
