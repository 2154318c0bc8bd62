// NPS and CSAT by period or by any customer dimension (segment, tier, owner, an imported attribute),
// with the response rate and the customers behind each figure.
//
// Figures count answers (a customer who answered twice in a quarter counts twice, as survey tools
// do); "respondents" counts distinct customers. Response rate = respondents ÷ customers on the book
// in the group: for a period, customers first seen by its end and not churned before its start; for
// any other dimension, every customer with that value. The client's exports hold answers, not
// invitations, so this is the share of customers heard from, not a survey tool's completion rate.

import { csatOf, npsOf, type CsatFigure, type NpsFigure } from './nps';

export interface VocResponse {
  customerKey: string;
  /** YYYY-MM-DD */
  date: string;
  nps: number | null;
  csat: number | null;
  comment: string | null;
}

export interface VocCustomer {
  customerKey: string;
  name: string;
  firstSeen: string | null;
  churnDate: string | null;
  /** segment, tier, owner, industry, region and imported attributes (attr:<name>) by dimension id. */
  dims: Record<string, string | null>;
}

export type VocGrain = 'month' | 'quarter' | 'year';

export interface VocGroupRow {
  /** The period ('2026-09', '2026-Q3', '2026') or the dimension's value; '' = no value. */
  key: string;
  nps: NpsFigure;
  csat: CsatFigure;
  respondents: number;
  /** Customers on the book in the group (the response rate's denominator). */
  base: number;
  /** respondents ÷ base × 100; null when base is 0. */
  responseRate: number | null;
  /** The respondents, so every figure can be opened onto its customers. */
  customerKeys: string[];
}

export function periodKey(date: string, grain: VocGrain): string {
  const y = date.slice(0, 4);
  if (grain === 'year') return y;
  const m = Number(date.slice(5, 7));
  if (grain === 'quarter') return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return date.slice(0, 7);
}

/** First and last day of a period key made by periodKey. */
export function periodBounds(key: string): { start: string; end: string } {
  const y = Number(key.slice(0, 4));
  const pad = (n: number) => String(n).padStart(2, '0');
  const lastDay = (yy: number, mm: number) => new Date(Date.UTC(yy, mm, 0)).getUTCDate();
  if (key.length === 4) return { start: `${y}-01-01`, end: `${y}-12-31` };
  if (key.includes('Q')) {
    const q = Number(key.slice(6));
    const m0 = (q - 1) * 3 + 1;
    return { start: `${y}-${pad(m0)}-01`, end: `${y}-${pad(m0 + 2)}-${pad(lastDay(y, m0 + 2))}` };
  }
  const m = Number(key.slice(5, 7));
  return { start: `${key}-01`, end: `${key}-${pad(lastDay(y, m))}` };
}

function onBook(c: VocCustomer, start: string, end: string): boolean {
  if (c.firstSeen != null && c.firstSeen > end) return false;
  if (c.churnDate != null && c.churnDate < start) return false;
  return true;
}

function row(key: string, answers: VocResponse[], base: number): VocGroupRow {
  const keys = [...new Set(answers.map((a) => a.customerKey))].sort();
  return {
    key,
    nps: npsOf(answers.map((a) => a.nps)),
    csat: csatOf(answers.map((a) => a.csat)),
    respondents: keys.length,
    base,
    responseRate: base > 0 ? (100 * keys.length) / base : null,
    customerKeys: keys,
  };
}

/** Figures per period, oldest first. */
export function vocByPeriod(responses: readonly VocResponse[], customers: readonly VocCustomer[], grain: VocGrain): VocGroupRow[] {
  const groups = new Map<string, VocResponse[]>();
  for (const r of responses) {
    const k = periodKey(r.date, grain);
    const list = groups.get(k);
    if (list) list.push(r);
    else groups.set(k, [r]);
  }
  return [...groups.keys()].sort().map((k) => {
    const { start, end } = periodBounds(k);
    const base = customers.reduce((n, c) => n + (onBook(c, start, end) ? 1 : 0), 0);
    return row(k, groups.get(k) ?? [], base);
  });
}

/** Figures per value of one customer dimension, most answers first. */
export function vocByDimension(responses: readonly VocResponse[], customers: readonly VocCustomer[], dim: string): VocGroupRow[] {
  const valueOf = new Map<string, string>();
  const base = new Map<string, number>();
  for (const c of customers) {
    const v = c.dims[dim] ?? '';
    valueOf.set(c.customerKey, v);
    base.set(v, (base.get(v) ?? 0) + 1);
  }
  const groups = new Map<string, VocResponse[]>();
  for (const r of responses) {
    const v = valueOf.get(r.customerKey) ?? '';
    const list = groups.get(v);
    if (list) list.push(r);
    else groups.set(v, [r]);
  }
  return [...groups.entries()]
    .map(([k, list]) => row(k, list, base.get(k) ?? 0))
    .sort((a, b) => b.nps.responses - a.nps.responses || a.key.localeCompare(b.key));
}

/** The whole set as one row (base = every customer on record). */
export function vocOverall(responses: readonly VocResponse[], customers: readonly VocCustomer[]): VocGroupRow {
  return row('', [...responses], customers.length);
}
