// The findings domain's channels: the drafted findings and the consultant's review of them.
// Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import { FINDING_STATUSES, type ReviewedFinding } from '../findings/types';

export interface FindingsList {
  findings: ReviewedFinding[];
  /** The stated minimum: a finding resting on fewer customers is marked weak. */
  minCustomers: number;
}

const text = z.string().max(2_000).nullable().optional();

export const findingsChannels = {
  /** Drafted from the runs the saved report definition quotes, with the decisions stored so far. */
  'findings.list': channel(z.object({ minCustomers: z.int().min(1).max(100_000).optional() })).returns<FindingsList>(),
  /** Accept, drop, restore or reword findings (null text: back to the drafted wording). */
  'findings.decide': channel(
    z.object({
      changes: z
        .array(
          z.object({ id: z.string().min(1).max(300), status: z.enum(FINDING_STATUSES).optional(), text: z.object({ 'zh-CN': text, en: text }).optional() }),
        )
        .min(1)
        .max(200),
    }),
  ).returns<FindingsList>(),
  /** The order of the accepted findings in the report, the deck and the workbook. */
  'findings.order': channel(z.object({ ids: z.array(z.string().min(1).max(300)).max(200) })).returns<FindingsList>(),
};
