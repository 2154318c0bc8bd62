import { z } from 'zod';
import { channel } from './define';
import type { CloseOutResult, CustomerEraseResult, ErasureNotes } from '../domain/privacy';

const path = z.string().trim().min(1);

export const privacyChannels = {
  /**
   * End of engagement: remove the personal fields (keeping keys and the stored runs' figures) or the
   * whole workspace, overwritten first. `confirm` must be true: no call deletes by default.
   */
  'engagement.closeOut': channel(
    z.object({ mode: z.enum(['personalFields', 'workspace']), confirm: z.literal(true), certificate: path.optional() }),
  ).returns<CloseOutResult>(),
  /** Erase one customer on request: every row of theirs, the runs' aggregates kept and annotated. */
  'customers.erase': channel(z.object({ customerKey: z.string().trim().min(1).max(500) })).returns<CustomerEraseResult>(),
  'privacy.erasures': channel(z.object({})).returns<ErasureNotes>(),
};
