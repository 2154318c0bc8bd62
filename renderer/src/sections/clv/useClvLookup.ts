import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClvCustomerRow } from '../../../../shared/clv/types';
import { useWorkbench } from '../../app/context';

/** Rows asked for within this long are fetched in one clv.lookup call. */
const BATCH_MS = 40;

export interface ClvLookup {
  runId: number;
  /** The customer's figures in the latest run: undefined while loading, null when not in the run. */
  get(customerKey: string): ClvCustomerRow | null | undefined;
}

/**
 * Figures of the latest CLV run for the rows a paged table shows, fetched as rows appear, one call per
 * burst of rows (never the whole run). Null when no CLV run exists.
 */
export function useClvLookup(): ClvLookup | null {
  const wb = useWorkbench();
  const [runId, setRunId] = useState<number | null>(null);
  const [, setVersion] = useState(0);
  const cache = useRef(new Map<string, ClvCustomerRow | null>());
  const pending = useRef(new Set<string>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    wb.api['clv.runs']({})
      .then((runs) => {
        cache.current.clear();
        setRunId(runs[0]?.id ?? null);
      })
      .catch(wb.reportError);
  }, [wb.api, wb.reportError, wb.workspace?.path]);

  const flush = useCallback(async () => {
    timer.current = null;
    if (runId === null) return;
    const keys = [...pending.current].slice(0, 500);
    for (const k of keys) pending.current.delete(k);
    const found = await wb.api['clv.lookup']({ customerKeys: keys, runId }).catch(() => null);
    const byKey = new Map((found?.rows ?? []).map((r) => [r.customerId, r]));
    for (const k of keys) cache.current.set(k, byKey.get(k) ?? null);
    setVersion((v) => v + 1);
    if (pending.current.size > 0) timer.current = setTimeout(() => void flush(), 0);
  }, [wb.api, runId]);

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
