import type { Locale } from '../errors';
import { REPORT_SECTION_IDS, type ReportSectionId } from './model';

// What the report builder remembers: which sections, in what order, the consultant's text for each,
// the language and the pseudonymise switch. Stored as JSON in the workspace (report_definition).

export interface ReportSectionChoice {
  id: ReportSectionId;
  included: boolean;
  /** The consultant's own text for the section; '' for none. */
  text: string;
}

export interface ReportDefinition {
  sections: ReportSectionChoice[];
  language: Locale;
  pseudonymise: boolean;
  /** null: the catalogue's default title (reports.document.defaultTitle). */
  title: string | null;
  subtitle: string | null;
  /**
   * The stored runs the report quotes, as the consultant picked them; null: the run with the latest
   * as-of date (not the last executed), resolved when the report is built.
   */
  diagnosticRunId?: number | null;
  healthRunId?: number | null;
}

export function defaultReportDefinition(language: Locale): ReportDefinition {
  return {
    // The fee statement is a one-page document of its own (printed from 成效评估 › 成效收费), not part of the full report by default.
    sections: REPORT_SECTION_IDS.map((id) => ({ id, included: id !== 'feeStatement', text: '' })),
    language,
    pseudonymise: false,
    title: null,
    subtitle: null,
    diagnosticRunId: null,
    healthRunId: null,
  };
}

function isSectionId(id: string): id is ReportSectionId {
  return (REPORT_SECTION_IDS as readonly string[]).includes(id);
}

/**
 * Every known section exactly once, in the given order; unknown ids dropped and sections added by a
 * later version appended (left out), so an old saved definition never hides a new section silently.
 */
export function normaliseReportDefinition(def: ReportDefinition): ReportDefinition {
  const seen = new Set<ReportSectionId>();
  const sections: ReportSectionChoice[] = [];
  for (const s of def.sections) {
    if (!isSectionId(s.id) || seen.has(s.id)) continue;
    seen.add(s.id);
    sections.push({ id: s.id, included: s.included, text: s.text });
  }
  for (const id of REPORT_SECTION_IDS) if (!seen.has(id)) sections.push({ id, included: false, text: '' });
  return { ...def, sections, diagnosticRunId: def.diagnosticRunId ?? null, healthRunId: def.healthRunId ?? null };
}

/** `--sections a,b,c`: exactly those, in that order, keeping the saved texts. Unknown ids are returned. */
export function pickSections(def: ReportDefinition, ids: readonly string[]): { definition: ReportDefinition; unknown: string[] } {
  const unknown = ids.filter((id) => !isSectionId(id));
  const wanted = ids.filter(isSectionId);
  const byId = new Map(def.sections.map((s) => [s.id, s]));
  const chosen = [...new Set(wanted)].map((id) => ({ id, included: true, text: byId.get(id)?.text ?? '' }));
  const rest = def.sections.filter((s) => !wanted.includes(s.id)).map((s) => ({ ...s, included: false }));
  return { definition: normaliseReportDefinition({ ...def, sections: [...chosen, ...rest] }), unknown };
}

export type ReportExportKind = 'xlsx' | 'pdf' | 'pptx';

export interface ReportExportEntry {
  id: number;
  at: string;
  kind: ReportExportKind;
  path: string;
  language: Locale;
  sections: ReportSectionId[];
  pseudonymised: boolean;
  bytes: number;
}

/** Where a section's figures came from: a stored run or assessment, or nothing stored yet. */
export interface ReportSectionSource {
  id: ReportSectionId;
  title: string;
  /** 'stored': built from stored results; 'missing': the domain has nothing stored (the section says so). */
  status: 'stored' | 'missing';
  /** e.g. "health_run #3 · 2025-06-30" */
  source: string | null;
}

export interface ReportExportResult extends ReportExportEntry {
  sources: ReportSectionSource[];
  /** Rows written to the flat data sheets (XLSX only). */
  dataRows: number;
  pages: number | null;
  /** Browser mode: the file may be fetched once through GET /api/download. */
  downloadable: boolean;
}

export interface ReportPreview {
  html: string;
  sources: ReportSectionSource[];
}
