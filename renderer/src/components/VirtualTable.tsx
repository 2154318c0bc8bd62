import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface VirtualColumn<Row> {
  id: string;
  header: ReactNode;
  /** Pixels. Header and rows are separate grids, so tracks are fixed to stay aligned. */
  width: number;
  align?: 'left' | 'right';
  sortable?: boolean;
  /** Tooltip on the header (a formula, a definition). */
  title?: string;
  cell(row: Row): ReactNode;
}

interface Props<Row> {
  columns: readonly VirtualColumn<Row>[];
  /** Rows in display order (already filtered and sorted, by the engine or the caller). */
  count: number;
  /** The row at a display position, or undefined while its page is on its way (drawn as a blank row). */
  rowAt(index: number): Row | undefined;
  /** The positions drawn (visible plus overscan) changed: load them. */
  onRange?(first: number, last: number): void;
  sort?: { column: string; descending: boolean } | null;
  onSort?(column: string): void;
  onRowClick?(row: Row): void;
  height?: number;
  rowHeight?: number;
  empty?: ReactNode;
  testId?: string;
}

/**
 * A table that stays smooth at 500,000 rows: only the rows in view (plus a few) are in the DOM
 * (@tanstack/react-virtual) and only those are asked for (onRange), so a caller can fetch pages on
 * demand instead of holding every row; rows are grid lines sharing the header's column tracks.
 */
export function VirtualTable<Row>({ columns, count, rowAt, onRange, sort, onSort, onRowClick, height = 520, rowHeight = 34, empty, testId }: Props<Row>) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => rowHeight,
    overscan: 12,
  });
  // Spare width goes to the first column wider than 150px (a name), so the table fills its card.
  const [box, setBox] = useState(0);
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setBox(el.clientWidth));
    ro.observe(el);
    setBox(el.clientWidth);
    return () => ro.disconnect();
  }, []);
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? -1;
  const rangeRef = useRef(onRange);
  rangeRef.current = onRange;
  useEffect(() => {
    if (last >= first) rangeRef.current?.(first, last);
  }, [first, last, count]);
  const total = columns.reduce((a, c) => a + c.width, 0);
  const grow = Math.max(0, box - total);
  const flex = columns.findIndex((c) => c.width >= 150);
  const template = columns.map((c, i) => `${c.width + (i === flex ? grow : 0)}px`).join(' ');
  const width = total + grow;
  return (
    <div className="vtable" data-testid={testId}>
      <div className="vtable-scroll" ref={scroller} style={{ height }}>
        <div className="vtable-head" role="row" style={{ gridTemplateColumns: template, width }}>
          {columns.map((c) => {
            const active = sort?.column === c.id;
            return (
              <div
                key={c.id}
                role="columnheader"
                className={`vtable-th ${c.align === 'right' ? 'num' : ''}`}
                title={c.title}
                aria-sort={active ? (sort?.descending ? 'descending' : 'ascending') : undefined}
              >
                {c.sortable && onSort ? (
                  <button type="button" className={`vtable-sort ${active ? 'active' : ''}`} onClick={() => onSort(c.id)} data-testid={`vt-sort-${c.id}`}>
                    {c.header}
                    <span className="vtable-arrow">{active ? (sort?.descending ? '▼' : '▲') : '↕'}</span>
                  </button>
                ) : (
                  c.header
                )}
              </div>
            );
          })}
        </div>
        {count === 0 ? (
          <div className="vtable-empty muted">{empty}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
            {items.map((v) => {
              const row = rowAt(v.index);
              return (
                <div
                  key={v.key}
                  role="row"
                  className={`vtable-row ${v.index % 2 ? 'odd' : ''} ${onRowClick && row ? 'clickable' : ''} ${row ? '' : 'loading'}`}
                  data-testid={row ? 'vt-row' : 'vt-row-loading'}
                  style={{ gridTemplateColumns: template, width, height: rowHeight, transform: `translateY(${v.start}px)` }}
                  onClick={onRowClick && row ? () => onRowClick(row) : undefined}
                >
                  {columns.map((c) => (
                    <div key={c.id} role="cell" className={`vtable-td ${c.align === 'right' ? 'num' : ''}`}>
                      {row ? c.cell(row) : null}
                    </div>
                  ))}
                </div>
              );
            })}
          </div>
        )}
      </div>
    </div>
  );
}
