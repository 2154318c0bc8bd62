import { join } from 'node:path';
import { Backend } from '../../../electron/backend/backend';
import { createHandlers } from '../../../electron/backend/handlers';
import { dispatch } from '../../../electron/backend/dispatch';
import { runHealth } from '../../../electron/backend/health/run';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import type { ArgsOf, ChannelName, ResultOf } from '../../../shared/contract';
import { RELATIONSHIP_MODEL } from '../../../shared/health/presets';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { newWorkspace } from '../../helpers/workspace';
import { HOSTILE_NAME } from './sample-model';

// A small engagement with personal data, one hostile customer name and a stored health run, driven
// through the real contract (dispatch), as the UI and the CLI drive it.

export const AS_OF = '2026-06-30';
export const CUSTOMERS = 24;

export interface Person {
  key: string;
  name: string;
  contact: string;
  phone: string;
  email: string;
}

const COMPANIES = ['华东精密机械有限公司', '宁波海天贸易有限公司', '苏州恒瑞电子科技有限公司', '杭州远景物流股份有限公司'];
const CONTACTS = ['王建国', '李秀英', '张志强', '刘德明', '陈晓燕', '杨光辉'];

export function people(): Person[] {
  return Array.from({ length: CUSTOMERS }, (_, i) => ({
    key: `C${String(i + 1).padStart(3, '0')}`,
    name: i === 4 ? HOSTILE_NAME : `${COMPANIES[i % COMPANIES.length]!.replace('有限公司', '')}${i + 1}号有限公司`,
    contact: `${CONTACTS[i % CONTACTS.length]}${'甲乙丙丁'[i % 4]}`,
    phone: `1381234${String(1000 + i)}`,
    email: `buyer${i + 1}@client-${i + 1}.cn`,
  }));
}

export function insertEngagementData(ws: Workspace): Person[] {
  const list = people();
  const cust = ws.sqlite.prepare(
    `insert into customers (row_key, customer_key, name, segment, owner, contact_name, phone, email, first_seen) values (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const order = ws.sqlite.prepare(`insert into orders (row_key, order_key, customer_key, order_date, amount, quantity) values (?, ?, ?, ?, ?, ?)`);
  const talk = ws.sqlite.prepare(`insert into interactions (row_key, customer_key, date, channel, purpose, direction, responded) values (?, ?, ?, ?, ?, ?, ?)`);
  ws.sqlite.transaction(() => {
    list.forEach((p, i) => {
      cust.run(`c-${p.key}`, p.key, p.name, ['战略', '核心', '一般'][i % 3], ['张伟', '陈思远'][i % 2], p.contact, p.phone, p.email, '2024-01-15');
      // Healthy customers keep ordering; every third one stops in 2025 (red by recency and frequency).
      const months = i % 3 === 0 ? 12 : 30;
      for (let m = 0; m < months; m++) {
        const d = new Date(Date.UTC(2024, 0 + m, 10 + (i % 15)));
        const date = d.toISOString().slice(0, 10);
        if (date > AS_OF) break;
        order.run(`o-${p.key}-${m}`, `O-${p.key}-${m}`, p.key, date, 1000 + i * 37 + m * 11, 2 + (m % 3));
      }
      for (let k = 0; k < (i % 3 === 0 ? 1 : 6); k++) {
        talk.run(`t-${p.key}-${k}`, p.key, `2026-0${1 + (k % 6)}-1${k % 9}`, '电话', '回访', 'outbound', i % 3 === 0 ? 0 : 1);
      }
    });
  })();
  return list;
}

export interface Engagement {
  ws: Workspace;
  backend: Backend;
  people: Person[];
  call<K extends ChannelName>(name: K, args: ArgsOf<K>): Promise<ResultOf<K>>;
}

export async function engagementWithHealthRun(dir: string): Promise<Engagement> {
  const ws = await newWorkspace(dir, '华东制造集团');
  const list = insertEngagementData(ws);
  // relationship's model: its frequency and satisfaction measures put this data's weak customers in the red,
  // which the health and actions sections need to show something.
  await runHealth(ws.sqlite, { model: RELATIONSHIP_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now: '2026-07-01T09:00:00' });
  const backend = new Backend({ host: 'web', version: 'test', settingsDir: join(dir, 'settings'), documentsDir: join(dir, 'docs') });
  await backend.adopt(ws);
  const handlers = createHandlers(backend);
  return {
    ws,
    backend,
    people: list,
    async call(name, args) {
      const env = await dispatch(backend, handlers, name, args);
      if (!env.ok) throw new Error(`${env.error.code}: ${env.error.message}`);
      return env.value as never;
    },
  };
}
