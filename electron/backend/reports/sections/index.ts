import type { ReportSectionId } from '../../../../shared/reports/model';
import type { SectionBuilder } from './context';
import { actionsSection } from './actions';
import { checklistsSection } from './checklists';
import { cohortsSection } from './cohorts';
import { healthSection } from './health';
import { churnSection } from './churn';
import { clvSection } from './clv';
import { feeStatementSection, impactSection } from './impact';
import { vocSection } from './voc';
import { churnReviewSection } from './churn-review';
import { methodsSection } from './methods';
import { retentionSection } from './retention';
import { revenueRetentionSection } from './revenue-retention';
import { rfmSection } from './rfm';
import { tiersSection } from './tiers';

/** Every section but the summary, which is made from the others' highlights (./summary.ts). */
export const SECTION_BUILDERS: Readonly<Record<Exclude<ReportSectionId, 'summary'>, SectionBuilder>> = {
  retention: retentionSection,
  revenueRetention: revenueRetentionSection,
  cohorts: cohortsSection,
  rfm: rfmSection,
  tiers: tiersSection,
  health: healthSection,
  churn: churnSection,
  clv: clvSection,
  impact: impactSection,
  feeStatement: feeStatementSection,
  voc: vocSection,
  churnReview: churnReviewSection,
  actions: actionsSection,
  checklists: checklistsSection,
  methods: methodsSection,
};
