import { useVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useEffect, useRef } from 'react';

interface VirtualListProps {
  /** How many rows the list has; only those in view are ever asked for. */
  count: number;
  rowHeight: number;
  getKey: (index: number) => string;
  renderRow: (index: number) => ReactNode;
  /** The row to keep in view (the keyboard cursor): its key and its index, -1 when it is not in the list. */
  follow: { key: string | null; index: number };
  overscan?: number;
  className?: string;
  /** Accessibility attributes for the scrolling element (role, label, activedescendant). */
  listProps?: Record<string, string | number | undefined>;
}

/**
 * Renders only the rows in view (TanStack Virtual), so a list of 100,000
 * costs the same to paint as one of 20: rows are read by index, never as a
 * whole array. Rows have a fixed height, which keeps the maths exact and the
 * scroll position stable while live updates reorder the list.
 */
export function VirtualList({
  count,
  rowHeight,
  getKey,
  renderRow,
  follow,
  overscan = 8,
  className,
  listProps,
}: VirtualListProps) {
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer is read afresh on every render, so the compiler's memoisation is not needed here.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual's documented React hook
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    getItemKey: getKey,
    overscan,
    // A sensible first guess, so the first frame already shows a screenful of rows.
    initialRect: { width: 800, height: 800 },
  });

  // Keeps the cursor's row in view when the cursor moves to another ticket. When live updates move the
  // row, it keeps its place on screen; an agent who scrolled away during a flood is not yanked back.
  const followed = useRef<{ key: string | null; index: number }>({ key: null, index: -1 });
  useEffect(() => {
    const element = scroller.current;
    const previous = followed.current;
    followed.current = follow;
    if (!element || follow.index === -1) return;
    const inView = (index: number) =>
      index * rowHeight >= element.scrollTop && (index + 1) * rowHeight <= element.scrollTop + element.clientHeight;
    if (previous.key === follow.key) {
      // The same row moved (rows were added or removed above it): shift by as much, so it stays put on
      // screen and the agent's place does not slide away under them. Out of view, leave the scroll alone.
      if (previous.index !== follow.index && previous.index !== -1 && inView(previous.index)) {
        element.scrollTop += (follow.index - previous.index) * rowHeight;
      }
      return;
    }
    virtualizer.scrollToIndex(follow.index, { align: 'auto' });
  }, [follow, rowHeight, virtualizer]);

  return (
    <div ref={scroller} className={className} tabIndex={0} {...listProps}>
      <div className="virtual-list__spacer" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <div
            key={item.key}
            className="virtual-list__row"
            style={{ transform: `translateY(${item.start}px)`, height: rowHeight }}
          >
            {renderRow(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
