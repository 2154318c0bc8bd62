import { RESPONSE_MEDIAN_MIN, SERVICE_ENGINEERS, TICKET_CATEGORIES, TICKET_PRIORITIES } from './catalog';
import { AS_OF, MONTHS, compactDate, monthStart, nextWorkday } from './calendar';
import type { CustomerPlan, SurveyRec, TicketRec } from './model';
import { isVisible } from './model';
import { inTroubledCohort, type World } from './plan';
import { Rng } from './prng';
import { surveyComment, type Theme } from './texts';

// Service desk tickets and the twice-yearly NPS survey.

const RESOLVE_MEDIAN_MIN: Readonly<Record<string, number>> = { 紧急: 180, 高: 480, 中: 1440, 低: 2880 };
const REMOTE_REGIONS = new Set(['西南', '西北']);

function ticketRate(c: CustomerPlan): number {
  if (c.patterns.has('strategic')) return 1.5;
  const base = c.size === 'large' ? 0.45 : c.size === 'medium' ? 0.25 : 0.15;
  return c.contractual === 'platform' ? base : base * 0.4;
}

function makeTicket(c: CustomerPlan, rng: Rng, day: number, slowness: number, fixedPriority?: string): TicketRec {
  const priority = fixedPriority ?? rng.weighted(TICKET_PRIORITIES);
  const median = RESPONSE_MEDIAN_MIN[priority] ?? 240;
  // Remote regions are served from Suzhou: slower first response (the planted regional gap).
  const regional = REMOTE_REGIONS.has(c.region.name) ? 1.4 : 1;
  const responseMin = Math.max(5, Math.round(median * Math.exp(rng.normal(0, 0.5)) * regional * slowness));
  const openedMin = 510 + rng.int(0, 540);
  const resolveMin = responseMin + Math.round((RESOLVE_MEDIAN_MIN[priority] ?? 1440) * Math.exp(rng.normal(0, 0.7)) * Math.sqrt(slowness));
  const resolvedDay = day + Math.floor((openedMin + resolveMin) / 1440);
  const resolved = resolvedDay <= AS_OF;
  const ratio = responseMin / median;
  let satisfaction: number | null = null;
  if (resolved && rng.chance(0.75)) {
    if (ratio <= 1.2) satisfaction = rng.chance(0.7) ? 5 : 4;
    else if (ratio <= 2.5) satisfaction = rng.chance(0.6) ? 4 : 3;
    else satisfaction = rng.chance(0.5) ? 2 : slowness > 2 ? 1 : 3;
  }
  return {
    customer: c,
    openedDay: day,
    openedMin,
    responseMin,
    resolveMin: resolved ? resolveMin : null,
    priority,
    category: rng.weighted(TICKET_CATEGORIES),
    escalated: ((priority === '紧急' || priority === '高') && ratio > 2.5) || rng.chance(0.03),
    satisfaction,
    engineer: rng.pick(SERVICE_ENGINEERS),
  };
}

function customerTickets(c: CustomerPlan): TicketRec[] {
  const rng = Rng.for(`tickets:${c.key}`);
  const out: TicketRec[] = [];
  const lapse = c.lapsedDay ?? c.churnDay;
  const slowFrom = AS_OF - 85;
  const slownessOn = (day: number): number => {
    if (c.patterns.has('slowService') && day >= slowFrom) return 3.5;
    if (lapse !== null && c.churnReason === 'service' && day < lapse && day > lapse - 150) return 2.5;
    return 1;
  };
  for (let m = 0; m < MONTHS; m++) {
    const mid = monthStart(m) + 14;
    const onboarding = mid - c.startDay < 90 || (c.returnDay !== null && mid - c.returnDay >= 0 && mid - c.returnDay < 90);
    const n = rng.poisson(ticketRate(c) * (onboarding ? 2.5 : 1));
    for (let i = 0; i < n; i++) {
      const day = nextWorkday(monthStart(m) + rng.int(0, 27));
      if (day > AS_OF || day < c.startDay || !isVisible(c, day)) continue;
      out.push(makeTicket(c, rng, day, slownessOn(day)));
    }
  }
  if (c.patterns.has('slowService')) {
    // Enough tickets on both sides of the comparison: a baseline before, slow ones in the last 90 days.
    const count = (from: number, to: number): number => out.filter((t) => t.openedDay >= from && t.openedDay <= to).length;
    while (count(AS_OF - 270, AS_OF - 100) < 3) out.push(makeTicket(c, rng, nextWorkday(AS_OF - 270 + rng.int(0, 160)), 1));
    while (count(slowFrom, AS_OF - 3) < 3) out.push(makeTicket(c, rng, Math.min(AS_OF - 3, nextWorkday(slowFrom + rng.int(0, 75))), 3.5));
    // Priority mix can mask a slowdown in a plain mean; add slow mid-priority tickets until it shows.
    const mean = (from: number, to: number): number => {
      const ts = out.filter((t) => t.openedDay >= from && t.openedDay <= to);
      return ts.reduce((s, t) => s + t.responseMin, 0) / ts.length;
    };
    while (mean(slowFrom, AS_OF) < 2.5 * mean(AS_OF - 360, slowFrom - 1)) {
      out.push(makeTicket(c, rng, Math.min(AS_OF - 3, nextWorkday(slowFrom + rng.int(0, 75))), 3.5, '中'));
    }
  }
  return out;
}

export function generateTickets(world: World): TicketRec[] {
  const all = world.customers.flatMap(customerTickets);
  all.sort((a, b) => a.openedDay - b.openedDay || a.openedMin - b.openedMin || a.customer.key.localeCompare(b.customer.key));
  const perDay = new Map<number, number>();
  for (const t of all) {
    const n = (perDay.get(t.openedDay) ?? 0) + 1;
    perDay.set(t.openedDay, n);
    t.key = `GD${compactDate(t.openedDay)}${String(n).padStart(3, '0')}`;
  }
  return all;
}

/** Survey waves in April and October (month indexes of 2024-04, 2024-10, ... 2026-10). */
export const SURVEY_WAVES = [5, 11, 17, 23, 29, 35] as const;
const UPGRADE_WAVE = 29;

const RISK_NOW = ['competitor', 'interactionDrop', 'slowService', 'loginsDown', 'purchaseDown', 'decisionMaker', 'unanswered3'] as const;

function customerSurveys(c: CustomerPlan): SurveyRec[] {
  const rng = Rng.for(`surveys:${c.key}`);
  const out: SurveyRec[] = [];
  const lapse = c.lapsedDay ?? c.churnDay;
  for (const m of SURVEY_WAVES) {
    const day = nextWorkday(monthStart(m) + rng.int(7, 19));
    if (!isVisible(c, day) || day - c.startDay < 30) continue;
    const forcedLow = c.patterns.has('lowSatTwice') && m >= 29;
    if (!forcedLow && !rng.chance(c.size === 'large' ? 0.75 : 0.55)) continue;
    let s = c.sentiment;
    if (inTroubledCohort(c)) s -= 0.08;
    if (REMOTE_REGIONS.has(c.region.name)) s -= 0.05;
    if (lapse !== null && day < lapse && day > lapse - 200) s -= 0.3;
    if (m >= 29 && RISK_NOW.some((p) => c.patterns.has(p))) s -= 0.15;
    // The platform v3 upgrade of March 2026 brought a month of disconnects: the April wave dips.
    if (m === UPGRADE_WAVE) s -= 0.06;
    let nps = Math.min(10, Math.max(0, Math.round(rng.normal(s * 10.6, 1.3))));
    let csat = Math.min(5, Math.max(1, Math.round(1 + nps * 0.4 + rng.normal(0, 0.35))));
    if (forcedLow) {
      nps = rng.int(2, 5);
      csat = rng.int(1, 2);
    }
    const issues: Theme[] = m === UPGRADE_WAVE && !c.issues.includes('稳定性') ? [...c.issues, '稳定性'] : c.issues;
    out.push({ customer: c, day, nps, csat, comment: surveyComment(nps, issues, rng) });
  }
  return out;
}

export function generateSurveys(world: World): SurveyRec[] {
  return world.customers.flatMap(customerSurveys).sort((a, b) => a.day - b.day || a.customer.key.localeCompare(b.customer.key));
}
