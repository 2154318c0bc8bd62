import { useCallback, useEffect, useRef, useState } from 'react';
import type { DiagnosticCustomerRow, DrillTarget } from '../../../../shared/analytics';
import type { CustomerSort } from '../../../../shared/contract/diagnostics';
import { useWorkbench } from '../../app/context';

export interface CustomerQuery {
  runId: number;
  target: DrillTarget | null;
  search: string;
  sort: CustomerSort;
  descending: boolean;
}

export const PAGE_ROWS = 100;
/** Rows fetched beyond the drawn ones on each side, so a slow scroll finds its rows already there. */
const MARGIN_ROWS = 60;
/** Pages kept; the ones farthest from the view go first (500,000 rows never sit in the page). */
const KEEP_PAGES = 30;
/** A dragged scrollbar passes thousands of rows: ask for the window where it settles, not for each. */
const SETTLE_MS = 40;

export interface CustomerPages {
  /** Rows matching the query (search and drill), null until the first page answers. */
  total: number | null;
  rowAt(index: number): DiagnosticCustomerRow | undefined;
  onRange(first: number, last: number): void;
}

/**
 * The customer table's rows, read page by page from the engine (diagnostics.customers): sorting,
 * search and drill filters run there, and only the pages around the visible window are fetched.
 */
export function useCustomerPages(q: CustomerQuery): CustomerPages {
  const { api, reportError } = useWorkbench();
  const key = JSON.stringify(q);
  const pages = useRef(new Map<number, DiagnosticCustomerRow[]>());
  const inFlight = useRef(new Set<number>());
  // After a new query the old rows stay on screen until its first page answers (no blank flash).
  const stale = useRef(false);
  const generation = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The rows drawn last: a new query (another sort, say) loads them again where the table stands.
  const drawn = useRef<[number, number]>([0, 0]);
  const [total, setTotal] = useState<number | null>(null);
  const [, setLoaded] = useState(0);

  const load = useCallback(
    (page: number, gen: number) => {
      if ((!stale.current && pages.current.has(page)) || inFlight.current.has(page)) return;
      inFlight.current.add(page);
      const query = JSON.parse(key) as CustomerQuery;
      api['diagnostics.customers']({
        runId: query.runId,
        ...(query.target ? { target: query.target } : {}),
        ...(query.search ? { search: query.search } : {}),
        sort: query.sort,
        descending: query.descending,
        offset: page * PAGE_ROWS,
        limit: PAGE_ROWS,
      }).then(
        (r) => {
          if (gen !== generation.current) return; // an answer to a query the table no longer shows
          inFlight.current.delete(page);
          if (stale.current) {
            pages.current = new Map();
            stale.current = false;
          }
          pages.current.set(page, r.rows);
          setTotal(r.total);
          setLoaded((n) => n + 1);
        },
        (err: unknown) => {
          if (gen !== generation.current) return;
          inFlight.current.delete(page);
          reportError(err);
        },
      );
    },
    [key, api, reportError],
  );

  // A new query starts over from its first page (for the total) and the pages in view.
  useEffect(() => {
    generation.current += 1;
    const gen = generation.current;
    stale.current = pages.current.size > 0;
    inFlight.current = new Set();
    load(0, gen);
    const [first, last] = drawn.current;
    for (let p = Math.floor(first / PAGE_ROWS); p <= Math.floor(last / PAGE_ROWS); p++) load(p, gen);
    return () => {
      if (timer.current) clearTimeout(timer.current);
    };
  }, [load]);

  const onRange = useCallback(
    (first: number, last: number) => {
      drawn.current = [first, last];
      if (timer.current) clearTimeout(timer.current);
      const gen = generation.current;
      timer.current = setTimeout(() => {
        const from = Math.max(0, Math.floor((first - MARGIN_ROWS) / PAGE_ROWS));
        const to = Math.floor((last + MARGIN_ROWS) / PAGE_ROWS);
        for (let p = from; p <= to; p++) load(p, gen);
        if (pages.current.size > KEEP_PAGES) {
          const centre = (from + to) / 2;
          const far = [...pages.current.keys()].sort((a, b) => Math.abs(b - centre) - Math.abs(a - centre));
          for (const p of far.slice(0, pages.current.size - KEEP_PAGES)) pages.current.delete(p);
        }
      }, SETTLE_MS);
    },
    [load],
  );

  const rowAt = useCallback((index: number) => pages.current.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS], []);
  return { total, rowAt, onRange };
}
