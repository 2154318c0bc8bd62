// The action playbook: which action a signal or a red score opens, who leads it and when it is due.
// Editable as data (zod). Deadlines are wall-clock hours added to the opening time (see dates.ts).

import { z } from 'zod';
import { addDays, addHours, wallClockMs } from './dates';
import type { HealthScore } from './score';
import type { Signal } from './signals';
import type { SignalRuleId } from './signal-rules';
import type { ActionTemplateId, OwnerRole, Severity } from './vocabulary';
import { ACTION_TEMPLATE_IDS, OWNER_ROLES } from './vocabulary';

const templateId = z.enum(ACTION_TEMPLATE_IDS);

export const ActionTemplateSchema = z.object({
  ownerRole: z.enum(OWNER_ROLES),
  dueHours: z.number().positive(),
});

export const PlaybookSchema = z.object({
  templates: z.record(templateId, ActionTemplateSchema),
  /** The action a signal opens when its rule names none. */
  bySeverity: z.object({ light: templateId, medium: templateId, heavy: templateId }),
  /** The action a red health score opens. */
  redScore: templateId,
});

export type ActionTemplate = z.infer<typeof ActionTemplateSchema>;
export type Playbook = z.infer<typeof PlaybookSchema>;

export const DEFAULT_PLAYBOOK: Playbook = {
  templates: {
    // Seed 000 高风险客户: "启动CEO直管机制，48小时内出具改善方案".
    executiveImprovementPlan: { ownerRole: 'executive', dueHours: 48 },
    // Seed 001 重度: "立即启动'高层谈判+定制化补偿'"; the seed says "immediately" without a figure, so
    // it takes seed 000's 48-hour deadline for a high-risk plan.
    executiveNegotiation: { ownerRole: 'executive', dueHours: 48 },
    // Seed 001 "高层介入流程" after two low satisfaction readings; 48 hours as for high risk (ours).
    executiveEscalation: { ownerRole: 'executive', dueHours: 48 },
    // Seed 001 中度: "召开'跨部门需求攻坚会'…由客户总监牵头"; no deadline in the seed, 72 hours is ours.
    crossTeamMeeting: { ownerRole: 'accountDirector', dueHours: 72 },
    // Seed 001 轻度: "24小时内出具《服务改进方案》并向客户同步".
    serviceImprovementNote: { ownerRole: 'serviceLead', dueHours: 24 },
    // Seed 002 预警客户 "专属权益包"; seed 003 coupon template to the sales to-do list. 72 hours is ours.
    retentionOffer: { ownerRole: 'accountManager', dueHours: 72 },
    // Seed 001 需求激活预警 "推送至专属客户经理"; a week to reach out is ours.
    demandActivation: { ownerRole: 'accountManager', dueHours: 168 },
    // Seed 001 续约价值盘点 starts 3 months before the end; 30 days to produce the 《续约价值白皮书》
    // leaves two months to negotiate (ours).
    renewalValueReview: { ownerRole: 'accountManager', dueHours: 720 },
    // Seed 002 沉睡客户 "触发式唤醒"; a week (ours).
    winBack: { ownerRole: 'accountManager', dueHours: 168 },
  },
  bySeverity: {
    light: 'serviceImprovementNote',
    medium: 'crossTeamMeeting',
    heavy: 'executiveImprovementPlan',
  },
  redScore: 'executiveImprovementPlan',
};

export const ACTION_STATUSES = ['open', 'inProgress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export type ActionSource =
  { kind: 'signal'; ruleId: SignalRuleId; severity: Severity; asOf: string } | { kind: 'redScore'; modelId: string; score: number; asOf: string };

export interface PlannedAction {
  customerKey: string;
  templateId: ActionTemplateId;
  ownerRole: OwnerRole;
  /** The person; the backend fills it (customer owner, or the engagement's executive sponsor). */
  owner: string | null;
  /** Catalogue keys in the 'health' namespace. */
  titleKey: string;
  descriptionKey: string;
  openedAt: string; // 'YYYY-MM-DDTHH:mm:ss'
  dueAt: string;
  status: ActionStatus;
  source: ActionSource;
}

export function dueAt(openedAt: string, dueHours: number): string {
  return addHours(openedAt, dueHours);
}

/**
 * Due time of an action a run opens: the response clock starts when the data say the condition was
 * known, at the end of the as-of day (its facts are complete then), not when someone pressed Run.
 * A run on 4 December over data as of 31 October gives a 48-hour plan due 2 November 24:00, and
 * the same run made a day later gives the same due date.
 */
export function dueFromAsOf(asOf: string, dueHours: number): string {
  return addHours(`${addDays(asOf.slice(0, 10), 1)}T00:00:00`, dueHours);
}

export function templateForSignal(signal: Pick<Signal, 'action' | 'severity'>, playbook: Playbook = DEFAULT_PLAYBOOK): ActionTemplateId {
  return signal.action ?? playbook.bySeverity[signal.severity];
}

function planned(customerKey: string, id: ActionTemplateId, openedAt: string, source: ActionSource, playbook: Playbook, owner: string | null): PlannedAction {
  const t = playbook.templates[id];
  return {
    customerKey,
    templateId: id,
    ownerRole: t.ownerRole,
    owner,
    titleKey: `actions.${id}.title`,
    descriptionKey: `actions.${id}.description`,
    openedAt,
    dueAt: dueFromAsOf(source.asOf, t.dueHours),
    status: 'open',
    source,
  };
}

export function actionForSignal(signal: Signal, openedAt: string, playbook: Playbook = DEFAULT_PLAYBOOK, owner: string | null = null): PlannedAction {
  return planned(
    signal.customerKey,
    templateForSignal(signal, playbook),
    openedAt,
    { kind: 'signal', ruleId: signal.ruleId, severity: signal.severity, asOf: signal.asOf },
    playbook,
    owner,
  );
}

/** The action a health score opens: one for a red score, none otherwise. */
export function actionForScore(
  customerKey: string,
  modelId: string,
  health: HealthScore,
  asOf: string,
  openedAt: string,
  playbook: Playbook = DEFAULT_PLAYBOOK,
  owner: string | null = null,
): PlannedAction | null {
  if (health.band !== 'red') return null;
  return planned(customerKey, playbook.redScore, openedAt, { kind: 'redScore', modelId, score: health.score, asOf }, playbook, owner);
}

const isLive = (status: ActionStatus): boolean => status === 'open' || status === 'inProgress';

/** Overdue: still open or in progress and `now` is past the due time (due exactly now is not late). */
export function isOverdue(action: { dueAt: string; status: ActionStatus }, now: string): boolean {
  return isLive(action.status) && wallClockMs(now) > wallClockMs(action.dueAt);
}

/** Whole hours past due (0 when not overdue), for "overdue by 5 h" badges and sorting. */
export function hoursOverdue(action: { dueAt: string; status: ActionStatus }, now: string): number {
  if (!isOverdue(action, now)) return 0;
  return Math.floor((wallClockMs(now) - wallClockMs(action.dueAt)) / 3_600_000);
}
