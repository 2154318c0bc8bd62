import { join } from 'node:path';
import type { CallContext } from '../../../shared/contract/define';
import type { Locale } from '../../../shared/errors';
import { resourcesDir } from '../resources';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { recordAudit } from '../workspace/repositories/audit';
import { loadDemoData } from './load-demo';
import { DEMO_ENGAGEMENT, DEMO_FILES } from './demo-files';

const DEMO_FILE_COUNT = Object.keys(DEMO_FILES).length;

/**
 * The fictional client of resources/demo/README.md, as a new workspace at `path`. Cancelled, it stops
 * between or inside its imports and the half-built file is removed (createWorkspace builds it under
 * a temporary name): nothing appears at `path`.
 */
export async function createDemoWorkspace(path: string, locale: Locale, ctx?: Pick<CallContext, 'progress' | 'signal'>): Promise<Workspace> {
  const names = DEMO_ENGAGEMENT[locale];
  const meta = {
    ...names,
    currency: DEMO_ENGAGEMENT.currency,
    locale,
    startDate: DEMO_ENGAGEMENT.startDate,
    endDate: null,
    notes: null,
  };
  // The import pipeline takes an AbortSignal; the host's cancel signal is only its readable part.
  const controller = new AbortController();
  const abort = () => controller.abort();
  if (ctx?.signal.aborted) abort();
  else ctx?.signal.addEventListener('abort', abort);
  try {
    return await createWorkspace(path, meta, async (ws) => {
      ctx?.progress('demo.loading', 0, DEMO_FILE_COUNT);
      const { counts, batches } = await loadDemoData(ws, join(resourcesDir(), 'demo'), (_entity, i) => ctx?.progress('demo.loading', i, DEMO_FILE_COUNT), {
        signal: controller.signal,
      });
      await recordAudit(ws.db, 'demo.load', { ...counts, batches: batches.map((b) => b.id) });
    });
  } finally {
    ctx?.signal.removeEventListener('abort', abort);
  }
}
