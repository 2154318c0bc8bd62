import { join } from 'node:path';
import type { CallContext } from '../../../shared/contract/define';
import type { Locale } from '../../../shared/errors';
import { resourcesDir } from '../resources';
import { createWorkspace, type Workspace } from '../workspace/workspace';
import { recordAudit } from '../workspace/repositories/audit';
import { loadDemoData } from './load-demo';

/** The fictional client of resources/demo/README.md, as a new workspace at `path`. */
export async function createDemoWorkspace(path: string, locale: Locale, ctx?: Pick<CallContext, 'progress'>): Promise<Workspace> {
  const meta = {
    clientName: locale === 'en' ? 'Hengrui Smart Equipment (demo)' : '恒锐智能装备（演示）',
    industry: locale === 'en' ? 'Industrial IoT equipment & services' : '工业物联网设备与服务',
    currency: 'CNY',
    locale,
    consultant: locale === 'en' ? 'Demo consultant' : '演示顾问',
    startDate: '2026-11-01',
    endDate: null,
    notes: null,
  };
  return createWorkspace(path, meta, async (ws) => {
    ctx?.progress('demo.loading', 0, null);
    const counts = await loadDemoData(ws.db, join(resourcesDir(), 'demo'));
    await recordAudit(ws.db, 'demo.load', counts);
  });
}
