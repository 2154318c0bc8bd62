import type { HandlersFor } from '../../../shared/contract/define';
import type { FindingsList, findingsChannels } from '../../../shared/contract/findings';
import { DEFAULT_FINDINGS_OPTIONS } from '../../../shared/findings/types';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import { engagementFindings } from '../findings/review';
import { saveDecisions, saveOrder } from '../findings/store';
import { localNow } from '../health/clock';
import { getDefinition } from '../reports/store';
import { getEngagement } from '../workspace/repositories/engagement';

export function findingsHandlers(b: Backend): HandlersFor<typeof findingsChannels> {
  const list = async (minCustomers?: number): Promise<FindingsList> => {
    const ws = b.requireWorkspace();
    const meta = await getEngagement(ws.db);
    const def = getDefinition(ws.sqlite, meta.locale);
    const min = minCustomers ?? DEFAULT_FINDINGS_OPTIONS.minCustomers;
    return { findings: engagementFindings(ws.sqlite, meta.currency, def, { minCustomers: min }), minCustomers: min };
  };
  return {
    'findings.list': async ({ minCustomers }) => list(minCustomers),
    'findings.decide': async ({ changes }) => {
      const ws = b.requireWorkspace();
      const current = await list();
      const byId = new Map(current.findings.map((f) => [f.id, f]));
      for (const c of changes) {
        if (!byId.has(c.id)) throw new WorkbenchError('FINDING_NOT_FOUND', { id: c.id, ids: current.findings.map((f) => f.id).join(', ') || '—' });
      }
      saveDecisions(
        ws.sqlite,
        changes.map((c) => ({ id: c.id, status: c.status, text: c.text, figure: byId.get(c.id)?.figure.value ?? 0 })),
        localNow(),
      );
      return list();
    },
    'findings.order': async ({ ids }) => {
      const ws = b.requireWorkspace();
      const current = await list();
      const known = new Set(current.findings.map((f) => f.id));
      const unknown = ids.find((id) => !known.has(id));
      if (unknown !== undefined) throw new WorkbenchError('FINDING_NOT_FOUND', { id: unknown, ids: [...known].join(', ') || '—' });
      saveOrder(ws.sqlite, ids, localNow());
      return list();
    },
  };
}
