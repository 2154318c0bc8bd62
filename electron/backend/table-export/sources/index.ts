import type { TableSources } from '../source';
import {
  diagnosticsBreakdownSource,
  diagnosticsCustomersSource,
  diagnosticsLifecycleSource,
  diagnosticsSegmentsSource,
  diagnosticsTiersSource,
} from './diagnostics';
import { checklistResultsSource, healthScoresSource, importRejectsSource } from './others';
import { healthActionsSource, healthSignalsSource } from './triage';

/** Every exportable table's row source; a table named in shared/table-export/tables.ts without one fails the typecheck. */
export const TABLE_SOURCES: TableSources = {
  'diagnostics.customers': diagnosticsCustomersSource,
  'diagnostics.breakdown': diagnosticsBreakdownSource,
  'diagnostics.segments': diagnosticsSegmentsSource,
  'diagnostics.tiers': diagnosticsTiersSource,
  'diagnostics.lifecycle': diagnosticsLifecycleSource,
  'import.rejects': importRejectsSource,
  'checklists.results': checklistResultsSource,
  'health.scores': healthScoresSource,
  'health.signals': healthSignalsSource,
  'health.actions': healthActionsSource,
};
