import { join } from 'node:path';
import type { CallContext } from '../../../shared/contract/define';
import type { Locale } from '../../../shared/errors';
import { resourcesDir } from '../resources';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { recordAudit } from '../workspace/repositories/audit';
import { loadDemoData } from './load-demo';
import { DEMO_ENGAGEMENT, DEMO_FILES } from './demo-files';

const DEMO_FILE_COUNT = Object.keys(DEMO_FILES).length;

/** The fictional client of resources/demo/README.md, as a new workspace at `path`. */
export async function createDemoWorkspace(path: string, locale: Locale, ctx?: Pick<CallContext, 'progress'>): Promise<Workspace> {
  const names = DEMO_ENGAGEMENT[locale];
  const meta = {
    ...names,
    currency: DEMO_ENGAGEMENT.currency,
    locale,
    startDate: DEMO_ENGAGEMENT.startDate,
    endDate: null,
    notes: null,
  };
  return createWorkspace(path, meta, async (ws) => {
    ctx?.progress('demo.loading', 0, DEMO_FILE_COUNT);
    const { counts, batches } = await loadDemoData(ws, join(resourcesDir(), 'demo'), (_entity, i) => ctx?.progress('demo.loading', i, DEMO_FILE_COUNT));
    await recordAudit(ws.db, 'demo.load', { ...counts, batches: batches.map((b) => b.id) });
  });
}
