import type { HandlersFor } from '../../../shared/contract/define';
import type { overviewChannels } from '../../../shared/contract/overview';
import type { Backend } from '../backend';
import { overviewSummary } from '../overview/summary';
import { cachedEntityCounts } from '../workspace/repositories/counts-cache';

export function overviewHandlers(b: Backend): HandlersFor<typeof overviewChannels> {
  return {
    'overview.summary': async () => {
      const ws = b.requireWorkspace();
      return overviewSummary(ws.sqlite, await cachedEntityCounts(ws.sqlite, ws.db));
    },
  };
}
