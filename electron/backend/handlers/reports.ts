import type { HandlersFor } from '../../../shared/contract/define';
import type { reportsChannels } from '../../../shared/contract/reports';
import type { Backend } from '../backend';

export function reportsHandlers(_b: Backend): HandlersFor<typeof reportsChannels> {
  return {};
}
