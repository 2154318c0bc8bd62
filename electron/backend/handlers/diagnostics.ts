import type { HandlersFor } from '../../../shared/contract/define';
import type { diagnosticsChannels } from '../../../shared/contract/diagnostics';
import type { Backend } from '../backend';

export function diagnosticsHandlers(_b: Backend): HandlersFor<typeof diagnosticsChannels> {
  return {};
}
