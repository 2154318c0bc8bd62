import { join } from 'node:path';
import { createWorkspace, type Workspace } from '../../electron/backend/workspace/workspace';

let n = 0;
export async function newWorkspace(dir: string, clientName = '测试客户'): Promise<Workspace> {
  n += 1;
  return createWorkspace(join(dir, `ws-${n}.rwb`), {
    clientName,
    industry: '制造业',
    currency: 'CNY',
    locale: 'zh-CN',
    consultant: '王顾问',
    startDate: '2026-01-01',
    endDate: null,
    notes: null,
  });
}
