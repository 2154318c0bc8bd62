import { CHURN_REASONS, MAINTENANCE_CONTRACT, MODULES } from './catalog';
import { AS_OF, MONTHS, isoDate, WINDOW_START } from './calendar';
import type { GeneratedFile } from './index';
import type { ContractRec, CustomerPlan, InteractionRec, OrderLineRec, Pattern, ProjectRec, SurveyRec, TicketRec, UsageRec } from './model';
import type { World } from './plan';
import { contractStatus } from './export-rows';

// What was planted, checked against the generated rows with the exact rule stated here: the
// generator refuses to write a demo whose README promises something the data does not show.

export interface PatternEntry {
  rule: string;
  customers: string[];
  /** How many customers in the data meet the same rule, planted or not. */
  matchingInData?: number;
}

export interface DemoManifest {
  client: string;
  asOf: string;
  windowStart: string;
  files: Record<string, { file: string; rows: number; sha256: string }>;
  customersInCrm: number;
  churnedCustomers: number;
  churnReasons: Record<string, number>;
  orphanCustomerKeys: { key: string; name: string; orderLines: number }[];
  revenueShareLast12Months: { customer: string; name: string; share: number }[];
  contractsEnding90d: string[];
  patterns: Record<string, PatternEntry>;
}

interface Inputs {
  world: World;
  contracts: ContractRec[];
  orders: OrderLineRec[];
  interactions: InteractionRec[];
  tickets: TicketRec[];
  surveys: SurveyRec[];
  usage: UsageRec[];
  projects: ProjectRec[];
  files: GeneratedFile[];
}

const LAST90_FROM = AS_OF - 89; // the 90 days ending on the as-of date, inclusive
const PRIOR90_FROM = LAST90_FROM - 90;
const COMPETITOR = /竞品|对手报价|友商/;
const DECISION_MAKER = /新任|离职|调岗/;

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

const isModule = (k: ContractRec): boolean => MODULES.some((m) => m.name === k.product);
const isPlatform = (k: ContractRec): boolean => !isModule(k) && k.product !== MAINTENANCE_CONTRACT;
const liveOn = (k: ContractRec, day: number): boolean => k.startDay <= day && day <= (k.cancelledDay !== null ? k.cancelledDay - 1 : k.endDay);

export function buildManifest(inp: Inputs): DemoManifest {
  const { world } = inp;
  const notes = groupBy(inp.interactions, (n) => n.customer.key);
  const orders = groupBy(inp.orders, (l) => l.customerKey);
  const tickets = groupBy(inp.tickets, (t) => t.customer.key);
  const surveys = groupBy(inp.surveys, (s) => s.customer.key);
  const usage = groupBy(inp.usage, (u) => u.customer.key);
  const contracts = groupBy(inp.contracts, (k) => k.customer.key);

  const rules: Record<Exclude<Pattern, 'strategic' | 'benchmark'>, { rule: string; test: (c: CustomerPlan) => boolean }> = {
    reactivated: {
      rule: 'churned (contracts ended, no purchase for over 365 days), then bought and signed again',
      test: (c) => {
        const days = (orders.get(c.key) ?? [])
          .filter((l) => l.qty * l.price > 0)
          .map((l) => l.day)
          .sort((a, b) => a - b);
        return days.some((d, i) => i > 0 && d - days[i - 1]! > 365);
      },
    },
    silent6m: {
      rule: 'status 合作中 but no interaction, order, ticket or usage in the 183 days before the as-of date',
      test: (c) =>
        c.churnDay === null &&
        !(notes.get(c.key) ?? []).some((n) => n.day > AS_OF - 183) &&
        !(orders.get(c.key) ?? []).some((l) => l.day > AS_OF - 183) &&
        !(tickets.get(c.key) ?? []).some((t) => t.openedDay > AS_OF - 183),
    },
    interactionDrop: {
      rule: 'interactions in the last 90 days < half of the 90 days before (and at least 4 before)',
      test: (c) => {
        const list = notes.get(c.key) ?? [];
        const last = list.filter((n) => n.day >= LAST90_FROM).length;
        const prior = list.filter((n) => n.day >= PRIOR90_FROM && n.day < LAST90_FROM).length;
        return prior >= 4 && last < prior / 2;
      },
    },
    unanswered3: {
      rule: 'the last three interactions are outbound (我方发起) with 是否回复 = 否',
      test: (c) => {
        const last3 = (notes.get(c.key) ?? []).slice(-3);
        return last3.length === 3 && last3.every((n) => n.outbound && !n.responded);
      },
    },
    purchaseDown: {
      rule: 'net order amount of the last 180 days at most 60% of the 180 days before (a drop of 40%+)',
      test: (c) => {
        const list = orders.get(c.key) ?? [];
        const sum = (from: number, to: number): number => list.filter((l) => l.day >= from && l.day <= to).reduce((s, l) => s + l.qty * l.price, 0);
        const prior = sum(AS_OF - 359, AS_OF - 180);
        return prior > 0 && sum(AS_OF - 179, AS_OF) <= 0.6 * prior;
      },
    },
    lowSatTwice: {
      rule: 'the last two survey answers both have 满意度 <= 2',
      test: (c) => {
        const list = surveys.get(c.key) ?? [];
        return list.length >= 2 && list.slice(-2).every((s) => s.csat <= 2);
      },
    },
    competitor: {
      rule: 'an interaction in the last 90 days mentions 竞品 / 对手报价 / 友商',
      test: (c) => (notes.get(c.key) ?? []).some((n) => n.day >= LAST90_FROM && COMPETITOR.test(n.text)),
    },
    decisionMaker: {
      rule: 'an interaction in the last 90 days mentions a decision-maker change (新任 / 离职 / 调岗)',
      test: (c) => (notes.get(c.key) ?? []).some((n) => n.day >= LAST90_FROM && DECISION_MAKER.test(n.text)),
    },
    slowService: {
      rule: 'mean first-response time of tickets opened in the last 90 days >= 2x the mean of the 270 days before',
      test: (c) => {
        const list = tickets.get(c.key) ?? [];
        const mean = (ts: TicketRec[]): number => ts.reduce((s, t) => s + t.responseMin, 0) / ts.length;
        const last = list.filter((t) => t.openedDay >= LAST90_FROM);
        const base = list.filter((t) => t.openedDay < LAST90_FROM && t.openedDay >= LAST90_FROM - 270);
        return last.length >= 2 && base.length >= 2 && mean(last) >= 2 * mean(base);
      },
    },
    loginsDown: {
      rule: 'mean monthly 登录次数 of the last 3 months <= 70% of the 3 months before (down 30%+)',
      test: (c) => {
        const logins = (usage.get(c.key) ?? []).filter((u) => u.metric === '登录次数');
        const mean = (from: number, to: number): number | null => {
          const v = logins.filter((u) => u.month >= from && u.month <= to);
          return v.length === 3 ? v.reduce((s, u) => s + u.value, 0) / 3 : null;
        };
        const last = mean(MONTHS - 3, MONTHS - 1);
        const prior = mean(MONTHS - 6, MONTHS - 4);
        return last !== null && prior !== null && last <= 0.7 * prior;
      },
    },
    projectDelay: {
      rule: 'a project 实施中 past its planned end with 3+ open issues',
      test: (c) => inp.projects.some((p) => p.customer === c && p.status === '实施中' && p.plannedEnd < AS_OF && p.openIssues >= 3),
    },
    contraction: {
      rule: 'a module contract 已终止 while a platform contract stayed live (contraction, not churn)',
      test: (c) =>
        (contracts.get(c.key) ?? []).some(
          (k) =>
            isModule(k) &&
            k.cancelledDay !== null &&
            (contracts.get(c.key) ?? []).some((p) => isPlatform(p) && liveOn(p, k.cancelledDay!)) &&
            (contracts.get(c.key) ?? []).some((p) => isPlatform(p) && liveOn(p, AS_OF)),
        ),
    },
  };

  const patterns: Record<string, PatternEntry> = {};
  const failures: string[] = [];
  for (const [name, { rule, test }] of Object.entries(rules)) {
    const planted = world.customers.filter((c) => c.patterns.has(name as Pattern));
    for (const c of planted) if (!test(c)) failures.push(`${name}: ${c.key}`);
    patterns[name] = { rule, customers: planted.map((c) => c.key), matchingInData: world.customers.filter(test).length };
  }
  patterns.strategic = {
    rule: 'key accounts owned by the key-account manager; see revenueShareLast12Months',
    customers: world.customers.filter((c) => c.patterns.has('strategic')).map((c) => c.key),
  };
  patterns.benchmark = { rule: '标杆客户 = 是', customers: world.customers.filter((c) => c.patterns.has('benchmark')).map((c) => c.key) };
  if (failures.length) throw new Error(`planted patterns not visible in the data:\n${failures.join('\n')}`);

  // Revenue of the last 12 months: net order amounts plus contract value earned day by day.
  const from = AS_OF - 364;
  const revenue = new Map<string, number>();
  for (const l of inp.orders) if (l.day >= from) revenue.set(l.customerKey, (revenue.get(l.customerKey) ?? 0) + l.qty * l.price);
  for (const k of inp.contracts) {
    const end = k.cancelledDay !== null ? k.cancelledDay - 1 : k.endDay;
    const days = Math.min(end, AS_OF) - Math.max(k.startDay, from) + 1;
    if (days <= 0) continue;
    const perDay = (k.monthly ? k.value * 12 : k.value) / 365;
    revenue.set(k.customer.key, (revenue.get(k.customer.key) ?? 0) + perDay * days);
  }
  const total = [...revenue.values()].reduce((s, v) => s + v, 0);
  const names = new Map(world.customers.map((c) => [c.key, c.name]));
  const top = [...revenue.entries()].sort((a, b) => b[1] - a[1]).slice(0, 5);

  const churnReasons: Record<string, number> = {};
  for (const c of world.customers)
    if (c.churnDay !== null && c.churnReason) churnReasons[CHURN_REASONS[c.churnReason]] = (churnReasons[CHURN_REASONS[c.churnReason]] ?? 0) + 1;

  return {
    client: '苏州衡川智联科技有限公司 (fictional)',
    asOf: isoDate(AS_OF),
    windowStart: isoDate(WINDOW_START),
    files: Object.fromEntries(inp.files.map((f) => [f.entity, { file: f.file, rows: f.rows, sha256: f.sha256 }])),
    customersInCrm: world.customers.length,
    churnedCustomers: world.customers.filter((c) => c.churnDay !== null).length,
    churnReasons,
    orphanCustomerKeys: world.orphans.map((o) => ({ ...o, orderLines: inp.orders.filter((l) => l.customerKey === o.key).length })),
    revenueShareLast12Months: top.map(([k, v]) => ({ customer: k, name: names.get(k) ?? '', share: Math.round((v / total) * 1000) / 1000 })),
    contractsEnding90d: inp.contracts.filter((k) => contractStatus(k) === '履行中' && k.endDay > AS_OF && k.endDay <= AS_OF + 90).map((k) => k.key ?? ''),
    patterns,
  };
}
