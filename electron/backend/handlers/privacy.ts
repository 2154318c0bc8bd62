import type { HandlersFor } from '../../../shared/contract/define';
import type { privacyChannels } from '../../../shared/contract/privacy';
import type { Backend } from '../backend';
import { closeOut } from '../privacy/close-out';
import { eraseCustomer, erasureNotes } from '../privacy/erase-customer';
import { WorkbenchError } from '../errors';

export function privacyHandlers(b: Backend): HandlersFor<typeof privacyChannels> {
  return {
    'engagement.closeOut': async ({ mode, certificate }) => closeOut(b, mode, certificate),
    'customers.erase': async ({ customerKey }) => {
      const ws = b.requireWorkspace();
      if (ws.sqlite.inTransaction) throw new WorkbenchError('WORKSPACE_JOB_RUNNING', { path: ws.path });
      return eraseCustomer(ws.sqlite, customerKey);
    },
    'privacy.erasures': async () => erasureNotes(b.requireWorkspace().sqlite),
  };
}
