import { CHURN_REASONS, MAINTENANCE_CONTRACT } from './catalog';
import { AS_OF, dateTime, isoDate, monthLabel, slashDate } from './calendar';
import { groupedMoney, money, type Cell } from './csv';
import type { ContractRec, CustomerPlan, InteractionRec, OrderLineRec, ProjectRec, SurveyRec, TicketRec, UsageRec } from './model';

// Generator records -> the rows of each export, in the column order of demo-files.ts.
// Date styles differ by source system on purpose (CRM 2024/3/5, ERP 2024-03-05, service desk with
// times), as they do at real clients.

const SIZE_LABEL = { large: '大型', medium: '中型', small: '小型' } as const;

export function customerRow(c: CustomerPlan): Cell[] {
  const churned = c.churnDay !== null;
  return [
    c.key,
    c.name,
    c.industry.name,
    SIZE_LABEL[c.size],
    c.region.name,
    c.province,
    c.city,
    c.owner,
    slashDate(c.firstSeen),
    churned ? '已流失' : '合作中',
    churned ? slashDate(c.churnDay!) : null,
    churned && c.churnReason ? CHURN_REASONS[c.churnReason] : null,
    c.patterns.has('benchmark') ? '是' : '否',
    c.tags.length ? c.tags.join(';') : null,
    c.contact.name,
    c.phone,
    c.email,
  ];
}

export function orderRow(l: OrderLineRec): Cell[] {
  return [
    l.orderNo ?? '',
    l.isReturn ? '退货' : '销售',
    isoDate(l.day),
    l.customerKey,
    l.customerName,
    l.product,
    l.category,
    l.qty,
    money(l.price),
    money(l.qty * l.price),
    l.channel,
    l.seller,
    l.origin?.orderNo ?? null,
  ];
}

export function contractStatus(k: ContractRec): string {
  if (k.cancelledDay !== null) return '已终止';
  if (k.endDay >= AS_OF) return '履行中';
  return k.renewed ? '已续约' : '已到期';
}

export function contractRow(k: ContractRec): Cell[] {
  return [
    k.key ?? '',
    k.customer.key,
    k.customer.name,
    k.product === MAINTENANCE_CONTRACT ? '服务合同' : '订阅合同',
    k.product,
    isoDate(k.startDay),
    isoDate(k.endDay),
    k.monthly ? '月付' : '年付',
    k.monthly ? null : groupedMoney(k.value),
    k.monthly ? groupedMoney(k.value) : null,
    contractStatus(k),
    k.cancelledDay !== null ? isoDate(k.cancelledDay) : null,
    k.prev?.key ?? null,
    k.signer,
  ];
}

export function interactionRow(n: InteractionRec): Cell[] {
  return [
    n.customer.key,
    n.customer.name,
    isoDate(n.day),
    n.channel,
    n.purpose,
    n.outbound ? '我方发起' : '客户发起',
    n.responded ? '是' : '否',
    n.owner,
    n.text,
  ];
}

export function ticketRow(t: TicketRec): Cell[] {
  return [
    t.key ?? '',
    t.customer.key,
    t.customer.name,
    dateTime(t.openedDay, t.openedMin),
    dateTime(t.openedDay, t.openedMin + t.responseMin),
    t.resolveMin !== null ? dateTime(t.openedDay, t.openedMin + t.resolveMin) : null,
    t.priority,
    t.category,
    t.resolveMin !== null ? '已关闭' : '处理中',
    t.escalated ? '是' : '否',
    t.satisfaction,
    t.engineer,
  ];
}

export function surveyRow(s: SurveyRec): Cell[] {
  return [s.customer.key, s.customer.name, isoDate(s.day), s.nps, s.csat, s.comment || null];
}

export function usageRow(u: UsageRec): Cell[] {
  return [u.customer.key, monthLabel(u.month), u.metric, u.value];
}

export function projectRow(p: ProjectRec): Cell[] {
  const d = (v: number | null): string | null => (v === null ? null : isoDate(v));
  return [
    p.key ?? '',
    p.customer.key,
    p.customer.name,
    p.name,
    p.manager,
    d(p.plannedStart),
    d(p.plannedEnd),
    d(p.actualStart),
    d(p.actualEnd),
    p.status,
    p.openIssues,
    p.risk,
  ];
}
