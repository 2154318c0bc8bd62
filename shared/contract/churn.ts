// The churn-risk domain's channels. Spread into the contract in ./index.ts. A fit is a
// job stored as a run; everything after it reads the stored run. Results put the evaluation first.
import { z } from 'zod';
import { channel } from './define';
import { CHURN_SCORE_SORTS, ChurnParamsSchema, type ChurnRun, type ChurnRunSummary, type ChurnScoreRow, type SignalBacktest } from '../churn/types';

const runId = z.int().positive();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const churnChannels = {
  /** Labels, features, fit, evaluation and scores, stored as a run; progress phases churn.<phase>. */
  'churn.fit': channel(
    z.object({ params: ChurnParamsSchema.prefault({}), label: z.string().trim().max(200).nullable().optional(), jobId: z.string().optional() }),
    { job: true },
  ).returns<ChurnRun>(),
  'churn.runs': channel(z.object({})).returns<ChurnRunSummary[]>(),
  /** A stored run (the latest when runId is left out); null when none exists. */
  'churn.get': channel(z.object({ runId: runId.optional() })).returns<ChurnRun | null>(),
  /** A page of a run's per-customer scores, riskiest first by default. */
  'churn.scores': channel(
    z.object({
      runId,
      sort: z.enum(CHURN_SCORE_SORTS).default('probability'),
      descending: z.boolean().default(true),
      search: z.string().trim().max(200).optional(),
      offset: z.int().min(0).default(0),
      limit: z.int().min(1).max(5000).default(100),
    }),
  ).returns<{ total: number; rows: ChurnScoreRow[] }>(),
  /** One customer's score and reasons in a run (the latest when runId is left out); null when not scored. */
  'churn.customer': channel(z.object({ customerKey: z.string().min(1), runId: runId.optional() })).returns<ChurnScoreRow | null>(),
  /** Each early-warning rule replayed at past dates against the churn that followed. */
  'churn.backtest': channel(
    z.object({ horizonDays: z.int().min(30).max(730).default(180), dates: z.array(isoDate).max(24).optional(), jobId: z.string().optional() }),
    { job: true },
  ).returns<SignalBacktest>(),
  'churn.delete': channel(z.object({ runId })).returns<{ deleted: boolean }>(),
};
