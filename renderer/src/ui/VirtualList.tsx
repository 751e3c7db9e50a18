import { type ReactNode, type UIEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  /** Index to keep in view (the keyboard selection). */
  scrollToIndex: number | null;
  overscan?: number;
  className?: string;
  /** Accessibility attributes for the scrolling element (role, label, activedescendant). */
  listProps?: Record<string, string | number | undefined>;
  onKeyDown?: (event: React.KeyboardEvent<HTMLDivElement>) => void;
}

/**
 * Renders only the rows in view, so a queue of any length costs the same to
 * paint. Rows have a fixed height: that keeps the maths exact and the scroll
 * position stable while live updates reorder the queue.
 */
export function VirtualList<T>({
  items,
  rowHeight,
  getKey,
  renderRow,
  scrollToIndex,
  overscan = 8,
  className,
  listProps,
  onKeyDown,
}: VirtualListProps<T>) {
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

  useEffect(() => {
    const element = scroller.current;
    if (!element || scrollToIndex === null) return;
    const rowTop = scrollToIndex * rowHeight;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = rowTop + rowHeight - element.clientHeight;
    }
  }, [scrollToIndex, rowHeight]);

  const first = Math.max(0, Math.floor(viewport.top / rowHeight) - overscan);
  const last = Math.min(items.length, Math.ceil((viewport.top + viewport.height) / rowHeight) + overscan);
  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    // Read now: React clears currentTarget once the handler returns, before the updater runs.
    const top = event.currentTarget.scrollTop;
    setViewport((v) => ({ ...v, top }));
  };

  return (
    <div ref={scroller} className={className} onScroll={onScroll} onKeyDown={onKeyDown} tabIndex={0} {...listProps}>
      <div className="virtual-list__spacer" style={{ height: items.length * rowHeight }}>
        {items.slice(first, last).map((item, offset) => {
          const index = first + offset;
          return (
            <div
              key={getKey(item)}
              className="virtual-list__row"
              style={{ transform: `translateY(${index * rowHeight}px)`, height: rowHeight }}
            >
              {renderRow(item, index)}
            </div>
          );
        })}
      </div>
    </div>
  );
}
