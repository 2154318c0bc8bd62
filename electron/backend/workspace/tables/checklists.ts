import type { Generated } from 'kysely';

// Row types of migration 0006's checklist tables. JSON columns are strings; see 0006_checklists.ts.

export interface ChecklistTemplateTable {
  id: string;
  version: string;
  template: string;
  origin: 'copy' | 'import';
  based_on: string | null;
  source_file: string | null;
  created_at: string;
  updated_at: string;
}

export interface ChecklistAssessmentTable {
  id: Generated<number>;
  template_id: string;
  template_version: string;
  template: string;
  title: string;
  subject: string | null;
  status: Generated<'draft' | 'complete'>;
  created_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface ChecklistRespondentTable {
  id: Generated<number>;
  assessment_id: number;
  name: string;
  position: number;
  created_at: string;
}

export interface ChecklistAnswerTable {
  respondent_id: number;
  question_id: string;
  value: string | null;
  note: string | null;
  evidence: string | null;
  links: Generated<string>;
  updated_at: string;
}

export interface ChecklistTables {
  checklist_template: ChecklistTemplateTable;
  checklist_assessment: ChecklistAssessmentTable;
  checklist_respondent: ChecklistRespondentTable;
  checklist_answer: ChecklistAnswerTable;
}
