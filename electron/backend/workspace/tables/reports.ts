import type { ColumnType, Generated } from 'kysely';

// Row types of migration 0007's report tables.

export interface ReportDefinitionTable {
  key: string;
  definition: string; // JSON
  updated_at: string;
}

export interface ReportPseudonymTable {
  kind: 'customer' | 'contact' | 'phone' | 'email';
  original: string;
  n: number;
}

export interface ReportExportTable {
  id: Generated<number>;
  at: string;
  kind: 'xlsx' | 'pdf' | 'pptx';
  path: string;
  language: string;
  sections: ColumnType<string, string | undefined, string>; // JSON array
  pseudonymised: ColumnType<number, number | undefined, number>;
  bytes: ColumnType<number, number | undefined, number>;
}

// Migration 0019: the consultant's review of the drafted findings.
export interface FindingDecisionTable {
  finding_id: string;
  status: 'proposed' | 'accepted' | 'dropped';
  position: number | null;
  text_zh: string | null;
  text_en: string | null;
  figure_at_decision: number | null;
  decided_at: string;
}

export interface ReportTables {
  report_definition: ReportDefinitionTable;
  report_pseudonym: ReportPseudonymTable;
  report_export: ReportExportTable;
  finding_decision: FindingDecisionTable;
}
