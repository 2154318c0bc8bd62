// Health model presets from the seeds. The seeds name the dimensions but give few numbers; every
// threshold below says whether it is quoted from a seed or is our starting point for the workshop to
// tune. Labels are catalogue keys in the 'health' namespace (shared/i18n/locales/*/health.json).

import { DEFAULT_BANDS, DEFAULT_TREND_TOLERANCE, HEALTH_MODEL_FORMAT, HEALTH_MODEL_VERSION } from './model';
import type { HealthMeasure, HealthModel } from './model';

function preset(id: string, aggregation: HealthModel['aggregation'], measures: HealthMeasure[]): HealthModel {
  return {
    format: HEALTH_MODEL_FORMAT,
    version: HEALTH_MODEL_VERSION,
    id,
    nameKey: `presets.${id}.name`,
    descriptionKey: `presets.${id}.description`,
    basedOn: null,
    aggregation,
    measures,
    bands: { ...DEFAULT_BANDS },
    trendTolerance: DEFAULT_TREND_TOLERANCE,
  };
}

// Shared by seeds 000 and 001. Seed 000: "銷售推薦的解決方案與項目實際執行難度存在30%的偏差" cost the
// client's trust, so 70%+ of demands turning into orders counts as matched; lower steps are ours.
const demandConversionScoring: HealthMeasure['scoring'] = {
  kind: 'thresholds',
  direction: 'higherIsBetter',
  steps: [
    { bound: 70, points: 100 },
    { bound: 50, points: 70 },
    { bound: 30, points: 40 },
  ],
  otherwise: 10,
};

/**
 * Seed 000, 策略2 客户健康度评分体系: "从'需求匹配度''实施顺畅度''价值感知度'三个维度动态评估客户状态".
 * The seed gives no weights, so the three dimensions weigh the same.
 */
export const COLLABORATION_MODEL: HealthModel = preset('collaboration', 'weightedMean', [
  {
    id: 'demandFit',
    metric: 'demandConversionPct',
    labelKey: 'measures.demandFit',
    weight: 1,
    scoring: demandConversionScoring,
  },
  {
    // Seed 000: 项目管理系统沉淀"实施数据与问题日志"; open issues on live projects measure how smooth
    // delivery is. Steps are ours: none open is smooth, more than 10 is 救火式执行.
    id: 'implementationSmoothness',
    metric: 'openProjectIssues',
    labelKey: 'measures.implementationSmoothness',
    weight: 1,
    scoring: {
      kind: 'thresholds',
      direction: 'lowerIsBetter',
      steps: [
        { bound: 0, points: 100 },
        { bound: 2, points: 80 },
        { bound: 5, points: 55 },
        { bound: 10, points: 30 },
      ],
      otherwise: 10,
    },
  },
  {
    // Seed 000 步骤3: "定义关键留存指标（如NPS、使用频率、增购率）"; perceived value read from NPS.
    // Steps follow the NPS classes (DOMAIN.md): promoter 9-10, passive 7-8, detractor 0-6.
    id: 'valuePerception',
    metric: 'npsLatest',
    labelKey: 'measures.valuePerception',
    weight: 1,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: 9, points: 100 },
        { bound: 7, points: 75 },
        { bound: 5, points: 40 },
      ],
      otherwise: 10,
    },
  },
]);

/**
 * Seed 001, BI分析: "构建'客户健康度模型'，整合消费频次、满意度评分、服务响应时长、需求转化率等指标，
 * 生成'红-黄-绿'三色预警". Equal weights (the seed gives none).
 */
export const RELATIONSHIP_MODEL: HealthModel = preset('relationship', 'weightedMean', [
  {
    // No frequency numbers in the seed; monthly buying is our "fully active" mark for B2B accounts.
    id: 'purchaseFrequency',
    metric: 'ordersLast365',
    labelKey: 'measures.purchaseFrequency',
    weight: 25,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: 12, points: 100 },
        { bound: 6, points: 80 },
        { bound: 3, points: 60 },
        { bound: 1, points: 35 },
      ],
      otherwise: 0,
    },
  },
  {
    // 满意度评分: the latest survey CSAT 1-5 (ticket ratings are their own series); 4+ satisfied,
    // below 3 dissatisfied (ours).
    id: 'satisfaction',
    metric: 'csatLatest',
    labelKey: 'measures.satisfaction',
    weight: 25,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: 4.5, points: 100 },
        { bound: 4, points: 80 },
        { bound: 3, points: 55 },
      ],
      otherwise: 20,
    },
  },
  {
    // 服务响应时长 (median first response, hours). 2h from seed 002 "2小时内响应投诉"; 24h from seed 002
    // "24小时内给出解决方案" and seed 001's 轻度 response "24小时内出具《服务改进方案》"; 8h and 48h ours.
    id: 'serviceResponse',
    metric: 'responseHoursMedian',
    labelKey: 'measures.serviceResponse',
    weight: 25,
    scoring: {
      kind: 'thresholds',
      direction: 'lowerIsBetter',
      steps: [
        { bound: 2, points: 100 },
        { bound: 8, points: 80 },
        { bound: 24, points: 60 },
        { bound: 48, points: 30 },
      ],
      otherwise: 0,
    },
  },
  {
    id: 'demandConversion',
    metric: 'demandConversionPct',
    labelKey: 'measures.demandConversion',
    weight: 25,
    scoring: demandConversionScoring,
  },
]);

/**
 * Seed 002 客户健康度模型, written as rules: "健康客户：互动频率稳定，需求反馈积极；预警客户：连续3次未响应
 * 沟通，或采购量下降20%以上；流失客户：6个月无互动，或明确表达不满". Aggregation 'lowest': any 预警
 * condition scores 70 (yellow), any 流失 condition 20 (red), a customer with neither stays 100 (green).
 */
export const SALES_RULES_MODEL: HealthModel = preset('salesRules', 'lowest', [
  {
    // "连续3次未响应沟通" → 预警.
    id: 'outreachUnanswered',
    metric: 'unansweredStreak',
    labelKey: 'measures.outreachUnanswered',
    weight: 1,
    scoring: { kind: 'thresholds', direction: 'lowerIsBetter', steps: [{ bound: 2, points: 100 }], otherwise: 70 },
  },
  {
    // "采购量下降20%以上" → 预警. The step reads value ≤ −20 (a drop of 20% or more) earns 70.
    id: 'purchaseVolume',
    metric: 'purchaseVolumeChangePct',
    labelKey: 'measures.purchaseVolume',
    weight: 1,
    scoring: { kind: 'thresholds', direction: 'lowerIsBetter', steps: [{ bound: -20, points: 70 }], otherwise: 100 },
  },
  {
    // "6个月无互动" → 流失 (calendar months, as the signal rule counts them). No contact of any kind,
    // as the signal reads it: an order or a ticket last month is not six months of silence.
    id: 'silence',
    metric: 'monthsSinceLastContact',
    labelKey: 'measures.silence',
    weight: 1,
    scoring: { kind: 'thresholds', direction: 'lowerIsBetter', steps: [{ bound: 5, points: 100 }], otherwise: 20 },
  },
  {
    // "明确表达不满" → 流失. Our reading: a latest NPS of 0-4 (the low end of detractors) is explicit.
    id: 'explicitDissatisfaction',
    metric: 'npsLatest',
    labelKey: 'measures.explicitDissatisfaction',
    weight: 1,
    scoring: { kind: 'thresholds', direction: 'higherIsBetter', steps: [{ bound: 5, points: 100 }], otherwise: 20 },
  },
]);

/**
 * The default model: the signals and trends an engagement has, each a rule a consultant can defend
 * and a weight the committee can see and move. Weights add up to 100, so each reads as a share.
 * Open heavy signals weigh 25: with no points there, a customer scores at most 75, never green
 * (bands: green from 76). A measure without data drops out and the rest re-normalise, so the cap
 * only tightens. On the demo engagement this ranks the planted at-risk customers above the others
 * with ROC AUC 0.82 (the relationship-maintenance preset: 0.56), tested in tests/integration/health/demo-ranking.test.ts.
 */
export const COMBINED_MODEL: HealthModel = preset('combined', 'weightedMean', [
  {
    // Recency against the customer's own rhythm (days since the last order ÷ the mean gap between
    // its recent order days): a quarterly buyer 60 days out is on time, a weekly buyer is not.
    // 1.5 gaps is "late but within normal variation"; 3 missed cycles is lapsing (ours).
    id: 'purchaseRhythm',
    metric: 'purchaseOverdueRatio',
    labelKey: 'measures.purchaseRhythm',
    weight: 15,
    scoring: {
      kind: 'thresholds',
      direction: 'lowerIsBetter',
      steps: [
        { bound: 1.5, points: 100 },
        { bound: 2, points: 75 },
        { bound: 3, points: 45 },
      ],
      otherwise: 15,
    },
  },
  {
    // Seed 001 "消费金额连续下滑", seed 002 "采购量下降20%以上": net spend of the last 180 days
    // against the 180 before, the lifecycle rule's windows (so the card's two figures agree).
    // A 20% fall is the seeds' warning line, as in the lifecycle rule; 40% is our "deep".
    id: 'spendTrend',
    metric: 'halfYearSpendChangePct',
    labelKey: 'measures.spendTrend',
    weight: 10,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: -10, points: 100 },
        { bound: -20, points: 70 },
        { bound: -40, points: 40 },
      ],
      otherwise: 15,
    },
  },
  {
    // Seed 001 续约前置管理: "合作到期前3个月启动'续约价值盘点'": a contract ending within 90 days and
    // not yet renewed is a renewal at stake; within 30 days it is urgent. Renewed or no contract: NA.
    id: 'contractRenewal',
    metric: 'contractDaysLeft',
    labelKey: 'measures.contractRenewal',
    weight: 5,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: 90, points: 100 },
        { bound: 30, points: 70 },
      ],
      otherwise: 50,
    },
  },
  {
    // Seed 003: "登录频次下降30%" is the coupon trigger; a quarter against the quarter before.
    id: 'usageTrend',
    metric: 'usageTrendPct',
    labelKey: 'measures.usageTrend',
    weight: 10,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: -10, points: 100 },
        { bound: -30, points: 60 },
      ],
      otherwise: 20,
    },
  },
  {
    // Seed 003: "服务响应速度下降15%，6个月内流失概率增加3倍"; twice as slow as the baseline is ours.
    id: 'serviceTrend',
    metric: 'responseSlowdownPct',
    labelKey: 'measures.serviceTrend',
    weight: 5,
    scoring: {
      kind: 'thresholds',
      direction: 'lowerIsBetter',
      steps: [
        { bound: 15, points: 100 },
        { bound: 50, points: 70 },
        { bound: 100, points: 40 },
      ],
      otherwise: 15,
    },
  },
  {
    // Ticket ratings (1-5), the mean of the recent ones: how single service cases went.
    id: 'ticketRatings',
    metric: 'ticketRatingAvg',
    labelKey: 'measures.ticketRatings',
    weight: 5,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: 4, points: 100 },
        { bound: 3, points: 60 },
      ],
      otherwise: 20,
    },
  },
  {
    // The latest survey answer (CSAT 1-5): how the relationship as a whole is judged. 4+ satisfied,
    // below 3 dissatisfied, as in the relationship-maintenance preset.
    id: 'surveySatisfaction',
    metric: 'csatLatest',
    labelKey: 'measures.surveySatisfaction',
    weight: 10,
    scoring: {
      kind: 'thresholds',
      direction: 'higherIsBetter',
      steps: [
        { bound: 4, points: 100 },
        { bound: 3, points: 60 },
      ],
      otherwise: 15,
    },
  },
  {
    // 重度(抢救级) signals the run raises (silence, competitor, decision-maker change): any one takes
    // all 25. The score reads the data: dismissing a signal (the consultant's note) does not raise it.
    id: 'heavySignals',
    metric: 'heavySignals',
    labelKey: 'measures.heavySignals',
    weight: 25,
    scoring: { kind: 'thresholds', direction: 'lowerIsBetter', steps: [{ bound: 0, points: 100 }], otherwise: 0 },
  },
  {
    // 轻度 and 中度 signals the run raises: each one costs points; four or more leave 10.
    id: 'otherSignals',
    metric: 'otherSignals',
    labelKey: 'measures.otherSignals',
    weight: 15,
    scoring: {
      kind: 'thresholds',
      direction: 'lowerIsBetter',
      steps: [
        { bound: 0, points: 100 },
        { bound: 1, points: 80 },
        { bound: 2, points: 55 },
        { bound: 3, points: 30 },
      ],
      otherwise: 10,
    },
  },
]);

export const HEALTH_PRESETS: readonly HealthModel[] = [COMBINED_MODEL, COLLABORATION_MODEL, RELATIONSHIP_MODEL, SALES_RULES_MODEL];
export const DEFAULT_HEALTH_MODEL: HealthModel = COMBINED_MODEL;

export function healthPreset(id: string): HealthModel | undefined {
  return HEALTH_PRESETS.find((p) => p.id === id);
}
