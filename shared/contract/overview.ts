// The engagement overview's figures (shared/overview/summary.ts). Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import type { OverviewSummary } from '../overview/summary';

export const overviewChannels = {
  /** Headline figures of the latest runs with their change, what the data enables or misses, the last imports, runs and exports. */
  'overview.summary': channel(z.object({})).returns<OverviewSummary>(),
};
