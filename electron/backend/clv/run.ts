// A CLV run on the open workspace: the order ledger read in one pass (diagnostics' loadLedger: one
// packed row per customer, lines folded into orders and orders into customer-days), one entry per
// customer-day with its net amount, then the pure pipeline (shared/clv/pipeline.ts) and the store.
// A customer-day whose orders net to zero or less (a return, a free item) is not a purchase occasion;
// the run counts and sums those days instead. Runs in a job thread; cancel is checked synchronously
// between fits and every 5,000 customers.
import type { WritableDB } from '../workspace/connection';
import type { CancelSignal } from '../../../shared/contract/define';
import { throwIfCancelled } from '../jobs';
import { defaultAsOf } from '../diagnostics/defaults';
import { loadLedger } from '../diagnostics/inputs-sql';
import { fromDay } from '../../../shared/analytics';
import { runClv } from '../../../shared/clv/pipeline';
import { dayNumber, type OrderLine } from '../../../shared/clv/summary';
import { WorkbenchError } from '../errors';
import type { ClvParams } from '../../../shared/clv/types';
import { storeClvRun } from './store';

export const CLV_PHASES = ['orders', 'summary', 'evaluation', 'fit', 'customers', 'store'] as const;
export type ClvPhase = (typeof CLV_PHASES)[number];

export interface ClvRunOptions {
  params: ClvParams;
  label: string | null;
  now: string;
  progress?: (phase: ClvPhase, done: number, total: number | null) => void;
  signal?: CancelSignal;
}

/** One entry per customer-day with the day's net amount over all its orders. */
export function customerDayLines(sqlite: WritableDB, signal?: CancelSignal): OrderLine[] {
  const ledger = loadLedger(sqlite, [], signal);
  const lines: OrderLine[] = [];
  const dates = new Map<number, string>();
  for (let c = 0; c < ledger.customerKeys.length; c += 1) {
    const customerId = ledger.customerKeys[c] as string;
    for (let j = ledger.offsets[c] as number; j < (ledger.offsets[c + 1] as number); j += 1) {
      const day = ledger.days[j] as number;
      let date = dates.get(day);
      if (date === undefined) {
        date = fromDay(day);
        dates.set(day, date);
      }
      lines.push({ customerId, date, amount: ledger.amounts[j] as number });
    }
  }
  return lines;
}

export function runClvModel(sqlite: WritableDB, opts: ClvRunOptions): { runId: number; durationMs: number } {
  const t0 = performance.now();
  const check = (): void => {
    if (opts.signal) throwIfCancelled(opts.signal);
  };
  opts.progress?.('orders', 0, null);
  const lines = customerDayLines(sqlite, opts.signal);
  const params: ClvParams = { ...opts.params, asOf: opts.params.asOf ?? defaultAsOf(sqlite) };
  if (params.calibrationEnd !== undefined) {
    // A split date replaces the hold-out length: the hold-out is the days after it up to as-of.
    const holdoutDays = dayNumber(params.asOf as string) - dayNumber(params.calibrationEnd);
    if (!(holdoutDays > 0 && holdoutDays <= 1095)) throw new WorkbenchError('CLV_SPLIT_DATE', { date: params.calibrationEnd, asOf: params.asOf as string });
    params.holdoutDays = holdoutDays;
  }
  const contractCustomers = new Set(sqlite.prepare(`select distinct customer_key from contracts`).pluck().all() as string[]);
  const result = runClv(lines, params, {
    checkpoint: check,
    progress: (phase, done, total) => opts.progress?.(phase, done, total),
    contractCustomers,
  });
  check();
  opts.progress?.('store', 0, null);
  const durationMs = performance.now() - t0;
  const runId = storeClvRun(sqlite, { createdAt: opts.now, label: opts.label, params, result, durationMs });
  return { runId, durationMs };
}
