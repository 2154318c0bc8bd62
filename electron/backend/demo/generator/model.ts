import type { ChurnReasonKey, Industry, Region } from './catalog';
import type { Person } from './names';
import type { Theme } from './texts';

// The generator's own records (day numbers, numbers), formatted into client-style CSV at the end.

/** Behaviours planted on purpose so every diagnostic has something to find (README.md lists them). */
export type Pattern =
  | 'strategic'
  | 'benchmark'
  | 'reactivated'
  | 'silent6m'
  | 'interactionDrop'
  | 'unanswered3'
  | 'purchaseDown'
  | 'lowSatTwice'
  | 'competitor'
  | 'decisionMaker'
  | 'slowService'
  | 'loginsDown'
  | 'projectDelay'
  | 'contraction';

export type Size = 'large' | 'medium' | 'small';

export interface CustomerPlan {
  key: string;
  name: string;
  short: string;
  domain: string;
  industry: Industry;
  region: Region;
  province: string;
  city: string;
  owner: string;
  size: Size;
  /** Spend multiplier: a scale-1 customer buys roughly one small order a month. */
  scale: number;
  legacy: boolean;
  firstSeen: number;
  /** First day of activity inside the export window. */
  startDay: number;
  /** 'platform' = SaaS subscriber, 'maintenance' = hardware buyer with a yearly service contract. */
  contractual: 'platform' | 'maintenance' | null;
  monthlyBilling: boolean;
  growing: boolean;
  sentiment: number;
  churnDay: number | null;
  churnReason: ChurnReasonKey | null;
  /** Day the customer came back after a churn (reactivation). */
  returnDay: number | null;
  /** First churn day, kept for reactivated customers whose churnDay is cleared on return. */
  lapsedDay: number | null;
  silentFrom: number | null;
  patterns: Set<Pattern>;
  issues: Theme[];
  contact: Person;
  phone: string;
  email: string;
  tags: string[];
}

export interface ContractRec {
  key?: string;
  customer: CustomerPlan;
  product: string;
  startDay: number;
  endDay: number;
  value: number; // per period below
  monthly: boolean;
  cancelledDay: number | null;
  /** The contract this one renews (its key is known only once all contracts are numbered). */
  prev: ContractRec | null;
  renewed: boolean;
  signer: string;
}

export interface OrderLineRec {
  customerKey: string;
  customerName: string;
  day: number;
  /** Orders of one customer on one day are one order; this keeps them apart before numbering. */
  orderSeq: number;
  product: string;
  category: string;
  qty: number;
  price: number;
  channel: string;
  seller: string;
  isReturn: boolean;
  /** For a return line: the sale line it sends back. */
  origin?: OrderLineRec;
  orderNo?: string;
}

export interface InteractionRec {
  customer: CustomerPlan;
  day: number;
  channel: string;
  purpose: '价值型' | '关怀型' | '需求型';
  outbound: boolean;
  responded: boolean;
  owner: string;
  text: string;
}

export interface TicketRec {
  key?: string;
  customer: CustomerPlan;
  openedDay: number;
  openedMin: number;
  responseMin: number;
  resolveMin: number | null;
  priority: string;
  category: string;
  escalated: boolean;
  satisfaction: number | null;
  engineer: string;
}

export interface SurveyRec {
  customer: CustomerPlan;
  day: number;
  nps: number;
  csat: number;
  comment: string;
}

export interface UsageRec {
  customer: CustomerPlan;
  month: number;
  metric: '登录次数' | '活跃用户数';
  value: number;
}

export interface ProjectRec {
  key?: string;
  customer: CustomerPlan;
  name: string;
  manager: string;
  plannedStart: number;
  plannedEnd: number;
  actualStart: number | null;
  actualEnd: number | null;
  status: string;
  openIssues: number;
  risk: '高' | '中' | '低';
}

/** Whether the customer is in a business relationship on a day (ignores silence). */
export function isEngaged(c: CustomerPlan, day: number): boolean {
  if (day < c.startDay) return false;
  if (c.lapsedDay !== null && c.returnDay !== null) return day < c.lapsedDay || day >= c.returnDay;
  return c.churnDay === null || day < c.churnDay;
}

/** Engaged and not gone quiet: the customer produces data (orders, notes, tickets, logins). */
export function isVisible(c: CustomerPlan, day: number): boolean {
  return isEngaged(c, day) && (c.silentFrom === null || day < c.silentFrom);
}
