import type { ChartOption, Tone } from '../charts/theme';
import type { Locale } from '../errors';
import type { ValueFormat } from './format';
import type { PseudonymKind } from './pseudonymise';

// The report as data, not HTML: a later phase fills it from stored diagnostic runs and assessments
// (never recomputing), and the HTML/PDF and XLSX writers render the same model.

export type ReportLanguage = Locale;

/** The sections the consultant can pick, in their default order; labels are in reports.json sections.*. */
export const REPORT_SECTION_IDS = [
  'summary',
  'retention',
  'revenueRetention',
  'cohorts',
  'rfm',
  'tiers',
  'health',
  'churn',
  'clv',
  'impact',
  'feeStatement',
  'voc',
  'churnReview',
  'actions',
  'checklists',
  'methods',
] as const;
export type ReportSectionId = (typeof REPORT_SECTION_IDS)[number];

export interface ReportCover {
  title: string;
  client: string;
  industry: string | null;
  consultant: string;
  /** 'YYYY-MM-DD', the report date shown on the cover and in every page footer. */
  date: string;
  language: ReportLanguage;
  subtitle?: string | null;
  /** The stored runs the figures come from, one line each (id, label, as-of date, parameter set). */
  runs?: string[];
}

export type CellValue = string | number | boolean | null;

/** A table cell: a bare value, or a value with a flag (a partial cohort period is still moving). */
export type TableCell = CellValue | { value: CellValue; partial?: boolean };

/** Colour driven by the value, applied as Excel conditional formatting and computed for HTML. */
export type ColourRule =
  | { kind: 'scale'; min: number; max: number }
  /** Health bands: value < yellowFrom is red, < greenFrom yellow, else green (the run's own bands). */
  | { kind: 'bands'; yellowFrom: number; greenFrom: number }
  /** A column whose text already names the band or severity, e.g. { 红: 'red', 黄: 'yellow' }. */
  | { kind: 'tones'; tones: Readonly<Record<string, Tone>> };

export interface TableColumn {
  key: string;
  label: string;
  format: ValueFormat;
  decimals?: number;
  /** Width in Excel characters; HTML uses it as a relative weight. */
  width?: number;
  colour?: ColourRule;
  /** Column holds personal data: replaced by stable tokens in a pseudonymised export. */
  pii?: PseudonymKind;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
}

export interface KeyFigure {
  label: string;
  value: number | string | null;
  format: ValueFormat;
  decimals?: number;
  /** How it was computed: formula and denominator, e.g. "(E − N) / S，S = 期初活跃客户 1,204". */
  note?: string | null;
  tone?: Tone | null;
}

export interface KeyFiguresBlock {
  kind: 'keyFigures';
  figures: KeyFigure[];
}

export interface TableBlock {
  kind: 'table';
  title?: string;
  columns: TableColumn[];
  rows: TableCell[][];
  /** Under the table: the source run, the denominator, what a flag means. */
  note?: string | null;
}

export interface ChartBlock {
  kind: 'chart';
  title?: string;
  /** Built by shared/charts, so the dashboard shows the same picture. */
  option: ChartOption;
  width: number;
  height: number;
  caption?: string | null;
}

export interface BulletsBlock {
  kind: 'bullets';
  items: string[];
}

export type ReportBlock = ParagraphBlock | KeyFiguresBlock | TableBlock | ChartBlock | BulletsBlock;

export interface ReportSection {
  /** One of REPORT_SECTION_IDS, or a custom id for a consultant-added section. */
  id: string;
  title: string;
  /** The consultant's own text for this section, shown before the figures. */
  consultantText: string | null;
  blocks: ReportBlock[];
  /** Nothing stored for it yet (the blocks say what to run): printed without a page of its own. */
  pending?: boolean;
}

/** A reviewed finding as the report prints it, in the report's language (shared/findings drafts it). */
export interface ReportFinding {
  id: string;
  /** The consultant's wording, else the drafted headline. */
  text: string;
  /** The figure formatted (62.5%, ¥1,234,567). */
  figure: string;
  /** Formula and denominator of the figure: the footnote in the PDF, the speaker note in the deck. */
  formula: string;
  /** The chart or table it rests on, and the run. */
  evidence: string;
  action: string;
  /** Why it is weak (too few customers, within noise), or null. */
  weak: string | null;
  /** The chart of the section the evidence names, from the same option builders as the dashboard. */
  chart: ChartBlock | null;
}

export interface ReportFindings {
  items: ReportFinding[];
  /** Nothing accepted yet: these are the engine's first strong drafts, and the report says so. */
  drafted: boolean;
}

export interface ReportModel {
  cover: ReportCover;
  /** ISO 4217; money in the workspace is in this currency. */
  currency: string;
  sections: ReportSection[];
  /** Set by pseudonymiseReport; printed on the cover so a reader knows names are tokens. */
  pseudonymised: boolean;
  /** The accepted findings (or drafts), leading the summary, the deck and the workbook. */
  findings?: ReportFindings;
}

export function cellValue(cell: TableCell): CellValue {
  return cell !== null && typeof cell === 'object' ? cell.value : cell;
}

export function cellIsPartial(cell: TableCell): boolean {
  return cell !== null && typeof cell === 'object' && cell.partial === true;
}
