import { useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';

export interface VirtualColumn {
  id: string;
  header: ReactNode;
  /** Pixels. Header and rows are separate grids, so tracks are fixed to stay aligned. */
  width: number;
  align?: 'left' | 'right';
  sortable?: boolean;
  /** Tooltip on the header (a formula, a definition). */
  title?: string;
  cell(row: number): ReactNode;
}

interface Props {
  columns: readonly VirtualColumn[];
  /** Row ids in display order (already filtered and sorted by the caller). */
  rows: ArrayLike<number>;
  sort?: { column: string; descending: boolean } | null;
  onSort?(column: string): void;
  onRowClick?(row: number): void;
  height?: number;
  rowHeight?: number;
  empty?: ReactNode;
  testId?: string;
}

/**
 * A table that stays smooth at 100,000 rows: only the rows in view (plus a few) are in the DOM
 * (@tanstack/react-virtual); rows are grid lines sharing the header's column tracks.
 */
export function VirtualTable({ columns, rows, sort, onSort, onRowClick, height = 520, rowHeight = 34, empty, testId }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
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
              <div key={c.id} role="columnheader" className={`vtable-th ${c.align === 'right' ? 'num' : ''}`} title={c.title}
                aria-sort={active ? (sort?.descending ? 'descending' : 'ascending') : undefined}>
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
        {rows.length === 0 ? (
          <div className="vtable-empty muted">{empty}</div>
        ) : (
          <div style={{ height: virtualizer.getTotalSize(), width, position: 'relative' }}>
            {virtualizer.getVirtualItems().map((v) => {
              const row = rows[v.index] as number;
              return (
                <div
                  key={v.key}
                  role="row"
                  className={`vtable-row ${v.index % 2 ? 'odd' : ''} ${onRowClick ? 'clickable' : ''}`}
                  data-testid="vt-row"
                  style={{ gridTemplateColumns: template, width, height: rowHeight, transform: `translateY(${v.start}px)` }}
                  onClick={onRowClick ? () => onRowClick(row) : undefined}
                >
                  {columns.map((c) => (
                    <div key={c.id} role="cell" className={`vtable-td ${c.align === 'right' ? 'num' : ''}`}>
                      {c.cell(row)}
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
