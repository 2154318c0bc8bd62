// Reading stored runs: summaries, the overview (bands by tier and owner, trend vs the previous run),
// score lists, a customer's card, the what-if matrix and the signal inbox.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import type { Row } from '../workspace/schema';
import type {
  BandGroup,
  CustomerHealth,
  CustomerScoreRow,
  HealthOverview,
  HealthRunSummary,
  Paged,
  SignalRow,
  SignalStatus,
  WhatIfData,
} from '../../../shared/contract/health';
import { METRIC_COUNT } from '../../../shared/health/metrics';
import type { HealthModel } from '../../../shared/health/model';
import type { HealthRunSources } from '../../../shared/health/model-sources';
import { trendOf, type Band, type MeasureBreakdown } from '../../../shared/health/score';
import type { SignalEvidence } from '../../../shared/health/signals';
import type { Severity } from '../../../shared/health/vocabulary';
import { WorkbenchError } from '../errors';
import { listActions } from './actions-store';
import { customerStatus } from './customer-status';
import { runActionPolicy } from './action-policy-store';

type RunDbRow = Row<'health_run'>;

function toSummary(r: RunDbRow): HealthRunSummary {
  const m = JSON.parse(r.model) as HealthModel;
  return {
    id: r.id,
    modelId: r.model_id,
    modelName: m.name ?? null,
    modelNameKey: m.nameKey ?? null,
    asOf: r.as_of,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    customers: r.customers,
    bands: { red: r.red, yellow: r.yellow, green: r.green, none: r.none },
    signalsOpened: r.signals_opened,
    signalsResolved: r.signals_resolved,
    actionsOpened: r.actions_opened,
    paramSet: r.param_set,
    actionPolicy: runActionPolicy(r.action_policy),
    sources: runSources(r.sources),
  };
}

/** The model runs a health run read (null: a run made before health runs recorded them). */
function runSources(json: string | null): HealthRunSources | null {
  return json ? (JSON.parse(json) as HealthRunSources) : null;
}

export function listRuns(sqlite: ReadableDB): HealthRunSummary[] {
  return (sqlite.prepare('select * from health_run where finished_at is not null order by id desc').all() as RunDbRow[]).map(toSummary);
}

function runRow(sqlite: ReadableDB, runId?: number): RunDbRow | null {
  const r = (
    runId === undefined
      ? // The run with the latest as-of date, not the last executed: re-running an older date must not
        // replace what the dashboard and the report show by default.
        sqlite.prepare('select * from health_run where finished_at is not null order by as_of desc, id desc limit 1').get()
      : sqlite.prepare('select * from health_run where id = ?').get(runId)
  ) as RunDbRow | undefined;
  if (!r && runId !== undefined) throw new WorkbenchError('NOT_FOUND', { what: '健康度运行 / health run', id: runId });
  return r ?? null;
}

function previousRun(sqlite: ReadableDB, run: RunDbRow): RunDbRow | null {
  return (
    (sqlite.prepare('select * from health_run where finished_at is not null and id < ? order by id desc limit 1').get(run.id) as RunDbRow | undefined) ?? null
  );
}

function groupBands(sqlite: ReadableDB, runId: number, column: 'segment' | 'owner'): BandGroup[] {
  const rows = sqlite
    .prepare(
      `select c.${column} as grp, sum(s.band = 'red') as red, sum(s.band = 'yellow') as yellow, sum(s.band = 'green') as green,
              sum(s.band is null) as none, avg(s.score) as avg
         from health_score s join customers c on c.customer_key = s.customer_key
        where s.run_id = ? group by c.${column} order by count(*) desc`,
    )
    .all(runId) as { grp: string | null; red: number; yellow: number; green: number; none: number; avg: number | null }[];
  return rows.map((r) => ({ group: r.grp, red: r.red, yellow: r.yellow, green: r.green, none: r.none, avgScore: r.avg }));
}

const SCORE_ROW_SQL = `
  select s.customer_key, c.name, c.owner, c.segment, s.score, s.band, p.score as prev_score,
         (select count(*) from health_signal g where g.customer_key = s.customer_key and g.status = 'open') as open_signals,
         (select max(case g.severity when 'heavy' then 3 when 'medium' then 2 else 1 end) from health_signal g
           where g.customer_key = s.customer_key and g.status = 'open') as worst
    from health_score s
    join customers c on c.customer_key = s.customer_key
    left join health_score p on p.run_id = :prev and p.customer_key = s.customer_key
   where s.run_id = :run`;

/** SCORE_ROW_SQL: a score with its customer, the previous run's score and the open signals. */
type ScoreDbRow = Pick<Row<'health_score'>, 'customer_key' | 'score' | 'band'> &
  Pick<Row<'customers'>, 'name' | 'owner' | 'segment'> & { prev_score: number | null; open_signals: number; worst: number | null };

const RANK_SEVERITY: Record<number, Severity> = { 1: 'light', 2: 'medium', 3: 'heavy' };

function toScoreRow(r: ScoreDbRow, tolerance: number): CustomerScoreRow {
  return {
    customerKey: r.customer_key,
    name: r.name,
    owner: r.owner,
    segment: r.segment,
    score: r.score,
    band: r.band,
    previousScore: r.prev_score,
    trend: trendOf(r.score, r.prev_score, tolerance),
    openSignals: r.open_signals,
    worstSeverity: r.worst == null ? null : (RANK_SEVERITY[r.worst] ?? null),
  };
}

export function listScores(
  sqlite: ReadableDB,
  args: { runId?: number; band?: Band | 'none'; search?: string; limit: number; offset: number },
): Paged<CustomerScoreRow> {
  const run = runRow(sqlite, args.runId);
  if (!run) return { items: [], total: 0 };
  const prev = previousRun(sqlite, run);
  const model = JSON.parse(run.model) as HealthModel;
  const where: string[] = [];
  const params: Record<string, string | number> = { run: run.id, prev: prev?.id ?? -1 };
  if (args.band === 'none') where.push('s.band is null');
  else if (args.band) {
    where.push('s.band = :band');
    params.band = args.band;
  }
  if (args.search) {
    where.push(`(c.name like :q escape '\\' or s.customer_key like :q escape '\\' or c.owner like :q escape '\\')`);
    params.q = `%${args.search.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  }
  const filter = where.length ? ` and ${where.join(' and ')}` : '';
  const total = (
    sqlite
      .prepare(`select count(*) as n from health_score s join customers c on c.customer_key = s.customer_key where s.run_id = :run${filter}`)
      .get(params) as { n: number }
  ).n;
  const rows = sqlite
    .prepare(`${SCORE_ROW_SQL}${filter} order by s.score is null, s.score, c.name limit :limit offset :offset`)
    .all({ ...params, limit: args.limit, offset: args.offset }) as ScoreDbRow[];
  return { items: rows.map((r) => toScoreRow(r, model.trendTolerance)), total };
}

export function overview(sqlite: ReadableDB, runId: number | undefined, now: string): HealthOverview {
  const signals = signalCounts(sqlite, 'open');
  const actionRows = sqlite
    // A snoozed action is not counted late until its snooze date (the board shows it under 已推迟).
    .prepare(
      `select status, count(*) as n, sum(status in ('open','inProgress') and due_at < :now and (snoozed_until is null or snoozed_until <= substr(:now, 1, 10))) as late
         from health_action group by status`,
    )
    .all({ now }) as {
    status: string;
    n: number;
    late: number;
  }[];
  const actions = { open: 0, inProgress: 0, overdue: 0, done: 0 };
  for (const r of actionRows) {
    if (r.status === 'open' || r.status === 'inProgress' || r.status === 'done') actions[r.status] = r.n;
    actions.overdue += r.late ?? 0;
  }
  const run = runRow(sqlite, runId);
  const history = (
    sqlite
      .prepare(
        `select r.id, r.as_of, r.red, r.yellow, r.green, (select avg(score) from health_score s where s.run_id = r.id) as avg
                from health_run r where r.finished_at is not null order by r.id`,
      )
      .all() as { id: number; as_of: string; red: number; yellow: number; green: number; avg: number | null }[]
  ).map((h) => ({
    runId: h.id,
    asOf: h.as_of,
    red: h.red,
    yellow: h.yellow,
    green: h.green,
    average: h.avg,
  }));
  if (!run) {
    return {
      run: null,
      previous: null,
      model: null,
      byTier: [],
      byOwner: [],
      trend: { up: 0, down: 0, same: 0, new: 0 },
      averageScore: null,
      previousAverageScore: null,
      lowest: [],
      signals,
      actions,
      history,
    };
  }
  const prev = previousRun(sqlite, run);
  const model = JSON.parse(run.model) as HealthModel;
  const trend = { up: 0, down: 0, same: 0, new: 0 };
  const pairs = sqlite
    .prepare(
      'select s.score, p.score as prev from health_score s left join health_score p on p.run_id = ? and p.customer_key = s.customer_key where s.run_id = ?',
    )
    .raw(true)
    .all(prev?.id ?? -1, run.id) as [number | null, number | null][];
  for (const [score, before] of pairs) {
    if (score == null) continue;
    const t = trendOf(score, before, model.trendTolerance);
    trend[t ?? 'new']++;
  }
  const avg = (id: number): number | null => (sqlite.prepare('select avg(score) as a from health_score where run_id = ?').get(id) as { a: number | null }).a;
  const lowestRows = sqlite
    .prepare(`${SCORE_ROW_SQL} and s.score is not null order by s.score, c.name limit 12`)
    .all({ run: run.id, prev: prev?.id ?? -1 }) as ScoreDbRow[];
  return {
    run: toSummary(run),
    previous: prev ? toSummary(prev) : null,
    model,
    byTier: groupBands(sqlite, run.id, 'segment'),
    byOwner: groupBands(sqlite, run.id, 'owner'),
    trend,
    averageScore: avg(run.id),
    previousAverageScore: prev ? avg(prev.id) : null,
    lowest: lowestRows.map((r) => toScoreRow(r, model.trendTolerance)),
    signals,
    actions,
    history,
    churnRunNow: churnRunNotRead(sqlite, toSummary(run).sources),
  };
}

/** The latest churn run that passed its evaluation, when the health run's sources did not read it. */
function churnRunNotRead(sqlite: ReadableDB, sources: HealthRunSources | null): { id: number; scoredAsOf: string } | null {
  const latest = sqlite.prepare(`select id, scored_as_of from churn_run where status = 'ok' order by id desc limit 1`).get() as
    { id: number; scored_as_of: string } | undefined;
  if (!latest) return null;
  const used = sources?.churn.status === 'used' ? sources.churn.runId : null;
  return used === latest.id ? null : { id: latest.id, scoredAsOf: latest.scored_as_of };
}

export function customerHealth(sqlite: ReadableDB, customerKey: string, runId: number | undefined, now: string): CustomerHealth {
  const c = sqlite.prepare('select customer_key, name, owner, segment from customers where customer_key = ?').get(customerKey) as
    { customer_key: string; name: string; owner: string | null; segment: string | null } | undefined;
  if (!c) throw new WorkbenchError('NOT_FOUND', { what: '客户 / customer', id: customerKey });
  const history = (
    sqlite
      .prepare(
        'select r.id, r.as_of, r.model_id, s.score, s.band from health_score s join health_run r on r.id = s.run_id where s.customer_key = ? order by r.id',
      )
      .all(customerKey) as { id: number; as_of: string; model_id: string; score: number | null; band: Band | null }[]
  ).map((h) => ({
    runId: h.id,
    asOf: h.as_of,
    modelId: h.model_id,
    score: h.score,
    band: h.band,
  }));
  const run = runRow(sqlite, runId);
  let measures: MeasureBreakdown[] = [];
  let model: HealthModel | null = null;
  let score: number | null = null;
  let band: Band | null = null;
  let trend: CustomerHealth['trend'] = null;
  if (run) {
    model = JSON.parse(run.model) as HealthModel;
    const s = sqlite.prepare('select score, band, measures from health_score where run_id = ? and customer_key = ?').get(run.id, customerKey) as
      { score: number | null; band: Band | null; measures: string } | undefined;
    if (s) {
      score = s.score;
      band = s.band;
      measures = breakdown(model, JSON.parse(s.measures) as [number | null, number | null][]);
      const prevRun = previousRun(sqlite, run);
      const prev = prevRun ? history.find((h) => h.runId === prevRun.id) : undefined;
      trend = trendOf(score, prev?.score ?? null, model.trendTolerance);
    }
  }
  const signals = listSignals(sqlite, { customerKey, limit: 200, offset: 0 }).items;
  let status: CustomerHealth['status'] = null;
  if (run) {
    // The heavy-signal measure's share of this customer's score: what a green card with a heavy
    // signal open has to explain.
    const heavy = measures.find((m) => m.metric === 'heavySignals' && m.weight > 0);
    status = customerStatus(sqlite, customerKey, run.as_of, {
      band,
      heavyOpen: signals.filter((x) => x.status === 'open' && x.severity === 'heavy').length,
      heavyShare: heavy ? heavy.share : null,
    });
  }
  return {
    customerKey: c.customer_key,
    name: c.name,
    owner: c.owner,
    segment: c.segment,
    runId: run?.id ?? null,
    asOf: run?.as_of ?? null,
    model,
    score,
    band,
    trend,
    measures,
    history,
    signals,
    actions: listActions(sqlite, { customerKey }, now),
    status,
    sources: runSources(run?.sources ?? null),
  };
}

/** Rebuilds "what the score is made of" from the stored [value, points] pairs and the run's model. */
export function breakdown(model: HealthModel, parts: [number | null, number | null][]): MeasureBreakdown[] {
  const rows: MeasureBreakdown[] = model.measures.map((m, i) => ({
    measureId: m.id,
    metric: m.metric,
    value: parts[i]?.[0] ?? null,
    points: parts[i]?.[1] ?? null,
    weight: m.weight,
    share: 0,
    contribution: 0,
  }));
  const scored = rows.filter((r) => r.points !== null && r.weight > 0);
  if (scored.length === 0) return rows;
  if (model.aggregation === 'lowest') {
    let d = scored[0] as MeasureBreakdown;
    for (const r of scored) if ((r.points as number) < (d.points as number)) d = r;
    d.share = 1;
    d.contribution = d.points as number;
  } else {
    const den = scored.reduce((s, r) => s + r.weight, 0);
    for (const r of scored) {
      r.share = r.weight / den;
      r.contribution = (r.points as number) * r.share;
    }
  }
  return rows;
}

export function whatIfData(sqlite: ReadableDB, runId?: number): WhatIfData | null {
  const run = runRow(sqlite, runId);
  if (!run) return null;
  const rows = sqlite
    .prepare(
      'select s.customer_key, c.name, c.segment, c.owner, s.metrics from health_score s join customers c on c.customer_key = s.customer_key where s.run_id = ? order by s.customer_key',
    )
    .raw(true)
    .all(run.id) as [string, string, string | null, string | null, Buffer | null][];
  const metrics: (number | null)[] = new Array<number | null>(rows.length * METRIC_COUNT);
  const tiers: (string | null)[] = [];
  const owners: (string | null)[] = [];
  const tierIdx = new Map<string | null, number>();
  const ownerIdx = new Map<string | null, number>();
  const index = (map: Map<string | null, number>, list: (string | null)[], v: string | null): number => {
    let i = map.get(v);
    if (i === undefined) {
      i = list.length;
      list.push(v);
      map.set(v, i);
    }
    return i;
  };
  const customerKeys: string[] = [];
  const names: string[] = [];
  const tierOf: number[] = [];
  const ownerOf: number[] = [];
  rows.forEach(([key, name, segment, owner, blob], c) => {
    customerKeys.push(key);
    names.push(name);
    tierOf.push(index(tierIdx, tiers, segment));
    ownerOf.push(index(ownerIdx, owners, owner));
    // Metrics are only ever appended, so a run stored before the newer ones has a shorter row:
    // its first metrics keep their places and the rest read as "no data".
    const values = blob && blob.byteLength % 8 === 0 && blob.byteLength <= METRIC_COUNT * 8 ? new Float64Array(new Uint8Array(blob).buffer) : null;
    for (let i = 0; i < METRIC_COUNT; i++) {
      const v = values && i < values.length ? (values[i] as number) : Number.NaN;
      // JSON has no NaN; 4 decimals keep the payload small and no threshold is finer than that.
      metrics[c * METRIC_COUNT + i] = Number.isNaN(v) ? null : Math.round(v * 1e4) / 1e4;
    }
  });
  return {
    runId: run.id,
    asOf: run.as_of,
    model: JSON.parse(run.model) as HealthModel,
    sources: runSources(run.sources),
    metricCount: METRIC_COUNT,
    metrics,
    customerKeys,
    names,
    tiers,
    tierOf,
    owners,
    ownerOf,
  };
}

// ---- signals ----

/** SELECT_SIGNALS: a signal with its customer and the action opened from it. */
type SignalDbRow = Omit<Row<'health_signal'>, 'owner'> & { customer_name: string | null; owner: string | null; action_id: number | null };

/** owner: the one assigned in the inbox, else the customer's. Needs customers joined as c. */
export const SIGNAL_COLUMNS = `g.*, c.name as customer_name, coalesce(g.owner, c.owner) as owner,
         (select max(a.id) from health_action a where a.source_signal_id = g.id) as action_id`;

const SELECT_SIGNALS = `
  select ${SIGNAL_COLUMNS}
    from health_signal g left join customers c on c.customer_key = g.customer_key`;

export function toSignal(r: SignalDbRow): SignalRow {
  return {
    id: r.id,
    customerKey: r.customer_key,
    customerName: r.customer_name ?? r.customer_key,
    owner: r.owner,
    ruleId: r.rule_id,
    severity: r.severity,
    status: r.status,
    evidence: JSON.parse(r.evidence) as SignalEvidence,
    triggeredOn: r.triggered_on,
    asOf: r.as_of,
    firstRunId: r.first_run_id,
    lastRunId: r.last_run_id,
    dismissedReason: r.dismissed_reason,
    dismissedReasonCode: r.dismissed_reason_code,
    dismissedAt: r.dismissed_at,
    closedAt: r.closed_at,
    actionId: r.action_id,
    snoozedUntil: r.snoozed_until,
  };
}

/** Signals by severity; 'open' leaves out the ones snoozed past today (the inbox shows them under 已推迟). */
export function signalCounts(sqlite: ReadableDB, status: SignalStatus | undefined): Record<Severity, number> {
  const where = !status
    ? ''
    : status === 'open'
      ? `where status = ? and (snoozed_until is null or snoozed_until <= date('now', 'localtime'))`
      : 'where status = ?';
  const rows = sqlite.prepare(`select severity, count(*) as n from health_signal ${where} group by severity`).all(...(status ? [status] : [])) as {
    severity: Severity;
    n: number;
  }[];
  const out: Record<Severity, number> = { heavy: 0, medium: 0, light: 0 };
  for (const r of rows) out[r.severity] = r.n;
  return out;
}

export function listSignals(
  sqlite: ReadableDB,
  args: { status?: SignalStatus; severity?: Severity; customerKey?: string; limit: number; offset: number },
): Paged<SignalRow> & { counts: Record<Severity, number> } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (args.status) {
    where.push('g.status = ?');
    params.push(args.status);
  }
  if (args.severity) {
    where.push('g.severity = ?');
    params.push(args.severity);
  }
  if (args.customerKey) {
    where.push('g.customer_key = ?');
    params.push(args.customerKey);
  }
  const w = where.length ? `where ${where.join(' and ')}` : '';
  const total = (sqlite.prepare(`select count(*) as n from health_signal g ${w}`).get(...params) as { n: number }).n;
  const rows = sqlite
    .prepare(
      `${SELECT_SIGNALS} ${w}
       order by case g.severity when 'heavy' then 0 when 'medium' then 1 else 2 end, g.triggered_on desc, g.id limit ? offset ?`,
    )
    .all(...params, args.limit, args.offset) as SignalDbRow[];
  return { items: rows.map(toSignal), total, counts: signalCounts(sqlite, args.status) };
}

export function getSignal(sqlite: ReadableDB, id: number): SignalRow {
  const r = sqlite.prepare(`${SELECT_SIGNALS} where g.id = ?`).get(id) as SignalDbRow | undefined;
  if (!r) throw new WorkbenchError('NOT_FOUND', { what: '预警信号 / signal', id });
  return toSignal(r);
}

export function dismissSignal(sqlite: WritableDB, id: number, reason: string, now: string, reasonCode: string | null = null): SignalRow {
  const s = getSignal(sqlite, id);
  if (s.status !== 'open') {
    throw new WorkbenchError('VALIDATION_FAILED', { detail: `signal ${id} is ${s.status}, only an open signal can be dismissed / 只有未处理的信号可以忽略` });
  }
  sqlite
    .prepare(`update health_signal set status = 'dismissed', dismissed_reason = ?, dismissed_reason_code = ?, dismissed_at = ? where id = ?`)
    .run(reason, reasonCode, now, id);
  return getSignal(sqlite, id);
}

export function reopenSignal(sqlite: WritableDB, id: number): SignalRow {
  const s = getSignal(sqlite, id);
  if (s.status !== 'dismissed') {
    throw new WorkbenchError('VALIDATION_FAILED', {
      detail: `signal ${id} is ${s.status}, only a dismissed signal can be reopened / 只有已忽略的信号可以恢复`,
    });
  }
  sqlite.prepare(`update health_signal set status = 'open', dismissed_reason = null, dismissed_reason_code = null, dismissed_at = null where id = ?`).run(id);
  return getSignal(sqlite, id);
}
