import { proposeFindings, reviewFindings } from '../../../shared/findings';
import type { FindingsOptions, ReviewedFinding } from '../../../shared/findings/types';
import type { ReportDefinition } from '../../../shared/reports/definition';
import { localNow } from '../health/clock';
import { reportRuns } from '../reports/run-choice';
import type { ReadableDB } from '../workspace/connection';
import { findingsInput } from './input';
import { loadDecisions } from './store';

/** The drafted findings of the runs a report with this definition quotes, with the consultant's decisions. */
export function engagementFindings(
  sqlite: ReadableDB,
  currency: string,
  def: Pick<ReportDefinition, 'diagnosticRunId' | 'healthRunId'>,
  options: Partial<FindingsOptions> = {},
  now: string = localNow(),
): ReviewedFinding[] {
  const runs = reportRuns(sqlite, def);
  const drafts = proposeFindings(findingsInput(sqlite, runs, currency, now), options);
  return reviewFindings(drafts, loadDecisions(sqlite));
}
