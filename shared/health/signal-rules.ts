// Early-warning rules as data: each has an id, editable parameters, a severity and an action
// template (null = the playbook's default for the severity). The defaults are DOMAIN.md's list; each
// says which seed sentence its threshold comes from. A rule set can be saved and imported (zod).

import { z } from 'zod';
import { ACTION_TEMPLATE_IDS, SEVERITIES } from './vocabulary';

const base = {
  enabled: z.boolean(),
  severity: z.enum(SEVERITIES),
  action: z.enum(ACTION_TEMPLATE_IDS).nullable(),
};
const pct = z.number().min(0).max(100);
const count = z.number().int().min(1);
const keywords = z.array(z.string().trim().min(1)).min(1);

export const SignalRuleSchema = z.discriminatedUnion('id', [
  z.object({
    id: z.literal('interactionDrop'),
    ...base,
    // fires when last-90-day interactions < belowPctOfPrevious% of the 90 days before
    params: z.object({ belowPctOfPrevious: pct, minPrevious: count }),
  }),
  z.object({ id: z.literal('unansweredOutreach'), ...base, params: z.object({ streak: count }) }),
  z.object({
    id: z.literal('purchaseVolumeDrop'),
    ...base,
    params: z.object({ minDropPct: pct, basis: z.enum(['quantity', 'orders']) }),
  }),
  z.object({
    id: z.literal('spendDecline'),
    ...base,
    params: z.object({ consecutivePeriods: count, minDropPct: pct }),
  }),
  z.object({ id: z.literal('silent'), ...base, params: z.object({ months: count }) }),
  z.object({
    id: z.literal('lowSatisfaction'),
    ...base,
    params: z.object({
      consecutive: count,
      npsBelow: z.number().min(0).max(11),
      csatBelow: z.number().min(0).max(6),
    }),
  }),
  z.object({ id: z.literal('noNewDemand'), ...base, params: z.object({ months: count }) }),
  z.object({ id: z.literal('demandFeedbackDelay'), ...base, params: z.object({ maxDays: z.number().min(0) }) }),
  z.object({
    id: z.literal('serviceSlowdown'),
    ...base,
    params: z.object({ minSlowdownPct: z.number().min(0), minRecentTickets: count }),
  }),
  z.object({ id: z.literal('usageDrop'), ...base, params: z.object({ minDropPct: pct }) }),
  z.object({ id: z.literal('contractEnding'), ...base, params: z.object({ withinDays: z.number().int().min(0) }) }),
  z.object({
    id: z.literal('decisionMakerChange'),
    ...base,
    params: z.object({ keywords, withinDays: z.number().int().min(0) }),
  }),
  z.object({
    id: z.literal('competitorMention'),
    ...base,
    params: z.object({ keywords, withinDays: z.number().int().min(0) }),
  }),
  z.object({
    id: z.literal('complaint'),
    ...base,
    // fires on at least minSentences complaint sentences (the voice-of-the-customer complaint words,
    // negations dropped) in interaction notes and ticket texts of the last withinDays days
    params: z.object({ minSentences: count, withinDays: z.number().int().min(0) }),
  }),
  z.object({
    id: z.literal('churnRisk'),
    ...base,
    // fires when the churn model's probability is at least minProbabilityPct %, or the customer is
    // among the riskiest topSharePct % of the customers the run scored; 0 switches a criterion off
    params: z.object({ minProbabilityPct: pct, topSharePct: pct }),
  }),
]);

export type SignalRule = z.infer<typeof SignalRuleSchema>;
export type SignalRuleId = SignalRule['id'];
export type SignalRuleOf<I extends SignalRuleId> = Extract<SignalRule, { id: I }>;

/**
 * Rules that read a stored model's output, not the client's rows. A churn model must not learn from
 * them (it would learn from an earlier model) and a backtest cannot replay them (no model scored the
 * customers at past dates), so the churn features and the backtest leave them out.
 */
export const MODEL_SIGNAL_RULES: ReadonlySet<SignalRuleId> = new Set<SignalRuleId>(['churnRisk']);

export const SignalRuleSetSchema = z.array(SignalRuleSchema).superRefine((rules, ctx) => {
  const seen = new Set<string>();
  rules.forEach((r, i) => {
    if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `rule "${r.id}" appears twice` });
    seen.add(r.id);
  });
});

// Keyword lists are data matched against the client's Chinese text, so they stay Chinese here.
// Traditional variants are included because HK/TW clients' CRM notes use them.
export const DEFAULT_DECISION_MAKER_KEYWORDS = ['换了负责人', '新任', '离职', '调岗', '接任', '人事变动', '換了負責人', '離職', '調崗', '人事變動'];
export const DEFAULT_COMPETITOR_KEYWORDS = ['竞品', '竞争对手', '对手报价', '其他供应商', '换供应商', '競品', '競爭對手', '對手報價', '其他供應商', '換供應商'];

export const DEFAULT_SIGNAL_RULES: SignalRule[] = [
  // Seed 001 行为信号 "沟通频次骤降"; DOMAIN.md fixes it as below half of the previous 90 days.
  // minPrevious 2 is ours: 1 → 0 interactions is noise, and silence has its own rule.
  {
    id: 'interactionDrop',
    enabled: true,
    severity: 'light',
    action: null,
    params: { belowPctOfPrevious: 50, minPrevious: 2 },
  },
  // Seed 002 预警客户: "连续3次未响应沟通"; its response: "专属权益包".
  { id: 'unansweredOutreach', enabled: true, severity: 'light', action: 'retentionOffer', params: { streak: 3 } },
  // Seed 002 预警客户: "采购量下降20%以上" (a drop of exactly 20% fires).
  {
    id: 'purchaseVolumeDrop',
    enabled: true,
    severity: 'light',
    action: 'retentionOffer',
    params: { minDropPct: 20, basis: 'quantity' },
  },
  // Seed 001 数据信号 "消费金额连续下滑": two period-over-period falls in a row. Graded 中度 by us:
  // a sustained fall is past the 预警 stage.
  {
    id: 'spendDecline',
    enabled: true,
    severity: 'medium',
    action: null,
    params: { consecutivePeriods: 2, minDropPct: 0 },
  },
  // Seed 002 流失客户: "6个月无互动" — treated as churned, so 重度(抢救级) with a win-back.
  { id: 'silent', enabled: true, severity: 'heavy', action: 'winBack', params: { months: 6 } },
  // Seed 001: "当客户满意度连续两次低于阈值，系统自动触发'高层介入流程'". The threshold is ours:
  // NPS below 7 (a detractor) or CSAT below 3. 中度: it is escalated to stop it becoming 流失风险.
  {
    id: 'lowSatisfaction',
    enabled: true,
    severity: 'medium',
    action: 'executiveEscalation',
    params: { consecutive: 2, npsBelow: 7, csatBelow: 3 },
  },
  // Seed 001: "连续2个月未产生新需求，自动触发'需求激活预警'，推送至专属客户经理".
  { id: 'noNewDemand', enabled: true, severity: 'light', action: 'demandActivation', params: { months: 2 } },
  // Seed 001 中度风险(干预级): "如需求反馈延迟超15天，召开'跨部门需求攻坚会'" (16 days fires, 15 does not).
  { id: 'demandFeedbackDelay', enabled: true, severity: 'medium', action: null, params: { maxDays: 15 } },
  // Seed 003: "当客户服务响应速度下降15%，6个月内流失概率增加3倍"; seed 001 轻度: 单次服务响应超时 →
  // 24小时内《服务改进方案》.
  {
    id: 'serviceSlowdown',
    enabled: true,
    severity: 'light',
    action: null,
    params: { minSlowdownPct: 15, minRecentTickets: 1 },
  },
  // Seed 003: "当系统检测到某客户登录频次下降30%时，会同步推送优惠券模板至销售人员的待办列表".
  { id: 'usageDrop', enabled: true, severity: 'light', action: 'retentionOffer', params: { minDropPct: 30 } },
  // Seed 001 续约前置管理: "合作到期前3个月启动'续约价值盘点'"; DOMAIN.md: 90 days.
  {
    id: 'contractEnding',
    enabled: true,
    severity: 'light',
    action: 'renewalValueReview',
    params: { withinDays: 90 },
  },
  // Seed 001 行为信号 "核心决策人变动"; graded 重度 in DOMAIN.md.
  {
    id: 'decisionMakerChange',
    enabled: true,
    severity: 'heavy',
    action: null,
    params: { keywords: DEFAULT_DECISION_MAKER_KEYWORDS, withinDays: 90 },
  },
  // Seed 001 重度风险(抢救级): "如客户明确表达'考虑竞品'，立即启动'高层谈判+定制化补偿'".
  {
    id: 'competitorMention',
    enabled: true,
    severity: 'heavy',
    action: 'executiveNegotiation',
    params: { keywords: DEFAULT_COMPETITOR_KEYWORDS, withinDays: 90 },
  },
  // Seed 000: "通过自然语言处理分析客户沟通记录" to warn early. Two complaint sentences in 90 days is
  // ours: one complaint is service as usual, a second says it is not going away. 中度: it calls for
  // intervention before it becomes a rescue.
  {
    id: 'complaint',
    enabled: true,
    severity: 'medium',
    action: null,
    params: { minSentences: 2, withinDays: 90 },
  },
  // The churn-risk article: "利用机器学习模型预测流失概率，自动触发挽留流程". Fires only on a churn-model run
  // whose evaluation beat the base rate (model-sources.ts); 60% and the riskiest tenth are ours.
  // 中度: a model's prediction calls for intervention, not yet a rescue.
  {
    id: 'churnRisk',
    enabled: true,
    severity: 'medium',
    action: null,
    params: { minProbabilityPct: 60, topSharePct: 10 },
  },
];

/** A fresh copy of the defaults (the constants stay pristine while a workshop edits its copy). */
export function defaultSignalRules(): SignalRule[] {
  return JSON.parse(JSON.stringify(DEFAULT_SIGNAL_RULES)) as SignalRule[];
}

/** The engagement's communication-signal words (its voice-of-the-customer lexicon, voc_config). */
export interface LexiconSignalWords {
  competitor: readonly string[];
  decisionMaker: readonly string[];
}

/**
 * The rules a run evaluates: the keyword rules look for their own words and the engagement's
 * lexicon signal words of the same kind, so the one dictionary the consultant edits in 客户之声 drives
 * both the communication findings there and these signals. The rule's own list stays (rule sets are
 * saved and imported without a lexicon). Other rules are returned as they are.
 */
export function withLexiconWords(rules: readonly SignalRule[], words: LexiconSignalWords): SignalRule[] {
  const merge = (own: readonly string[], extra: readonly string[]): string[] => [
    ...new Set([...own, ...extra.map((w) => w.trim()).filter((w) => w.length > 0)]),
  ];
  return rules.map((r) => {
    if (r.id === 'competitorMention') return { ...r, params: { ...r.params, keywords: merge(r.params.keywords, words.competitor) } };
    if (r.id === 'decisionMakerChange') return { ...r, params: { ...r.params, keywords: merge(r.params.keywords, words.decisionMaker) } };
    return r;
  });
}

/**
 * The words a text must hold to be worth loading for the enabled text rules: the keyword rules'
 * words, and the complaint words when the complaint rule is on.
 */
export function textKeywordsOf(rules: readonly SignalRule[], complaintWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of rules) {
    if (!r.enabled) continue;
    if (r.id === 'decisionMakerChange' || r.id === 'competitorMention') out.push(...r.params.keywords);
    if (r.id === 'complaint') out.push(...complaintWords);
  }
  return [...new Set(out)];
}
