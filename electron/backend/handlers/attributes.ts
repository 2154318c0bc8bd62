import type { HandlersFor } from '../../../shared/contract/define';
import type { attributesChannels } from '../../../shared/contract/attributes';
import type { Backend } from '../backend';
import { attributeBreakdown } from '../diagnostics/attribute-breakdown';
import { attributeDefs } from '../workspace/repositories/customer-attributes';

export function attributesHandlers(b: Backend): HandlersFor<typeof attributesChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'attributes.list': async () => attributeDefs(sqlite()),
    'attributes.breakdown': async ({ runId, name }) => attributeBreakdown(sqlite(), runId, name),
  };
}
