// The customer-lifetime-value domain's channels. Spread into the contract in ./index.ts. A fit is a
// job stored as a run; everything after it reads the stored run. A run's result states the fits and
// the evaluation (hold-out tracking, verdict) before the per-customer figures, paged by clv.customers.
import { z } from 'zod';
import { channel } from './define';
import type { ClvBreakdown } from '../clv/breakdown';
import { CLV_CUSTOMER_SORTS, ClvParamsSchema, type ClvCustomerRow, type ClvRun, type ClvRunSummary } from '../clv/types';

const runId = z.int().positive();

export const clvChannels = {
  /** Summary, hold-out test, fits and per-customer figures, stored as a run; progress phases clv.<phase>. */
  'clv.fit': channel(
    z.object({ params: ClvParamsSchema.prefault({}), label: z.string().trim().max(200).nullable().optional(), jobId: z.string().optional() }),
    { job: true },
  ).returns<ClvRun>(),
  'clv.runs': channel(z.object({})).returns<ClvRunSummary[]>(),
  /** A stored run (the latest when runId is left out); null when none exists. */
  'clv.get': channel(z.object({ runId: runId.optional() })).returns<ClvRun | null>(),
  /** A page of a run's customers, highest CLV first by default. */
  'clv.customers': channel(
    z.object({
      runId,
      sort: z.enum(CLV_CUSTOMER_SORTS).default('clv'),
      descending: z.boolean().default(true),
      search: z.string().trim().max(200).optional(),
      /** Only customers whose P(alive) is below this (the at-risk list: DORMANT_P_ALIVE). */
      pAliveBelow: z.number().min(0).max(1).optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(5000).default(100),
    }),
  ).returns<{ total: number; rows: ClvCustomerRow[] }>(),
  /**
   * Given customers' figures in a run (the latest when runId is left out), for the customer card and
   * the customer table's columns; null when no run exists. Keys not in the run are left out of rows.
   */
  'clv.lookup': channel(z.object({ customerKeys: z.array(z.string().min(1).max(200)).min(1).max(500), runId: runId.optional() })).returns<{
    run: ClvRunSummary;
    rows: ClvCustomerRow[];
  } | null>(),
  /**
   * How a run's book splits: CLV value bands with the top 10% / 20% share, value by the latest
   * diagnostic run's segment and tier (none when no diagnostic run exists), customers and value by P(alive) band.
   */
  'clv.breakdown': channel(z.object({ runId })).returns<ClvBreakdown>(),
  'clv.delete': channel(z.object({ runId })).returns<{ deleted: boolean }>(),
};
