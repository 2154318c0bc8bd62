import type { ReadableDB } from '../workspace/connection';
import type { TFunction } from 'i18next';
import type { CancelSignal } from '../../../shared/contract/define';
import type { SignalEvidence } from '../../../shared/health/signals';
import type { PseudonymKind } from '../../../shared/reports/pseudonymise';
import type { ReportMessageKey } from '../../../shared/reports/messages';
import { checkpoint } from '../jobs';
import type { XlsxDataSheetSpec } from './xlsx-report';
import type { PlainCellInput } from './safe-cell';
import type { HealthModel } from '../../../shared/health/model';
import { bandRule } from './sections/health';
import { overdueClock } from '../health/overdue-clock';

// The flat sheets analysts pivot: one row per customer (client fields, order totals, the latest stored
// health score and band, open signals), one per open signal, one per action. Read in pages by key,
// never through an open iterator: the export awaits between pages (progress, cancel) and the
// connection must stay usable for other calls meanwhile.

const PAGE = 2000;

export interface DataSheetContext {
  sqlite: ReadableDB;
  t: TFunction;
  r: (key: ReportMessageKey, params?: Record<string, string | number>) => string;
  signal: CancelSignal;
  progress: (phase: string, done: number, total: number | null) => void;
  /** Pseudonymised export: the token for a personal value; null keeps values as they are. */
  token: ((kind: PseudonymKind, original: string) => string) | null;
  /** Free text with known names, phones and emails replaced (evidence, notes). */
  text: ((input: string) => string) | null;
}

function memo(f: (key: string) => string): (key: string) => string {
  const cache = new Map<string, string>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = f(key)));
    return v;
  };
}

async function* paged<R>(
  c: DataSheetContext,
  phase: string,
  total: number,
  page: (after: number, limit: number) => (R & { _rowid: number })[],
): AsyncGenerator<R & { _rowid: number }> {
  let after = -1;
  let done = 0;
  for (;;) {
    // A checkpoint before every page, the first included: a sheet of one page can be cancelled too.
    await checkpoint(c.signal);
    const rows = page(after, PAGE);
    for (const row of rows) yield row;
    done += rows.length;
    c.progress(phase, done, total);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1]!._rowid;
  }
}

function pii(c: DataSheetContext, kind: PseudonymKind, value: string | null): string | null {
  if (value === null || value === '' || !c.token) return value;
  return c.token(kind, value);
}

interface CustomerRow {
  _rowid: number;
  customer_key: string;
  name: string;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  industry: string | null;
  segment: string | null;
  region: string | null;
  owner: string | null;
  status: string | null;
  first_seen: string | null;
  churn_date: string | null;
  orders: number;
  amount: number | null;
  last_order: string | null;
  score: number | null;
  band: string | null;
}

const SEVERITY_BY_RANK = ['', 'light', 'medium', 'heavy'] as const;

export function customersSheet(c: DataSheetContext): XlsxDataSheetSpec {
  const run = c.sqlite.prepare('select id, model from health_run where finished_at is not null order by id desc limit 1').get() as
    { id: number; model: string } | undefined;
  const model = run ? (JSON.parse(run.model) as HealthModel) : null;
  const open = new Map<string, { n: number; worst: number }>();
  for (const s of c.sqlite
    .prepare(
      `select customer_key, count(*) as n, max(case severity when 'heavy' then 3 when 'medium' then 2 else 1 end) as worst
         from health_signal where status = 'open' group by customer_key`,
    )
    .all() as { customer_key: string; n: number; worst: number }[]) {
    open.set(s.customer_key, { n: s.n, worst: s.worst });
  }
  const total = (c.sqlite.prepare('select count(*) as n from customers').get() as { n: number }).n;
  // Order totals per customer through the (customer_key, order_date) index, one page at a time.
  const stmt = c.sqlite.prepare(`
    select c.id as _rowid, c.customer_key, c.name, c.contact_name, c.phone, c.email, c.industry, c.segment, c.region,
           c.owner, c.status, c.first_seen, c.churn_date,
           (select count(distinct o.order_key) from orders o where o.customer_key = c.customer_key) as orders,
           (select sum(o.amount) from orders o where o.customer_key = c.customer_key) as amount,
           (select max(o.order_date) from orders o where o.customer_key = c.customer_key) as last_order,
           s.score, s.band
      from customers c
      left join health_score s on s.run_id = ? and s.customer_key = c.customer_key
     where c.id > ? order by c.id limit ?`);
  // Labels looked up once, not per row: i18next costs microseconds a call and this runs 100k times.
  const bandLabels = new Map(['red', 'yellow', 'green'].map((b) => [b, c.t(`health:bands.${b}`)]));
  const sevLabels = SEVERITY_BY_RANK.map((s) => (s ? c.t(`health:severities.${s}`) : null));
  const band = (b: string | null) => (b ? (bandLabels.get(b) ?? b) : null);
  const sev = (rank: number | undefined) => (rank ? (sevLabels[rank] ?? null) : null);
  async function* rows(): AsyncGenerator<PlainCellInput[]> {
    for await (const r of paged<CustomerRow>(c, 'reports.phase.customers', total, (after, limit) => stmt.all(run?.id ?? -1, after, limit) as CustomerRow[])) {
      const sig = open.get(r.customer_key);
      yield [
        r.customer_key,
        pii(c, 'customer', r.name),
        pii(c, 'contact', r.contact_name),
        pii(c, 'phone', r.phone),
        pii(c, 'email', r.email),
        r.industry,
        r.segment,
        r.region,
        r.owner,
        r.status,
        r.first_seen,
        r.churn_date,
        r.orders,
        r.amount,
        r.last_order,
        r.score,
        band(r.band),
        sig?.n ?? 0,
        sev(sig?.worst),
      ];
    }
  }
  const col = (key: ReportMessageKey) => c.r(key);
  return {
    name: c.r('sheets.customers'),
    columns: [
      { header: col('columns.customerKey'), format: 'text', width: 12 },
      { header: col('columns.customer'), format: 'text', width: 26 },
      { header: col('columns.contact'), format: 'text', width: 12 },
      { header: col('columns.phone'), format: 'text', width: 16 },
      { header: col('columns.email'), format: 'text', width: 24 },
      { header: col('columns.industry'), format: 'text', width: 12 },
      { header: col('columns.tier'), format: 'text', width: 10 },
      { header: col('columns.region'), format: 'text', width: 10 },
      { header: col('columns.owner'), format: 'text', width: 10 },
      { header: col('columns.customerStatus'), format: 'text', width: 10 },
      { header: col('columns.firstSeen'), format: 'date', width: 12 },
      { header: col('columns.churnDate'), format: 'date', width: 12 },
      { header: col('columns.orders'), format: 'integer', width: 10 },
      { header: col('columns.orderAmount'), format: 'currency', width: 16 },
      { header: col('columns.lastOrder'), format: 'date', width: 12 },
      { header: col('columns.score'), format: 'number', decimals: 1, width: 10, ...(model ? { colour: bandRule(model) } : {}) },
      { header: col('columns.band'), format: 'text', width: 14 },
      { header: col('columns.openSignals'), format: 'integer', width: 10 },
      { header: col('columns.worstSeverity'), format: 'text', width: 14 },
    ],
    rows: rows(),
  };
}

interface SignalDataRow {
  _rowid: number;
  customer_key: string;
  name: string | null;
  owner: string | null;
  rule_id: string;
  severity: string;
  evidence: string;
  triggered_on: string | null;
  as_of: string;
}

export function signalsSheet(c: DataSheetContext): XlsxDataSheetSpec {
  const total = (c.sqlite.prepare(`select count(*) as n from health_signal where status = 'open'`).get() as { n: number }).n;
  // `+g.status`: walk the primary key from the page's start. On the status index SQLite sorted every
  // open signal by id for each page (100k customers: ~15 s for the sheet instead of under one).
  const stmt = c.sqlite.prepare(`
    select g.id as _rowid, g.customer_key, c.name, c.owner, g.rule_id, g.severity, g.evidence, g.triggered_on, g.as_of
      from health_signal g left join customers c on c.customer_key = g.customer_key
     where +g.status = 'open' and g.id > ? order by g.id limit ?`);
  const label = memo((key: string) => c.t(key));
  async function* rows(): AsyncGenerator<PlainCellInput[]> {
    for await (const r of paged<SignalDataRow>(c, 'reports.phase.signals', total, (after, limit) => stmt.all(after, limit) as SignalDataRow[])) {
      const ev = JSON.parse(r.evidence) as SignalEvidence;
      const evidence = c.t(`health:${ev.messageKey}`, ev.params);
      yield [
        r.customer_key,
        pii(c, 'customer', r.name),
        r.owner,
        label(`health:signals.${r.rule_id}.name`),
        label(`health:severities.${r.severity}`),
        c.text ? c.text(evidence) : evidence,
        r.triggered_on,
        r.as_of,
      ];
    }
  }
  return {
    name: c.r('sheets.signals'),
    columns: [
      { header: c.r('columns.customerKey'), format: 'text', width: 12 },
      { header: c.r('columns.customer'), format: 'text', width: 26 },
      { header: c.r('columns.owner'), format: 'text', width: 10 },
      { header: c.r('columns.signal'), format: 'text', width: 18 },
      { header: c.r('columns.severity'), format: 'text', width: 14 },
      { header: c.r('columns.evidence'), format: 'text', width: 60 },
      { header: c.r('columns.triggeredOn'), format: 'date', width: 12 },
      { header: c.r('columns.asOf'), format: 'date', width: 12 },
    ],
    rows: rows(),
  };
}

interface ActionDataRow {
  _rowid: number;
  customer_key: string;
  name: string | null;
  template_id: string;
  owner_role: string;
  owner: string | null;
  opened_at: string;
  due_at: string;
  status: string;
  closed_at: string | null;
  note: string | null;
}

export function actionsSheet(c: DataSheetContext, now: string): XlsxDataSheetSpec {
  const total = (c.sqlite.prepare('select count(*) as n from health_action').get() as { n: number }).n;
  const stmt = c.sqlite.prepare(`
    select a.id as _rowid, a.customer_key, c.name, a.template_id, a.owner_role, a.owner, a.opened_at, a.due_at, a.status, a.closed_at, a.note
      from health_action a left join customers c on c.customer_key = a.customer_key
     where a.id > ? order by a.id limit ?`);
  const label = memo((key: string) => c.t(key));
  // On historical data: the end of the health run's as-of day, as the action board reads it.
  const overdueAt = overdueClock(c.sqlite, now).at;
  async function* rows(): AsyncGenerator<PlainCellInput[]> {
    for await (const r of paged<ActionDataRow>(c, 'reports.phase.actions', total, (after, limit) => stmt.all(after, limit) as ActionDataRow[])) {
      // The action board's rule: open or in progress and past its due time.
      const overdue = (r.status === 'open' || r.status === 'inProgress') && r.due_at < overdueAt;
      yield [
        r.customer_key,
        pii(c, 'customer', r.name),
        label(`health:actions.${r.template_id}.title`),
        label(`health:ownerRoles.${r.owner_role}`),
        r.owner,
        r.opened_at,
        r.due_at,
        label(`health:actionStatuses.${r.status}`),
        overdue ? c.r('yes') : null,
        r.closed_at,
        r.note && c.text ? c.text(r.note) : r.note,
      ];
    }
  }
  return {
    name: c.r('sheets.actions'),
    columns: [
      { header: c.r('columns.customerKey'), format: 'text', width: 12 },
      { header: c.r('columns.customer'), format: 'text', width: 26 },
      { header: c.r('columns.action'), format: 'text', width: 30 },
      { header: c.r('columns.ownerRole'), format: 'text', width: 12 },
      { header: c.r('columns.owner'), format: 'text', width: 10 },
      { header: c.r('columns.openedAt'), format: 'datetime', width: 16 },
      { header: c.r('columns.due'), format: 'datetime', width: 16 },
      { header: c.r('columns.status'), format: 'text', width: 10 },
      { header: c.r('actions.overdue'), format: 'text', width: 8 },
      { header: c.r('columns.closedAt'), format: 'datetime', width: 16 },
      { header: c.r('columns.note'), format: 'text', width: 40 },
    ],
    rows: rows(),
  };
}
