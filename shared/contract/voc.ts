// Voice of the customer (NPS, CSAT, themes of comments, communication signals) and the monthly churn
// review. Spread into the contract in ./index.ts. Theme runs and reviews are stored; the section and
// the reports read the stored ones.
import { z } from 'zod';
import { channel } from './define';
import { VocConfigSchema, type VocConfig } from '../voc/config';
import {
  VOC_GRAINS,
  VocScopeSchema,
  VocThemeParamsSchema,
  type CustomerVoice,
  type VocRespondent,
  type VocSummary,
  type VocThemeRun,
  type VocThemeRunSummary,
} from '../voc/types';
import { ChurnReviewParamsSchema, type ChurnReview, type ChurnReviewSummary } from '../churn-review/types';

const id = z.int().positive();
const dimension = z.string().trim().min(1).max(200);

export const vocChannels = {
  /** NPS and CSAT overall, by period and by one customer dimension, with response rates. */
  'voc.summary': channel(
    z.object({ scope: VocScopeSchema.prefault({}), grain: z.enum(VOC_GRAINS).default('quarter'), dimension: dimension.default('segment') }),
  ).returns<VocSummary>(),
  /** The customers behind one figure: a period key or a dimension value ('' = no value). */
  'voc.respondents': channel(
    z.object({
      scope: VocScopeSchema.prefault({}),
      period: z.object({ grain: z.enum(VOC_GRAINS), key: z.string().trim().min(4).max(10) }).optional(),
      dimension: z.object({ id: dimension, value: z.string().max(500) }).optional(),
      limit: z.int().min(1).max(5000).default(500),
    }),
  ).returns<{ total: number; rows: VocRespondent[] }>(),
  /** One customer's answers, comments and communication signals, for the customer card. */
  'voc.customer': channel(z.object({ customerKey: z.string().trim().min(1).max(200) })).returns<CustomerVoice>(),
  /** Segments every comment, assigns themes and sentiment, finds communication signals; stored as a run. */
  'voc.analyse': channel(z.object({ params: VocThemeParamsSchema.prefault({}), jobId: z.string().optional() }), { job: true }).returns<VocThemeRun>(),
  /** A stored theme run (the latest when runId is left out); null when none exists. */
  'voc.analysis': channel(z.object({ runId: id.optional() })).returns<VocThemeRun | null>(),
  'voc.analyses': channel(z.object({})).returns<VocThemeRunSummary[]>(),
  /** The engagement's lexicon (the shipped one until the consultant saves an edit). */
  'voc.lexicon': channel(z.object({})).returns<{ config: VocConfig; edited: boolean }>(),
  'voc.saveLexicon': channel(z.object({ config: VocConfigSchema })).returns<{ config: VocConfig; edited: boolean }>(),
  'voc.resetLexicon': channel(z.object({})).returns<{ config: VocConfig; edited: boolean }>(),
  /** The churn review of one period: churned customers by lost revenue with their history, traits and rates; stored. */
  'churn.review': channel(z.object({ params: ChurnReviewParamsSchema, jobId: z.string().optional() }), { job: true }).returns<ChurnReview>(),
  /** A stored review (the latest when reviewId is left out); null when none exists. */
  'churn.getReview': channel(z.object({ reviewId: id.optional() })).returns<ChurnReview | null>(),
  'churn.reviews': channel(z.object({})).returns<ChurnReviewSummary[]>(),
  /** The period a review takes when none is chosen: the last complete period on or before the as-of date. */
  'churn.reviewDefaults': channel(z.object({})).returns<{ period: string; asOf: string }>(),
};
