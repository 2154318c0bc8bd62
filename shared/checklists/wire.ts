// What the checklist channels send to the UI and the CLI: plain data, the same in both.
import type { AnswerValue } from './answers';
import type { AssessmentAggregate, SubjectMatrix } from './aggregate';
import type { AssessmentComparison, GapList } from './gaps';
import type { AssessmentScore } from './scoring';
import type { BilingualText, ChecklistTemplate } from './template-schema';

export type TemplateOrigin = 'builtin' | 'copy' | 'import';

export interface TemplateSummary {
  id: string;
  version: string;
  title: BilingualText;
  description: BilingualText;
  origin: TemplateOrigin;
  /** The template a copy was made from. */
  basedOn: string | null;
  /** Present for per-subject templates (销售能力矩阵): the label of who is assessed. */
  subjectLabel: BilingualText | null;
  sectionCount: number;
  questionCount: number;
  /** Built-ins cannot be saved over; copy them first. */
  editable: boolean;
  updatedAt: string | null;
}

export interface TemplateDetail {
  summary: TemplateSummary;
  template: ChecklistTemplate;
}

export type AssessmentStatus = 'draft' | 'complete';

export interface RespondentSummary {
  id: number;
  name: string;
  /** Scored questions answered by this respondent, percent. */
  completion: number;
}

export interface AssessmentSummary {
  id: number;
  templateId: string;
  templateVersion: string;
  templateTitle: BilingualText;
  title: string;
  subject: string | null;
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
  respondents: RespondentSummary[];
  /** Mean of the respondents' completion, percent. */
  completion: number;
  /** Mean of the respondents' overall scores; null before any scored answer. */
  score: number | null;
  stage: { id: string; level: number; label: BilingualText } | null;
}

export interface AnswerRecord {
  value: AnswerValue | null;
  note: string | null;
  evidence: string | null;
  links: string[];
  updatedAt: string;
}

export interface RespondentAnswersDetail {
  id: number;
  name: string;
  answers: Record<string, AnswerRecord>;
}

export interface AssessmentDetail {
  summary: AssessmentSummary;
  /** The template snapshot the assessment was started from. */
  template: ChecklistTemplate;
  respondents: RespondentAnswersDetail[];
}

export interface AnswerSaved {
  respondent: string;
  questionId: string;
  updatedAt: string;
  /** The respondent's completion after this answer, percent. */
  completion: number;
}

export interface AnswersWritten {
  written: number;
  respondentsAdded: string[];
}

export interface AssessmentResult {
  summary: AssessmentSummary;
  template: ChecklistTemplate;
  aggregate: AssessmentAggregate;
  /** The workshop's mean as one score (what the gap list and comparisons use). */
  combined: AssessmentScore;
  gaps: GapList;
}

export interface ComparisonResult {
  before: AssessmentSummary;
  after: AssessmentSummary;
  template: ChecklistTemplate;
  comparison: AssessmentComparison;
}

export interface MatrixResult {
  template: ChecklistTemplate;
  matrix: SubjectMatrix;
  /** The assessments the matrix is made of, newest first. */
  assessments: AssessmentSummary[];
}
