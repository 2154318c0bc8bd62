import type { HandlersFor } from '../../../shared/contract/define';
import type { importChannels } from '../../../shared/contract/import';
import type { Backend } from '../backend';

export function importHandlers(_b: Backend): HandlersFor<typeof importChannels> {
  return {};
}
