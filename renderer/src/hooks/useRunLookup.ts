import { useCallback, useEffect, useRef, useState } from 'react';
import { useWorkbench } from '../app/context';

/** Rows asked for within this long are fetched together, so a scroll costs one burst of calls. */
const BATCH_MS = 40;
/** Keys per fetch: a long table's first screen is one call, a jump to its end a few. */
const BATCH_KEYS = 500;

export interface RunLookup<Row> {
  runId: number;
  /** The customer's row in the latest run: undefined while it loads, null when the run has none. */
  get(customerKey: string): Row | null | undefined;
}

/**
 * A model run's figures for the rows a paged table shows, fetched as rows appear, a burst of keys at a
 * time (never the whole run). `latestRunId` and `fetchRows` must be stable (useCallback); a key the
 * fetch leaves out, or a failed fetch, reads as not in the run. Null when no run exists.
 */
export function useRunLookup<Row>(
  latestRunId: () => Promise<number | null>,
  fetchRows: (customerKeys: string[], runId: number) => Promise<Map<string, Row>>,
): RunLookup<Row> | null {
  const wb = useWorkbench();
  const [runId, setRunId] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const cache = useRef(new Map<string, Row | null>());
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    latestRunId()
      .then((id) => {
        cache.current.clear();
        setRunId(id);
      })
      .catch(wb.reportError);
  }, [latestRunId, wb.reportError, wb.workspace?.path]);

  const flush = useCallback(async () => {
    timer.current = null;
    if (runId === null) return;
    const keys = [...pending.current].slice(0, BATCH_KEYS);
    for (const k of keys) pending.current.delete(k);
    const found = await fetchRows(keys, runId).catch(() => new Map<string, Row>());
    for (const k of keys) cache.current.set(k, found.get(k) ?? null);
    setVersion((v) => v + 1);
    if (pending.current.size > 0) timer.current = setTimeout(() => void flush(), 0);
  }, [fetchRows, runId]);

  const get = useCallback(
    (customerKey: string) => {
      if (cache.current.has(customerKey)) return cache.current.get(customerKey);
      if (!pending.current.has(customerKey)) {
        pending.current.add(customerKey);
        timer.current ??= setTimeout(() => void flush(), BATCH_MS);
      }
      return undefined;
    },
    [flush],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  return runId === null ? null : { runId, get };
}
