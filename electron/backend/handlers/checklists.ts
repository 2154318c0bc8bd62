import type { HandlersFor } from '../../../shared/contract/define';
import type { checklistsChannels } from '../../../shared/contract/checklists';
import type { Backend } from '../backend';

export function checklistsHandlers(_b: Backend): HandlersFor<typeof checklistsChannels> {
  return {};
}
