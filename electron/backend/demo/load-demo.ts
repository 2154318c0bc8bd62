import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Insertable, Kysely, Transaction } from 'kysely';
import Papa from 'papaparse';
import { ENTITY_KINDS, type EntityKind } from '../../../shared/domain/entities';
import type { DB } from '../workspace/schema';
import { DEMO_FILES } from './demo-files';

// A deliberately small loader for the demo exports in resources/demo/: a fixed header -> column
// map per file, no sniffing, no rejects. The real import pipeline (issue 3) replaces it; until then
// any value it cannot read is a bug in the generator, so it throws instead of skipping.

type Raw = Record<string, string>;
type Table<K extends EntityKind> = Insertable<DB[K]>;

class DemoValueError extends Error {}

function fail(file: string, row: number, header: string, value: string, why: string): never {
  throw new DemoValueError(`${file} row ${row}, ${header} = "${value}": ${why}`);
}

class RowReader {
  constructor(
    private readonly file: string,
    private readonly row: number,
    private readonly raw: Raw,
  ) {}

  text(h: string): string | null {
    const v = (this.raw[h] ?? '').trim();
    return v === '' ? null : v;
  }

  required(h: string): string {
    return this.text(h) ?? fail(this.file, this.row, h, '', 'required value is empty');
  }

  /** 2024-03-05 or 2024/3/5 -> 2024-03-05 */
  date(h: string): string | null {
    const v = this.text(h);
    if (v === null) return null;
    const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(v);
    if (!m) return fail(this.file, this.row, h, v, 'not a date');
    return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  }

  /** 2024-03-05 14:22 -> 2024-03-05T14:22:00 */
  dateTime(h: string): string | null {
    const v = this.text(h);
    if (v === null) return null;
    const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2})$/.exec(v);
    if (!m) return fail(this.file, this.row, h, v, 'not a date and time');
    return `${m[1]}T${m[2]}:${m[3]}:00`;
  }

  /** 2026-09 -> 2026-09-01 (the first day of the period, as entities.ts wants) */
  month(h: string): string {
    const v = this.required(h);
    if (!/^\d{4}-\d{2}$/.test(v)) fail(this.file, this.row, h, v, 'not a month');
    return `${v}-01`;
  }

  /** 1,080,000.00 or -336.00 */
  number(h: string): number | null {
    const v = this.text(h);
    if (v === null) return null;
    const n = Number(v.replaceAll(',', ''));
    if (!Number.isFinite(n)) fail(this.file, this.row, h, v, 'not a number');
    return n;
  }

  requiredNumber(h: string): number {
    return this.number(h) ?? fail(this.file, this.row, h, '', 'required number is empty');
  }

  /** 是/否 -> 1/0 */
  flag(h: string): number | null {
    const v = this.text(h);
    if (v === null) return null;
    if (v === '是') return 1;
    if (v === '否') return 0;
    return fail(this.file, this.row, h, v, 'expected 是 or 否');
  }

  oneOf<T extends string>(h: string, map: Record<string, T>): T {
    const v = this.required(h);
    return map[v] ?? fail(this.file, this.row, h, v, `expected one of ${Object.keys(map).join(' / ')}`);
  }

  /** Rows without a client id are keyed by a hash of the whole row, so a re-load is idempotent. */
  fingerprint(entity: EntityKind): string {
    const h = createHash('sha256').update(entity);
    for (const header of DEMO_FILES[entity].headers) h.update('\u001f').update(this.raw[header] ?? '');
    return h.digest('hex').slice(0, 32);
  }
}

// Which header feeds which canonical column (recorded on the import_batch row as its mapping).
const MAPPINGS: Record<EntityKind, Record<string, string>> = {
  customers: {
    客户编号: 'customer_key', 客户名称: 'name', 所属行业: 'industry', 客户规模: 'segment', 区域: 'region', 客户经理: 'owner',
    首次合作日期: 'first_seen', 客户状态: 'status', 流失日期: 'churn_date', 流失原因: 'churn_reason', 标杆客户: 'is_benchmark',
    客户标签: 'tags', 联系人: 'contact_name', 联系电话: 'phone', 邮箱: 'email',
  },
  orders: {
    订单编号: 'order_key', 单据类型: 'is_return', 下单日期: 'order_date', 客户编号: 'customer_key', 产品名称: 'product',
    产品类别: 'category', 数量: 'quantity', 单价: 'unit_price', 订单金额: 'amount', 渠道: 'channel',
  },
  contracts: {
    合同编号: 'contract_key', 客户编号: 'customer_key', '产品/服务': 'product', 开始日期: 'start_date', 结束日期: 'end_date',
    计费方式: 'value_period', 年度合同金额: 'recurring_value', 月费: 'recurring_value', 合同状态: 'status', 终止日期: 'cancelled_date',
    续签原合同编号: 'renewal_of',
  },
  interactions: {
    客户编号: 'customer_key', 沟通日期: 'date', 沟通渠道: 'channel', 沟通目的: 'purpose', 方向: 'direction', 是否回复: 'responded',
    负责人: 'owner', 沟通内容: 'text',
  },
  tickets: {
    工单编号: 'ticket_key', 客户编号: 'customer_key', 创建时间: 'opened_at', 首次响应时间: 'first_response_at', 解决时间: 'resolved_at',
    优先级: 'priority', 工单类别: 'category', 是否升级: 'escalated', 满意度: 'satisfaction',
  },
  surveys: { 客户编号: 'customer_key', 调查日期: 'date', NPS评分: 'nps', 满意度: 'csat', 意见: 'comment' },
  usage: { 客户编号: 'customer_key', 月份: 'period', 指标: 'metric', 数值: 'value' },
  projects: {
    项目编号: 'project_key', 客户编号: 'customer_key', 项目名称: 'name', 计划开始日期: 'planned_start', 计划结束日期: 'planned_end',
    实际开始日期: 'actual_start', 实际结束日期: 'actual_end', 项目状态: 'status', 未关闭问题数: 'open_issues', 风险等级: 'risk',
  },
};

type Mapper<K extends EntityKind> = (r: RowReader, batchId: number) => Table<K>;

const MAPPERS: { [K in EntityKind]: Mapper<K> } = {
  customers: (r, batch_id) => {
    const key = r.required('客户编号');
    return {
      row_key: key, batch_id, customer_key: key, name: r.required('客户名称'), industry: r.text('所属行业'),
      segment: r.text('客户规模'), region: r.text('区域'), owner: r.text('客户经理'), first_seen: r.date('首次合作日期'),
      status: r.text('客户状态'), churn_date: r.date('流失日期'), churn_reason: r.text('流失原因'),
      contact_name: r.text('联系人'), phone: r.text('联系电话'), email: r.text('邮箱'),
      tags: JSON.stringify((r.text('客户标签') ?? '').split(';').filter(Boolean)),
      is_benchmark: r.flag('标杆客户') ?? 0, created_from_order: 0,
    };
  },
  orders: (r, batch_id) => {
    const amount = r.requiredNumber('订单金额');
    return {
      row_key: r.fingerprint('orders'), batch_id, order_key: r.required('订单编号'), customer_key: r.required('客户编号'),
      order_date: r.date('下单日期') ?? r.required('下单日期'), amount, quantity: r.number('数量'), unit_price: r.number('单价'),
      product: r.text('产品名称'), category: r.text('产品类别'), channel: r.text('渠道'),
      is_return: r.text('单据类型') === '退货' || amount < 0 ? 1 : 0,
    };
  },
  contracts: (r, batch_id) => {
    const period = r.oneOf('计费方式', { 年付: 'year', 月付: 'month' } as const);
    const value = period === 'year' ? r.requiredNumber('年度合同金额') : r.requiredNumber('月费');
    const key = r.required('合同编号');
    return {
      row_key: key, batch_id, contract_key: key, customer_key: r.required('客户编号'),
      start_date: r.date('开始日期') ?? r.required('开始日期'), end_date: r.date('结束日期'),
      recurring_value: value, value_period: period, mrr: period === 'year' ? value / 12 : value,
      status: r.text('合同状态'), cancelled_date: r.date('终止日期'), renewal_of: r.text('续签原合同编号'), product: r.text('产品/服务'),
    };
  },
  interactions: (r, batch_id) => ({
    row_key: r.fingerprint('interactions'), batch_id, customer_key: r.required('客户编号'), date: r.date('沟通日期') ?? r.required('沟通日期'),
    channel: r.text('沟通渠道'), purpose: r.text('沟通目的'), direction: r.oneOf('方向', { 我方发起: 'outbound', 客户发起: 'inbound' }),
    responded: r.flag('是否回复'), owner: r.text('负责人'), text: r.text('沟通内容'),
  }),
  tickets: (r, batch_id) => {
    const key = r.required('工单编号');
    return {
      row_key: key, batch_id, ticket_key: key, customer_key: r.required('客户编号'), opened_at: r.dateTime('创建时间') ?? r.required('创建时间'),
      first_response_at: r.dateTime('首次响应时间'), resolved_at: r.dateTime('解决时间'), priority: r.text('优先级'),
      category: r.text('工单类别'), escalated: r.flag('是否升级'), satisfaction: r.number('满意度'),
    };
  },
  surveys: (r, batch_id) => ({
    row_key: r.fingerprint('surveys'), batch_id, customer_key: r.required('客户编号'), date: r.date('调查日期') ?? r.required('调查日期'),
    nps: r.number('NPS评分'), csat: r.number('满意度'), comment: r.text('意见'),
  }),
  usage: (r, batch_id) => ({
    row_key: r.fingerprint('usage'), batch_id, customer_key: r.required('客户编号'), period: r.month('月份'),
    metric: r.oneOf('指标', { 登录次数: 'logins', 活跃用户数: 'active_users' }), value: r.requiredNumber('数值'),
  }),
  projects: (r, batch_id) => {
    const key = r.required('项目编号');
    return {
      row_key: key, batch_id, project_key: key, customer_key: r.required('客户编号'), name: r.text('项目名称'),
      planned_start: r.date('计划开始日期'), planned_end: r.date('计划结束日期'), actual_start: r.date('实际开始日期'),
      actual_end: r.date('实际结束日期'), status: r.text('项目状态'), open_issues: r.number('未关闭问题数'), risk: r.text('风险等级'),
    };
  },
};

interface ParsedFile {
  entity: EntityKind;
  file: string;
  bytes: Buffer;
  rows: Raw[];
}

function readDemoFile(dir: string, entity: EntityKind): ParsedFile {
  const { file, headers } = DEMO_FILES[entity];
  const bytes = readFileSync(join(dir, file));
  const text = bytes.toString('utf8').replace(/^\uFEFF/, '');
  const parsed = Papa.parse<Raw>(text, { header: true, skipEmptyLines: true });
  if (parsed.errors.length > 0) {
    const e = parsed.errors[0]!;
    throw new DemoValueError(`${file} row ${(e.row ?? 0) + 2}: ${e.message}`);
  }
  const found = parsed.meta.fields ?? [];
  if (found.join(',') !== headers.join(',')) throw new DemoValueError(`${file}: headers ${found.join(',')} are not ${headers.join(',')}`);
  return { entity, file, bytes, rows: parsed.data };
}

const CHUNK = 200; // well under SQLite's bound-parameter limit at 17 columns a row

async function insertRows<K extends EntityKind>(trx: Transaction<DB>, entity: K, rows: Table<K>[]): Promise<void> {
  // The mapped type ties each entity to its own table; kysely cannot see that through a generic K.
  const into = trx.insertInto(entity as EntityKind) as unknown as { values(v: Table<K>[]): { execute(): Promise<unknown> } };
  for (let i = 0; i < rows.length; i += CHUNK) await into.values(rows.slice(i, i + CHUNK)).execute();
}

/**
 * Loads the demo exports of `dir` into the canonical tables in one transaction, one import_batch
 * per file. Orders naming a customer the customer file lacks create that customer, flagged
 * created_from_order (the demo has two such, see resources/demo/README.md). Returns the rows now
 * in each table.
 */
export async function loadDemoData(db: Kysely<DB>, dir: string): Promise<Record<EntityKind, number>> {
  const files = ENTITY_KINDS.map((entity) => readDemoFile(dir, entity));
  const counts = Object.fromEntries(ENTITY_KINDS.map((k) => [k, 0])) as Record<EntityKind, number>;
  await db.transaction().execute(async (trx) => {
    const known = new Set<string>();
    for (const f of files) {
      const started = new Date().toISOString();
      const batch = await trx
        .insertInto('import_batch')
        .values({
          entity: f.entity, file_name: f.file, file_hash: createHash('sha256').update(f.bytes).digest('hex'), file_size: f.bytes.length,
          sheet: null, mapping: JSON.stringify(MAPPINGS[f.entity]), options: JSON.stringify({ loader: 'demo' }),
          rows_read: f.rows.length, rows_accepted: f.rows.length, rows_rejected: 0, rows_duplicate: 0,
          status: 'committed', started_at: started, finished_at: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const mapper = MAPPERS[f.entity] as Mapper<EntityKind>;
      const rows = f.rows.map((raw, i) => mapper(new RowReader(f.file, i + 2, raw), batch.id));
      await insertRows(trx, f.entity, rows);
      counts[f.entity] += rows.length;
      if (f.entity === 'customers') for (const raw of f.rows) known.add(raw['客户编号'] ?? '');
      if (f.entity === 'orders') {
        const created = new Map<string, string>();
        for (const raw of f.rows) {
          const key = raw['客户编号'] ?? '';
          if (!known.has(key) && !created.has(key)) created.set(key, raw['客户名称'] ?? key);
        }
        const stubs: Table<'customers'>[] = [...created].map(([key, name]) => ({
          row_key: key, batch_id: batch.id, customer_key: key, name, industry: null, segment: null, region: null, owner: null,
          first_seen: null, status: null, churn_date: null, churn_reason: null, contact_name: null, phone: null, email: null,
          tags: '[]', is_benchmark: 0, created_from_order: 1,
        }));
        await insertRows(trx, 'customers', stubs);
        counts.customers += stubs.length;
        for (const key of created.keys()) known.add(key);
      }
      await trx.updateTable('import_batch').set({ finished_at: new Date().toISOString() }).where('id', '=', batch.id).execute();
    }
  });
  return counts;
}
