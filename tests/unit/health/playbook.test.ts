import { describe, expect, it } from 'vitest';
import {
  actionForScore,
  actionForSignal,
  DEFAULT_PLAYBOOK,
  DEFAULT_SIGNAL_RULES,
  dueAt,
  dueFromAsOf,
  hoursOverdue,
  isOverdue,
  PlaybookSchema,
  scoreCustomer,
  RELATIONSHIP_MODEL,
  templateForSignal,
  type Signal,
  type SignalRuleId,
} from '../../../shared/health';

const signal = (ruleId: SignalRuleId): Signal => {
  const rule = DEFAULT_SIGNAL_RULES.find((r) => r.id === ruleId);
  if (!rule) throw new Error(ruleId);
  return {
    customerKey: 'C001',
    ruleId,
    severity: rule.severity,
    action: rule.action,
    asOf: '2024-06-30',
    triggeredOn: null,
    evidence: { messageKey: '', params: {}, data: [] },
  };
};

describe('playbook', () => {
  it('the default playbook is valid data', () => {
    expect(PlaybookSchema.safeParse(DEFAULT_PLAYBOOK).success).toBe(true);
  });

  it.each<[SignalRuleId, string, string, string]>([
    // heavy → executive-led improvement plan in 48 hours (seed 000)
    ['decisionMakerChange', 'executiveImprovementPlan', 'executive', '2024-07-03T00:00:00'],
    // heavy, seed 001's competitor response, same 48 hours
    ['competitorMention', 'executiveNegotiation', 'executive', '2024-07-03T00:00:00'],
    // medium → cross-team meeting led by the account director (72 h, ours)
    ['demandFeedbackDelay', 'crossTeamMeeting', 'accountDirector', '2024-07-04T00:00:00'],
    // light → service improvement note within 24 hours (seed 001)
    ['serviceSlowdown', 'serviceImprovementNote', 'serviceLead', '2024-07-02T00:00:00'],
    ['lowSatisfaction', 'executiveEscalation', 'executive', '2024-07-03T00:00:00'],
    ['contractEnding', 'renewalValueReview', 'accountManager', '2024-07-31T00:00:00'],
  ])('%s opens %s led by %s, due %s', (ruleId, template, role, due) => {
    const a = actionForSignal(signal(ruleId), '2024-07-01T09:30:00', DEFAULT_PLAYBOOK, '王经理');
    expect(a).toMatchObject({
      customerKey: 'C001',
      templateId: template,
      ownerRole: role,
      owner: '王经理',
      openedAt: '2024-07-01T09:30:00',
      dueAt: due,
      status: 'open',
      titleKey: `actions.${template}.title`,
      source: { kind: 'signal', ruleId },
    });
  });

  // Hand-checked: data as of 2024-06-30 are complete at the end of that day, so a 48-hour plan is
  // due 2024-07-03 00:00 whether the run is made on 1 July or five months later.
  it('due dates count from the as-of date, not from when the run was made', () => {
    const early = actionForSignal(signal('competitorMention'), '2024-07-01T09:30:00');
    const late = actionForSignal(signal('competitorMention'), '2024-12-04T16:00:00');
    expect([early.dueAt, late.dueAt]).toEqual(['2024-07-03T00:00:00', '2024-07-03T00:00:00']);
    expect([early.openedAt, late.openedAt]).toEqual(['2024-07-01T09:30:00', '2024-12-04T16:00:00']);
    expect(dueFromAsOf('2024-02-28', 24)).toBe('2024-03-01T00:00:00');
  });

  it('a rule without its own action follows its severity, so re-grading a rule changes the action', () => {
    const s = { ...signal('interactionDrop'), severity: 'heavy' as const };
    expect(templateForSignal(s)).toBe('executiveImprovementPlan');
    expect(templateForSignal({ ...s, severity: 'medium' })).toBe('crossTeamMeeting');
  });

  it('a red score opens an executive-led plan due in 48 hours; yellow and green open nothing', () => {
    const red = scoreCustomer(RELATIONSHIP_MODEL, { ordersLast365: 0, csatLatest: 2 });
    expect(red.band).toBe('red');
    const a = actionForScore('C001', 'relationship', red, '2024-06-30', '2024-06-30T18:00:00');
    expect(a).toMatchObject({ templateId: 'executiveImprovementPlan', dueAt: '2024-07-03T00:00:00', source: { kind: 'redScore', score: 10 } });
    const green = scoreCustomer(RELATIONSHIP_MODEL, { ordersLast365: 12, csatLatest: 5 });
    expect(actionForScore('C001', 'relationship', green, '2024-06-30', '2024-06-30T18:00:00')).toBeNull();
  });

  it('due dates cross month and leap-day boundaries on the wall clock', () => {
    expect(dueAt('2024-02-28T20:00:00', 24)).toBe('2024-02-29T20:00:00');
    expect(dueAt('2024-02-28', 48)).toBe('2024-03-01T00:00:00');
    expect(dueAt('2023-12-31T23:00:00', 2)).toBe('2024-01-01T01:00:00');
  });

  it('overdue: past due and still open or in progress; due exactly now is not late; done never is', () => {
    const a = { dueAt: '2024-07-03T09:30:00', status: 'open' as const };
    expect(isOverdue(a, '2024-07-03T09:30:00')).toBe(false);
    expect(isOverdue(a, '2024-07-03T09:30:01')).toBe(true);
    expect(hoursOverdue(a, '2024-07-03T15:00:00')).toBe(5);
    expect(isOverdue({ ...a, status: 'inProgress' }, '2024-07-05T00:00:00')).toBe(true);
    expect(isOverdue({ ...a, status: 'done' }, '2024-07-05T00:00:00')).toBe(false);
    expect(hoursOverdue({ ...a, status: 'cancelled' }, '2024-08-01T00:00:00')).toBe(0);
  });
});
