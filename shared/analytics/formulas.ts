// Every metric the diagnostics show, with the catalogue keys of its formula and its denominator, so a
// tooltip, a report footnote and the CLI all state the same definition: every figure states its formula and
// its denominator. Texts live in shared/i18n/locales/*/analytics.json under
// formulas.<id>.{name,formula,denominator}.

export const METRIC_UNITS = ['percent', 'count', 'money', 'days', 'score'] as const;
export type MetricUnit = (typeof METRIC_UNITS)[number];

export const METRICS = {
  customersStart: 'count',
  customersEnd: 'count',
  customersNew: 'count',
  customersReactivated: 'count',
  customersGained: 'count',
  customersLost: 'count',
  retentionRate: 'percent',
  churnRate: 'percent',
  mrrStart: 'money',
  mrrEnd: 'money',
  mrrNew: 'money',
  mrrExpansion: 'money',
  mrrContraction: 'money',
  mrrChurn: 'money',
  mrrReactivation: 'money',
  grr: 'percent',
  nrr: 'percent',
  baseGrr: 'percent',
  baseNrr: 'percent',
  t12mGrr: 'percent',
  t12mNrr: 'percent',
  repeatRate: 'percent',
  cohortSize: 'count',
  cohortOn: 'percent',
  cohortOnOrAfter: 'percent',
  cohortRevenue: 'money',
  cohortRevenueRetention: 'percent',
  recency: 'days',
  frequency: 'count',
  monetary: 'money',
  rfmScore: 'score',
  segmentShare: 'percent',
  tierRevenueShare: 'percent',
  lifecycleShare: 'percent',
  periodRevenue: 'money',
  revenue12m: 'money',
  mrrAtAsOf: 'money',
} as const satisfies Record<string, MetricUnit>;

export type MetricId = keyof typeof METRICS;
export const METRIC_IDS = Object.keys(METRICS) as MetricId[];

export interface MetricDefinition {
  id: MetricId;
  unit: MetricUnit;
  /** i18next keys with namespace, for createTranslator / useTranslation. */
  nameKey: string;
  formulaKey: string;
  /** null for a plain count or amount, which has no denominator. */
  denominatorKey: string | null;
}

const WITHOUT_DENOMINATOR: ReadonlySet<MetricId> = new Set<MetricId>([
  'customersStart',
  'customersEnd',
  'customersNew',
  'customersReactivated',
  'customersGained',
  'customersLost',
  'mrrStart',
  'mrrEnd',
  'mrrNew',
  'mrrExpansion',
  'mrrContraction',
  'mrrChurn',
  'mrrReactivation',
  'cohortSize',
  'cohortRevenue',
  'recency',
  'frequency',
  'monetary',
  'periodRevenue',
  'revenue12m',
  'mrrAtAsOf',
]);

export function metricDefinition(id: MetricId): MetricDefinition {
  return {
    id,
    unit: METRICS[id],
    nameKey: `analytics:formulas.${id}.name`,
    formulaKey: `analytics:formulas.${id}.formula`,
    denominatorKey: WITHOUT_DENOMINATOR.has(id) ? null : `analytics:formulas.${id}.denominator`,
  };
}

export const METRIC_DEFINITIONS: readonly MetricDefinition[] = METRIC_IDS.map(metricDefinition);
