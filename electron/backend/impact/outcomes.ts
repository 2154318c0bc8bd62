// Each member's outcome over the experiment window and over the same length before the start (the
// pre-period CUPED adjusts with), and the monthly panel a difference-in-differences reads.
//   converted: a paying order in the window (1/0);
//   retained: still a customer at the window's end: no churn date by then, and a paying order in the
//             window or a live contract on its last day (1/0);
//   revenue: net order amount in the window (returns subtract).

import type { ReadableDB } from '../workspace/connection';
import type { Arm, ExperimentDefinition, MemberOutcome } from '../../../shared/impact/experiment';
import type { PanelRow } from '../../../shared/impact/did';
import { addDays, addMonths } from '../../../shared/health/dates';
import { members, windowEndOf } from './experiments-store';

const NET = `case when o.is_return = 1 then -abs(o.amount) else o.amount end`;

function measure(sqlite: ReadableDB, id: number, outcome: ExperimentDefinition['outcome'], from: string, to: string): Map<string, number> {
  let sql: string;
  let params: (string | number)[];
  if (outcome === 'revenue') {
    sql = `select m.customer_key as k, coalesce((select sum(${NET}) from orders o where o.customer_key = m.customer_key and o.order_date >= ? and o.order_date < ?), 0) as v
           from experiment_member m where m.experiment_id = ?`;
    params = [from, addDays(to, 1), id];
  } else if (outcome === 'converted') {
    sql = `select m.customer_key as k, exists (select 1 from orders o where o.customer_key = m.customer_key and o.is_return = 0 and o.amount > 0 and o.order_date >= ? and o.order_date < ?) as v
           from experiment_member m where m.experiment_id = ?`;
    params = [from, addDays(to, 1), id];
  } else {
    sql = `select m.customer_key as k,
             (coalesce((select c.churn_date from customers c where c.customer_key = m.customer_key), '9999') > ?)
             and (exists (select 1 from orders o where o.customer_key = m.customer_key and o.is_return = 0 and o.amount > 0 and o.order_date >= ? and o.order_date < ?)
                  or exists (select 1 from contracts k where k.customer_key = m.customer_key and k.start_date <= ? and coalesce(k.cancelled_date, k.end_date, '9999') >= ? and k.mrr > 0)) as v
           from experiment_member m where m.experiment_id = ?`;
    params = [to, from, addDays(to, 1), to, to, id];
  }
  const rows = sqlite.prepare(sql).all(...params) as { k: string; v: number }[];
  return new Map(rows.map((r) => [r.k, Number(r.v)]));
}

export function memberOutcomes(sqlite: ReadableDB, id: number, d: ExperimentDefinition): MemberOutcome[] {
  const end = windowEndOf(d);
  const preTo = addDays(d.startDate, -1);
  const preFrom = addDays(d.startDate, -d.windowDays);
  const post = measure(sqlite, id, d.outcome, d.startDate, end);
  const pre = measure(sqlite, id, d.outcome, preFrom, preTo);
  return members(sqlite, id).map((m) => ({ customerKey: m.customerKey, arm: m.arm, value: post.get(m.customerKey) ?? 0, pre: pre.get(m.customerKey) ?? 0 }));
}

/** Monthly values, six months before the start month to the window's last month (or the data's end). */
export function monthlyPanel(
  sqlite: ReadableDB,
  id: number,
  d: ExperimentDefinition,
  dataEnd: string | null,
  preMonths = 6,
): { rows: PanelRow[]; firstPostPeriod: string } {
  const startMonth = d.startDate.slice(0, 7);
  const end = windowEndOf(d);
  const lastDay = dataEnd !== null && dataEnd < end ? dataEnd : end;
  const months: string[] = [];
  for (let m = addMonths(`${startMonth}-01`, -preMonths); m.slice(0, 7) <= lastDay.slice(0, 7); m = addMonths(m, 1)) months.push(m.slice(0, 7));
  const list = members(sqlite, id);
  const valueExpr = d.outcome === 'revenue' ? `sum(${NET})` : `max(case when o.is_return = 0 and o.amount > 0 then 1 else 0 end)`;
  const rows = sqlite
    .prepare(
      `select o.customer_key as k, substr(o.order_date, 1, 7) as p, ${valueExpr} as v from orders o
       join experiment_member m on m.customer_key = o.customer_key and m.experiment_id = ?
       where o.order_date >= ? and o.order_date < ? group by o.customer_key, p`,
    )
    .all(id, `${months[0]}-01`, addMonths(`${months[months.length - 1]}-01`, 1)) as { k: string; p: string; v: number }[];
  const byKey = new Map(rows.map((r) => [`${r.k}\u0000${r.p}`, r.v]));
  const panel: PanelRow[] = [];
  const group = (arm: Arm): PanelRow['group'] => (arm === 'treatment' ? 'treatment' : 'comparison');
  for (const m of list)
    for (const p of months) panel.push({ unit: m.customerKey, group: group(m.arm), period: p, value: byKey.get(`${m.customerKey}\u0000${p}`) ?? 0 });
  return { rows: panel, firstPostPeriod: startMonth };
}
