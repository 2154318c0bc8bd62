// Canonical entities: what every import maps into and every diagnostic reads.
// Plain data only (ISO date strings, numbers), because these cross the process boundary.
// Dates are 'YYYY-MM-DD' (or 'YYYY-MM-DDTHH:mm:ss' where the source had a time); money is in the
// engagement's currency as a decimal number.

export const ENTITY_KINDS = ['customers', 'orders', 'contracts', 'interactions', 'tickets', 'surveys', 'usage', 'projects'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Customer {
  customerKey: string; // the client's own customer id
  name: string;
  industry: string | null;
  segment: string | null;
  region: string | null;
  owner: string | null; // sales rep or CSM
  firstSeen: string | null;
  status: string | null;
  churnDate: string | null;
  churnReason: string | null;
  contactName: string | null;
  phone: string | null;
  email: string | null;
  tags: string[];
  isBenchmark: boolean; // seed 001: a benchmark customer is 战略级 whatever its revenue
  createdFromOrder: boolean; // created by an import because an order named an unknown customer
}

/** One order LINE: an order id may appear on many lines (one per product); an order's value is the sum. */
export interface OrderLine {
  orderKey: string;
  customerKey: string;
  orderDate: string;
  amount: number; // negative for returns
  quantity: number | null;
  unitPrice: number | null;
  product: string | null;
  category: string | null;
  channel: string | null;
  isReturn: boolean;
}

export type ValuePeriod = 'month' | 'year';

export interface Contract {
  contractKey: string;
  customerKey: string;
  startDate: string;
  endDate: string | null; // null = open-ended
  recurringValue: number; // as written in the source, per valuePeriod
  valuePeriod: ValuePeriod;
  mrr: number; // recurringValue normalised to a month
  status: string | null;
  cancelledDate: string | null;
  renewalOf: string | null; // contractKey this one renews
  product: string | null;
}

export type InteractionChannel = '电话' | '微信' | '邮件' | '拜访' | '会议' | string;
export type InteractionPurpose = '价值型' | '关怀型' | '需求型' | string;

export interface Interaction {
  customerKey: string;
  date: string;
  channel: InteractionChannel | null;
  purpose: InteractionPurpose | null;
  direction: 'outbound' | 'inbound' | null;
  responded: boolean | null;
  owner: string | null;
  text: string | null;
}

export interface Ticket {
  ticketKey: string;
  customerKey: string;
  openedAt: string;
  firstResponseAt: string | null;
  resolvedAt: string | null;
  priority: string | null;
  category: string | null;
  escalated: boolean | null;
  satisfaction: number | null; // 1-5
}

export interface Survey {
  customerKey: string;
  date: string;
  nps: number | null; // 0-10
  csat: number | null; // 1-5
  comment: string | null;
}

export interface Usage {
  customerKey: string;
  period: string; // first day of the period
  metric: string; // logins, active_users, feature:<name>
  value: number;
}

export interface Project {
  projectKey: string;
  customerKey: string;
  name: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  actualStart: string | null;
  actualEnd: string | null;
  status: string | null;
  openIssues: number | null;
  risk: string | null;
}
