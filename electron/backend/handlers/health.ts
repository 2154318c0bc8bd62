import type { HandlersFor } from '../../../shared/contract/define';
import type { healthChannels } from '../../../shared/contract/health';
import type { Backend } from '../backend';

export function healthHandlers(_b: Backend): HandlersFor<typeof healthChannels> {
  return {};
}
