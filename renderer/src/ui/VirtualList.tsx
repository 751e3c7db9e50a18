import { type ReactNode, type UIEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';

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
 * Renders only the rows in view, found by arithmetic on fixed-height rows, so
 * a list of 100,000 costs the same to paint and to update as one of 20: rows
 * are read by index, never as a whole array, and nothing is kept per row.
 * (TanStack Virtual was tried: it rebuilds a measurement for every row
 * whenever the count changes, which a live queue does all the time.)
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
  const [viewport, setViewport] = useState({ top: 0, height: 800 });

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setViewport((v) => ({ ...v, height: element.clientHeight })));
    observer.observe(element);
    setViewport({ top: element.scrollTop, height: element.clientHeight });
    return () => observer.disconnect();
  }, []);

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
    const rowTop = follow.index * rowHeight;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = rowTop + rowHeight - element.clientHeight;
    }
  }, [follow, rowHeight]);

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    // Read now: React clears currentTarget once the handler returns, before the updater runs.
    const top = event.currentTarget.scrollTop;
    setViewport((v) => ({ ...v, top }));
  };

  const rows: ReactNode[] = [];
  for (let index = first; index < last; index++) {
    rows.push(
      <div
        key={getKey(index)}
        className="virtual-list__row"
        style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
      >
        {renderRow(index)}
      </div>,
    );
  }
  return (
    <div ref={scroller} className={className} onScroll={onScroll} tabIndex={0} {...listProps}>
      <div className="virtual-list__spacer" style={{ height: count * rowHeight }}>
        {rows}
      </div>
    </div>
  );
}
