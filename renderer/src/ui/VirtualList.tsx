import { type ReactNode, type UIEvent, useEffect, useLayoutEffect, useRef, useState } from 'react';

interface VirtualListProps<T> {
  items: readonly T[];
  rowHeight: number;
  getKey: (item: T) => string;
  renderRow: (item: T, index: number) => ReactNode;
  /** The key of the row to keep in view (the keyboard selection). */
  scrollToKey: string | null;
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
  scrollToKey,
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

  // Keeps the selected row in view: always when the selection changes; when a live update moves the
  // row, only if it was in view, so an agent who scrolled away during a flood is not yanked back.
  const targetIndex = scrollToKey === null ? -1 : items.findIndex((item) => getKey(item) === scrollToKey);
  const followed = useRef<{ key: string | null; index: number }>({ key: null, index: -1 });
  useEffect(() => {
    const element = scroller.current;
    const previous = followed.current;
    followed.current = { key: scrollToKey, index: targetIndex };
    if (!element || targetIndex === -1) return;
    const inView = (index: number) =>
      index * rowHeight >= element.scrollTop && (index + 1) * rowHeight <= element.scrollTop + element.clientHeight;
    if (previous.key === scrollToKey && (previous.index === targetIndex || !inView(previous.index))) return;
    const rowTop = targetIndex * rowHeight;
    if (rowTop < element.scrollTop) element.scrollTop = rowTop;
    else if (rowTop + rowHeight > element.scrollTop + element.clientHeight) {
      element.scrollTop = rowTop + rowHeight - element.clientHeight;
    }
  }, [scrollToKey, targetIndex, rowHeight]);

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
