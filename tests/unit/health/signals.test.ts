import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNAL_RULES,
  defaultSignalRules,
  emptyFacts,
  evaluateRule,
  evaluateRules,
  SignalRuleSetSchema,
  type CustomerFacts,
  type PeriodTotals,
  type SignalRule,
  type SignalRuleId,
} from '../../../shared/health';
import en from '../../../shared/i18n/locales/en/health.json';
import zh from '../../../shared/i18n/locales/zh-CN/health.json';

const AS_OF = '2024-06-30';

function facts(over: Partial<CustomerFacts>): CustomerFacts {
  return { ...emptyFacts('C001', AS_OF), ...over };
}
const period = (start: string, spend: number, quantity: number | null = null, orders = 1): PeriodTotals => ({
  start,
  orders,
  quantity,
  spend,
});
const outreach = (...responded: (boolean | null)[]) => responded.map((r, i) => ({ date: `2024-0${i + 1}-15`, channel: '电话', responded: r }));
const contract = (endDate: string, renewed = false) => ({ contractKey: 'K1', endDate, mrr: 1000, renewed });
const text = (date: string, t: string) => ({ date, source: 'interaction' as const, text: t });

interface Case {
  fire: CustomerFacts;
  quiet: CustomerFacts; // built to sit just inside the threshold
  triggeredOn: string | null;
  params?: Record<string, string | number>;
}

// One row per default rule. "quiet" is the nearest case that must NOT fire.
const CASES: Record<SignalRuleId, Case> = {
  // below half: 4 < 5; exactly half (5 of 10) is not below half
  interactionDrop: {
    fire: facts({ interactionsPrev90: 10, interactionsLast90: 4, lastInteractionDate: '2024-05-02' }),
    quiet: facts({ interactionsPrev90: 10, interactionsLast90: 5, lastInteractionDate: '2024-05-02' }),
    triggeredOn: null,
    params: { recent: 4, previous: 10, ratioPct: 40, thresholdPct: 50 },
  },
  // three unanswered in a row; two in a row (an answered one before) is not
  unansweredOutreach: {
    fire: facts({ outreach: outreach(true, false, false, false) }),
    quiet: facts({ outreach: outreach(false, true, false, false) }),
    triggeredOn: '2024-04-15',
    params: { count: 3, threshold: 3, since: '2024-02-15' },
  },
  // exactly 20% down fires (seed 002 "下降20%以上"); 19% does not
  purchaseVolumeDrop: {
    fire: facts({ periods: [period('2024-01-01', 5000, 100), period('2024-04-01', 4000, 80)] }),
    quiet: facts({ periods: [period('2024-01-01', 5000, 100), period('2024-04-01', 4000, 81)] }),
    triggeredOn: '2024-04-01',
    params: { basis: 'quantity', previous: 100, current: 80, dropPct: 20 },
  },
  // two falls in a row; a fall then flat is not
  spendDecline: {
    fire: facts({ periods: [period('2023-10-01', 100), period('2024-01-01', 90), period('2024-04-01', 80)] }),
    quiet: facts({ periods: [period('2023-10-01', 100), period('2024-01-01', 80), period('2024-04-01', 80)] }),
    triggeredOn: '2024-04-01',
    params: { periods: 2, from: 100, to: 80 },
  },
  // 6 calendar months: 2024-01-01 + 6 months = 2024-07-01, one day after as-of; 2023-12-30 reaches it
  silent: {
    fire: facts({ lastInteractionDate: '2023-12-30', lastContactDate: '2023-12-30', lastContactSource: 'interaction' }),
    quiet: facts({ lastInteractionDate: '2024-01-01', lastContactDate: '2024-01-01', lastContactSource: 'interaction' }),
    triggeredOn: '2024-06-30',
    params: { lastDate: '2023-12-30', months: 6, days: 183, source: 'interaction' },
  },
  // NPS 5 then 6 are both below 7; 5 then 7 is not
  lowSatisfaction: {
    fire: facts({
      surveyReadings: [
        { date: '2024-01-10', source: 'survey', nps: 9, csat: null },
        { date: '2024-03-10', source: 'survey', nps: 5, csat: null },
        { date: '2024-06-10', source: 'survey', nps: 6, csat: null },
      ],
    }),
    quiet: facts({
      surveyReadings: [
        { date: '2024-03-10', source: 'survey', nps: 5, csat: null },
        { date: '2024-06-10', source: 'survey', nps: 7, csat: null },
      ],
    }),
    triggeredOn: '2024-06-10',
    params: { count: 2, npsBelow: 7, csatBelow: 3, series: 'survey' },
  },
  // 2 calendar months since the last demand
  noNewDemand: {
    fire: facts({ lastDemandDate: '2024-04-30' }),
    quiet: facts({ lastDemandDate: '2024-05-01' }),
    triggeredOn: '2024-06-30',
    params: { lastDate: '2024-04-30', months: 2 },
  },
  // over 15 days: 16 fires, 15 does not
  demandFeedbackDelay: {
    fire: facts({
      demandFeedback: [
        { raisedOn: '2024-05-01', answeredOn: '2024-05-05', waitDays: 4 },
        { raisedOn: '2024-06-01', answeredOn: '2024-06-17', waitDays: 16 },
      ],
    }),
    quiet: facts({ demandFeedback: [{ raisedOn: '2024-06-15', answeredOn: null, waitDays: 15 }] }),
    triggeredOn: '2024-06-17',
    params: { waitDays: 16, raisedOn: '2024-06-01', maxDays: 15, count: 1 },
  },
  // exactly 15% slower fires (11.5 h vs 10 h); 14% does not
  serviceSlowdown: {
    fire: facts({ responseHoursRecent: 11.5, responseHoursBaseline: 10, ticketsRecent: 4 }),
    quiet: facts({ responseHoursRecent: 11.4, responseHoursBaseline: 10, ticketsRecent: 4 }),
    triggeredOn: null,
    params: { recentHours: 11.5, baselineHours: 10, slowerPct: 15, thresholdPct: 15 },
  },
  // exactly 30% down fires; 29% does not
  usageDrop: {
    fire: facts({ loginsPrevious: 100, loginsRecent: 70 }),
    quiet: facts({ loginsPrevious: 100, loginsRecent: 71 }),
    triggeredOn: null,
    params: { previous: 100, current: 70, dropPct: 30 },
  },
  // ends in 90 days fires (2024-09-28); 91 days does not
  contractEnding: {
    fire: facts({ contracts: [contract('2025-06-30'), contract('2024-09-28')] }),
    quiet: facts({ contracts: [contract('2024-09-29'), contract('2024-08-01', true)] }),
    triggeredOn: '2024-06-30',
    params: { endDate: '2024-09-28', daysLeft: 90, count: 1 },
  },
  // a keyword within 90 days; the same words 91 days ago are outside the window
  decisionMakerChange: {
    fire: facts({ texts: [text('2024-02-01', '例行回访'), text('2024-04-01', '对方说采购部换了负责人，下周再约')] }),
    quiet: facts({ texts: [text('2024-03-31', '对方说采购部换了负责人'), text('2024-06-01', '例行回访，一切正常')] }),
    triggeredOn: '2024-04-01',
    params: { keyword: '换了负责人', count: 1, withinDays: 90 },
  },
  competitorMention: {
    fire: facts({ texts: [text('2024-06-20', '客户说对手报价低了15%，在考虑')] }),
    quiet: facts({ texts: [text('2024-03-31', '客户说对手报价低了15%'), text('2024-06-20', '讨论二期需求')] }),
    triggeredOn: '2024-06-20',
    params: { keyword: '对手报价', count: 1 },
  },
  // two complaint sentences in 90 days fire; one in the window (the other 91 days old, or in a survey) does not
  complaint: {
    fire: facts({
      texts: [
        { ...text('2024-04-10', '客户投诉上门太慢。其他正常'), complaints: ['客户投诉上门太慢'] },
        { date: '2024-06-02', source: 'ticket', text: '对报表不满', complaints: ['对报表不满'] },
      ],
    }),
    quiet: facts({
      texts: [
        { ...text('2024-03-31', '客户投诉上门太慢'), complaints: ['客户投诉上门太慢'] },
        { date: '2024-05-01', source: 'survey', text: '很失望', complaints: ['很失望'] },
        { date: '2024-06-02', source: 'ticket', text: '对报表不满', complaints: ['对报表不满'] },
      ],
    }),
    triggeredOn: '2024-06-02',
    params: { count: 2, minSentences: 2, withinDays: 90, date: '2024-06-02', sentence: '对报表不满', firstDate: '2024-04-10' },
  },
  // exactly 60% fires; 59.9% at rank 11 of 100 (the riskiest 10% are ranks 1-10) does not
  churnRisk: {
    fire: facts({ churnScore: { runId: 3, scoredAsOf: '2024-06-28', probability: 0.6, rank: 50, scored: 100 } }),
    quiet: facts({ churnScore: { runId: 3, scoredAsOf: '2024-06-28', probability: 0.599, rank: 11, scored: 100 } }),
    triggeredOn: '2024-06-28',
    params: { probabilityPct: 60, rank: 50, scored: 100, runId: 3, thresholdPct: 60, topSharePct: 10, topRanks: 10 },
  },
};

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string);

describe('default early-warning rules', () => {
  it('the defaults are a valid rule set and every default has a test case', () => {
    expect(SignalRuleSetSchema.safeParse(DEFAULT_SIGNAL_RULES).success).toBe(true);
    expect(DEFAULT_SIGNAL_RULES.map((r) => r.id).sort()).toEqual(Object.keys(CASES).sort());
  });

  describe.each(DEFAULT_SIGNAL_RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
    const c = CASES[id];

    it('fires on facts built to trigger it, with its evidence', () => {
      const s = evaluateRule(rule, c.fire);
      expect(s).not.toBeNull();
      if (!s) return;
      expect(s).toMatchObject({ customerKey: 'C001', ruleId: id, severity: rule.severity, asOf: AS_OF });
      expect(s.triggeredOn).toBe(c.triggeredOn);
      if (c.params) expect(s.evidence.params).toMatchObject(c.params);
      expect(s.evidence.data.length).toBeGreaterThan(0);
      expect(s.evidence.messageKey).toBe(`signals.${id}.evidence`);
      // every placeholder of the sentence in both languages is filled by the evidence params
      const msgs = [zh.signals[id].evidence, en.signals[id].evidence];
      for (const m of msgs) for (const p of placeholders(m)) expect(s.evidence.params).toHaveProperty(p);
    });

    it('stays quiet just inside the threshold', () => {
      expect(evaluateRule(rule, c.quiet)).toBeNull();
    });

    it('stays quiet on a customer with no data', () => {
      expect(evaluateRule(rule, emptyFacts('C002', AS_OF))).toBeNull();
    });
  });
});

describe('rule details', () => {
  const rule = <I extends SignalRuleId>(id: I): Extract<SignalRule, { id: I }> =>
    defaultSignalRules().find((r) => r.id === id) as Extract<SignalRule, { id: I }>;

  it('churn risk fires for the riskiest share whatever the probability, and a criterion set to 0 is off', () => {
    const low = facts({ churnScore: { runId: 3, scoredAsOf: '2024-06-28', probability: 0.2, rank: 10, scored: 100 } });
    const s = evaluateRule(rule('churnRisk'), low);
    expect(s?.evidence.data).toEqual([
      { fact: 'churnScore.probability', value: 0.2, date: '2024-06-28' },
      { fact: 'churnScore.rank', value: 10, date: '2024-06-28' },
      { fact: 'churnScore.runId', value: 3, date: '2024-06-28' },
    ]);
    const probabilityOnly = { ...rule('churnRisk'), params: { minProbabilityPct: 60, topSharePct: 0 } };
    expect(evaluateRule(probabilityOnly, low)).toBeNull();
    // 7 scored customers, riskiest 10%: ceil(0.7) = the top 1
    const small = (rank: number) => facts({ churnScore: { runId: 3, scoredAsOf: '2024-06-28', probability: 0.1, rank, scored: 7 } });
    expect(evaluateRule(rule('churnRisk'), small(1))?.evidence.params.topRanks).toBe(1);
    expect(evaluateRule(rule('churnRisk'), small(2))).toBeNull();
  });

  it('heavy and medium grades follow the seeds', () => {
    const sev = Object.fromEntries(DEFAULT_SIGNAL_RULES.map((r) => [r.id, r.severity]));
    expect(sev).toMatchObject({
      demandFeedbackDelay: 'medium', // seed 001 中度 example
      decisionMakerChange: 'heavy',
      competitorMention: 'heavy', // seed 001 重度 example
      serviceSlowdown: 'light', // seed 001 轻度 example (service response late)
      silent: 'heavy', // seed 002: treated as churned
    });
  });

  it('an unknown responded flag breaks an unanswered streak', () => {
    expect(evaluateRule(rule('unansweredOutreach'), facts({ outreach: outreach(false, null, false, false) }))).toBeNull();
  });

  it('editing a parameter moves the threshold', () => {
    const r = rule('unansweredOutreach');
    r.params.streak = 2;
    expect(evaluateRule(r, CASES.unansweredOutreach.quiet)).not.toBeNull();
  });

  it('purchase volume falls back to order counts when quantities are missing, and says so', () => {
    const f = facts({ periods: [period('2024-01-01', 1, null, 10), period('2024-04-01', 1, 50, 7)] });
    const s = evaluateRule(rule('purchaseVolumeDrop'), f);
    expect(s?.evidence.params).toMatchObject({ basis: 'orders', previous: 10, current: 7, dropPct: 30 });
  });

  it('interaction drop needs a minimum previous count (1 → 0 is noise)', () => {
    const f = facts({ interactionsPrev90: 1, interactionsLast90: 0, lastInteractionDate: '2024-02-01' });
    expect(evaluateRule(rule('interactionDrop'), f)).toBeNull();
  });

  it('low satisfaction also reads CSAT, and skips readings with neither score', () => {
    const f = facts({
      ticketRatings: [
        { date: '2024-04-01', source: 'ticket', nps: null, csat: 2 },
        { date: '2024-05-01', source: 'ticket', nps: null, csat: null },
        { date: '2024-06-01', source: 'ticket', nps: null, csat: 1 },
      ],
    });
    expect(evaluateRule(rule('lowSatisfaction'), f)?.evidence.data.map((d) => d.date)).toEqual(['2024-04-01', '2024-06-01']);
  });

  // Hand-checked: the demo's planted pattern (two poor survey answers with routine 4-5 star ticket
  // ratings in between) fires on the survey series; merged by date the ticket rating broke it.
  it('reads survey answers and ticket ratings as separate series', () => {
    const surveyReadings = [
      { date: '2026-04-15', source: 'survey' as const, nps: 2, csat: 1 },
      { date: '2026-10-12', source: 'survey' as const, nps: 5, csat: 2 },
    ];
    const ticketRatings = [
      { date: '2026-05-01', source: 'ticket' as const, nps: null, csat: 4 },
      { date: '2026-10-14', source: 'ticket' as const, nps: null, csat: 5 },
    ];
    const s = evaluateRule(rule('lowSatisfaction'), facts({ asOf: '2026-10-31', surveyReadings, ticketRatings }));
    expect(s?.evidence.params).toMatchObject({ series: 'survey' });
    expect(s?.evidence.data).toEqual([
      { fact: 'surveyReadings[0]', value: 'NPS 2 · CSAT 1', date: '2026-04-15' },
      { fact: 'surveyReadings[1]', value: 'NPS 5 · CSAT 2', date: '2026-10-12' },
    ]);
    expect(s?.triggeredOn).toBe('2026-10-12');
    // One good survey answer ends the survey streak; good ticket ratings do not start one.
    const recovered = [...surveyReadings, { date: '2026-10-20', source: 'survey' as const, nps: 9, csat: 5 }];
    expect(evaluateRule(rule('lowSatisfaction'), facts({ asOf: '2026-10-31', surveyReadings: recovered, ticketRatings }))).toBeNull();
    // Two poor ticket ratings in a row fire on the ticket series, whatever the surveys say.
    const poorTickets = [
      { date: '2026-09-01', source: 'ticket' as const, nps: null, csat: 2 },
      { date: '2026-10-01', source: 'ticket' as const, nps: null, csat: 1 },
    ];
    const t = evaluateRule(rule('lowSatisfaction'), facts({ asOf: '2026-10-31', surveyReadings: recovered, ticketRatings: poorTickets }));
    expect(t?.evidence.params).toMatchObject({ series: 'ticket' });
    expect(t?.evidence.data.map((d) => d.fact)).toEqual(['ticketRatings[0]', 'ticketRatings[1]']);
  });

  // Hand-checked: last interaction 2023-12-01 (7 months before as-of 2024-06-30) but an order on
  // 2024-06-20. Silence is no contact of any kind, so the order keeps the customer off the list.
  it('is not silent when the customer bought within the period, whatever the CRM notes say', () => {
    const bought = facts({
      lastInteractionDate: '2023-12-01',
      lastOrderDate: '2024-06-20',
      lastContactDate: '2024-06-20',
      lastContactSource: 'order',
    });
    expect(evaluateRule(rule('silent'), bought)).toBeNull();
    const quiet = facts({ lastInteractionDate: '2023-12-01', lastOrderDate: '2023-11-20', lastContactDate: '2023-12-01', lastContactSource: 'interaction' });
    expect(evaluateRule(rule('silent'), quiet)?.evidence.params).toMatchObject({ lastDate: '2023-12-01', source: 'interaction' });
  });

  it('service slowdown needs recent tickets', () => {
    const f = facts({ responseHoursRecent: 20, responseHoursBaseline: 10, ticketsRecent: 0 });
    expect(evaluateRule(rule('serviceSlowdown'), f)).toBeNull();
  });

  it('a contract already past its end is not a renewal signal', () => {
    expect(evaluateRule(rule('contractEnding'), facts({ contracts: [contract('2024-06-29')] }))).toBeNull();
  });

  it('keyword lists are editable and the evidence quotes the text', () => {
    const r = rule('competitorMention');
    r.params.keywords = ['友商'];
    const s = evaluateRule(r, facts({ texts: [text('2024-06-01', '他们在看友商的方案')] }));
    expect(s?.evidence.data[0]).toMatchObject({ keyword: '友商', value: '他们在看友商的方案', date: '2024-06-01' });
    expect(evaluateRule(r, CASES.competitorMention.fire)).toBeNull();
  });

  it('matches traditional-character notes too', () => {
    expect(evaluateRule(rule('competitorMention'), facts({ texts: [text('2024-06-01', '客戶在評估競品')] }))).not.toBeNull();
  });

  it('a disabled rule never fires; evaluateRules returns every firing rule in order', () => {
    const rules = defaultSignalRules();
    const both = facts({ loginsPrevious: 100, loginsRecent: 10, lastDemandDate: '2024-01-01' });
    expect(evaluateRules(rules, both).map((s) => s.ruleId)).toEqual(['noNewDemand', 'usageDrop']);
    for (const r of rules) if (r.id === 'usageDrop') r.enabled = false;
    expect(evaluateRules(rules, both).map((s) => s.ruleId)).toEqual(['noNewDemand']);
  });

  it('the rule-set schema rejects a malformed rule with its path', () => {
    const rules: unknown[] = defaultSignalRules();
    (rules[2] as { params: { minDropPct: number } }).params.minDropPct = 140;
    const r = SignalRuleSetSchema.safeParse(rules);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual([2, 'params', 'minDropPct']);
  });
});
