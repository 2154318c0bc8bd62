// Every text-holding column of the workspace, and what the close-out does with it. A column that can
// hold a person's name, contact details or free text is cleared or replaced; one kept says why. A test
// (tests/integration/privacy/personal-columns.test.ts) fails when a table or column appears that this
// list does not name, so a new table cannot slip personal data past the close-out.
//
// What is kept is what the consultant may keep after the engagement: the customer keys the stored runs
// are keyed by, firmographic categories (industry, region, size), dates, amounts and the runs' figures.

export type ColumnRule =
  /** Not personal, or needed to keep the aggregates; the reason is for the reader of this list. */
  | { do: 'keep'; why: string }
  /** Free text or a contact detail: set to null (or the column's default when it is NOT NULL). */
  | { do: 'clear' }
  /** A customer's name: replaced by its pseudonym token (客户-0001), so tables still read. */
  | { do: 'customerToken' }
  /** A person of the client's staff (account manager, owner): replaced by a staff token. */
  | { do: 'staffToken' }
  /** A respondent of a self-assessment: replaced by a numbered respondent label. */
  | { do: 'respondentToken' }
  /** A project's name (it usually names the customer): replaced by the project key. */
  | { do: 'projectKey' }
  /** JSON that may quote names or free text among figures: strings scrubbed, numbers untouched. */
  | { do: 'scrubJson' };

export type TableRule =
  | { rows: 'keep'; columns: Record<string, ColumnRule> }
  /** Every row goes: the table is a key back to the people (pseudonym originals) or holds only personal values. */
  | { rows: 'delete'; why: string };

const keep = (why: string): ColumnRule => ({ do: 'keep', why });
const KEY = keep('key the stored runs and the canonical rows are matched by');
const CATEGORY = keep('a category or code, not personal');
const DATE = keep('a date or timestamp');
const CONFIG = keep('configuration or parameters, no customer data');

export const PERSONAL_COLUMNS: Record<string, TableRule> = {
  customers: {
    rows: 'keep',
    columns: {
      row_key: KEY,
      customer_key: KEY,
      name: { do: 'customerToken' },
      industry: CATEGORY,
      segment: CATEGORY,
      region: CATEGORY,
      owner: { do: 'staffToken' },
      first_seen: DATE,
      status: CATEGORY,
      churn_date: DATE,
      churn_reason: { do: 'clear' },
      contact_name: { do: 'clear' },
      phone: { do: 'clear' },
      email: { do: 'clear' },
      tags: { do: 'clear' },
    },
  },
  orders: {
    rows: 'keep',
    columns: {
      row_key: KEY,
      order_key: KEY,
      customer_key: KEY,
      order_date: DATE,
      product: keep("the client's catalogue item, not a person"),
      category: CATEGORY,
      channel: CATEGORY,
    },
  },
  contracts: {
    rows: 'keep',
    columns: {
      row_key: KEY,
      contract_key: KEY,
      customer_key: KEY,
      start_date: DATE,
      end_date: DATE,
      value_period: CATEGORY,
      status: CATEGORY,
      cancelled_date: DATE,
      renewal_of: KEY,
      product: keep("the client's catalogue item, not a person"),
    },
  },
  interactions: {
    rows: 'keep',
    columns: {
      row_key: KEY,
      customer_key: KEY,
      date: DATE,
      channel: CATEGORY,
      purpose: CATEGORY,
      direction: CATEGORY,
      owner: { do: 'staffToken' },
      text: { do: 'clear' },
    },
  },
  tickets: {
    rows: 'keep',
    columns: {
      row_key: KEY,
      ticket_key: KEY,
      customer_key: KEY,
      opened_at: DATE,
      first_response_at: DATE,
      resolved_at: DATE,
      priority: CATEGORY,
      category: CATEGORY,
    },
  },
  surveys: { rows: 'keep', columns: { row_key: KEY, customer_key: KEY, date: DATE, comment: { do: 'clear' } } },
  usage: { rows: 'keep', columns: { row_key: KEY, customer_key: KEY, period: DATE, metric: CATEGORY } },
  projects: {
    rows: 'keep',
    columns: {
      row_key: KEY,
      project_key: KEY,
      customer_key: KEY,
      name: { do: 'projectKey' },
      planned_start: DATE,
      planned_end: DATE,
      actual_start: DATE,
      actual_end: DATE,
      status: CATEGORY,
      risk: CATEGORY,
    },
  },
  // Attribute values are whatever columns the client's files had beyond the canonical fields
  // (gender, birthday, the sales rep): none of it is needed once the runs hold their breakdowns.
  customer_attribute: { rows: 'delete', why: 'per-customer values of arbitrary columns (gender, dates, staff names)' },
  customer_attribute_def: { rows: 'keep', columns: { name: keep('a header of the client file'), type: CATEGORY } },

  import_batch: {
    rows: 'keep',
    columns: {
      entity: CATEGORY,
      file_name: keep('the file name, also in the audit log, which cannot change without breaking its chain'),
      file_hash: keep('a digest of the file'),
      sheet: CATEGORY,
      mapping: keep('headers and field names only'),
      options: CONFIG,
      status: CATEGORY,
      started_at: DATE,
      finished_at: DATE,
      plan: keep('format, encoding and delimiter'),
      date_min: DATE,
      date_max: DATE,
      undone_at: DATE,
    },
  },
  import_reject: {
    rows: 'keep',
    columns: {
      column_name: keep('a header of the client file'),
      raw_value: { do: 'clear' },
      reason_code: CATEGORY,
      reason: { do: 'clear' },
      raw_row: { do: 'clear' },
      reason_params: { do: 'clear' },
    },
  },
  import_mapping: {
    rows: 'keep',
    columns: {
      system: CATEGORY,
      entity: CATEGORY,
      mapping: keep('headers and field names only'),
      options: CONFIG,
      created_at: DATE,
      updated_at: DATE,
      used_at: DATE,
    },
  },

  diagnostic_run: {
    rows: 'keep',
    columns: {
      created_at: DATE,
      as_of: DATE,
      grain: CATEGORY,
      basis: CATEGORY,
      params: { do: 'scrubJson' },
      results: { do: 'scrubJson' },
      label: keep("the consultant's name for the run"),
      param_set: CONFIG,
    },
  },
  diagnostic_customer: {
    rows: 'keep',
    columns: {
      customer_key: KEY,
      name: { do: 'customerToken' },
      industry: CATEGORY,
      region: CATEGORY,
      owner: { do: 'staffToken' },
      customer_segment: CATEGORY,
      first_active: DATE,
      cohort: DATE,
      cohort_on: DATE,
      statuses: CATEGORY,
      last_purchase: DATE,
      segment: CATEGORY,
      value_group: CATEGORY,
      prev_segment: CATEGORY,
      prev_value_group: CATEGORY,
      tier: CATEGORY,
      tier_reasons: keep('reason codes and figures'),
      stage: CATEGORY,
      stage_reasons: keep('reason codes and figures'),
    },
  },
  health_model: { rows: 'keep', columns: { id: KEY, name: CONFIG, model: CONFIG, created_at: DATE, updated_at: DATE } },
  health_run: {
    rows: 'keep',
    columns: {
      model_id: KEY,
      model: CONFIG,
      rules: CONFIG,
      as_of: DATE,
      started_at: DATE,
      finished_at: DATE,
      param_set: CONFIG,
      action_policy: CONFIG,
      sources: keep('the ids of the model runs the health run read, or why none'),
    },
  },
  health_score: { rows: 'keep', columns: { customer_key: KEY, band: CATEGORY, measures: keep('figures only'), metrics: keep('figures only (doubles)') } },
  health_signal: {
    rows: 'keep',
    columns: {
      customer_key: KEY,
      rule_id: CATEGORY,
      severity: CATEGORY,
      status: CATEGORY,
      // Quotes interaction and ticket texts (a competitor named in a note) beside its figures.
      evidence: { do: 'scrubJson' },
      triggered_on: DATE,
      as_of: DATE,
      dismissed_reason: { do: 'clear' },
      dismissed_at: DATE,
      closed_at: DATE,
      owner: { do: 'staffToken' },
      snoozed_until: DATE,
      dismissed_reason_code: CATEGORY,
    },
  },
  health_action: {
    rows: 'keep',
    columns: {
      customer_key: KEY,
      template_id: CATEGORY,
      owner_role: CATEGORY,
      owner: { do: 'staffToken' },
      opened_at: DATE,
      due_at: DATE,
      status: CATEGORY,
      source_kind: CATEGORY,
      source: { do: 'scrubJson' },
      note: { do: 'clear' },
      closed_at: DATE,
      repair_check: { do: 'scrubJson' },
      repair_checked_at: DATE,
      snoozed_until: DATE,
    },
  },
  churn_run: {
    rows: 'keep',
    columns: {
      created_at: DATE,
      label: keep("the consultant's name for the run"),
      params: { do: 'scrubJson' },
      scored_as_of: DATE,
      status: CATEGORY,
      results: { do: 'scrubJson' },
    },
  },
  churn_score: {
    rows: 'keep',
    columns: { customer_key: KEY, name: { do: 'customerToken' }, owner: { do: 'staffToken' }, reasons: { do: 'scrubJson' } },
  },
  clv_run: {
    rows: 'keep',
    columns: {
      created_at: DATE,
      label: keep("the consultant's name for the run"),
      params: { do: 'scrubJson' },
      as_of: DATE,
      model: CATEGORY,
      status: CATEGORY,
      verdict: CATEGORY,
      results: { do: 'scrubJson' },
    },
  },
  clv_customer: { rows: 'keep', columns: { customer_key: KEY } },

  checklist_template: {
    rows: 'keep',
    columns: {
      id: KEY,
      version: CONFIG,
      template: CONFIG,
      origin: CATEGORY,
      based_on: KEY,
      source_file: keep('a template file name'),
      created_at: DATE,
      updated_at: DATE,
    },
  },
  checklist_assessment: {
    rows: 'keep',
    columns: {
      template_id: KEY,
      template_version: CONFIG,
      template: CONFIG,
      title: keep("the consultant's title for the assessment"),
      subject: keep('the unit assessed (a team or business line)'),
      status: CATEGORY,
      created_at: DATE,
      updated_at: DATE,
      completed_at: DATE,
    },
  },
  checklist_respondent: { rows: 'keep', columns: { name: { do: 'respondentToken' }, created_at: DATE } },
  checklist_answer: {
    rows: 'keep',
    columns: {
      question_id: KEY,
      value: keep('the answer on the scale (the score)'),
      note: { do: 'clear' },
      evidence: { do: 'clear' },
      links: { do: 'clear' },
      updated_at: DATE,
    },
  },

  engagement: {
    rows: 'keep',
    columns: {
      client_name: keep('the client company, named on the close-out certificate'),
      industry: CATEGORY,
      currency: CATEGORY,
      locale: CATEGORY,
      consultant: keep("the consultant's own name"),
      start_date: DATE,
      end_date: DATE,
      notes: { do: 'clear' },
      created_at: DATE,
      updated_at: DATE,
    },
  },
  audit_log: {
    rows: 'keep',
    columns: {
      at: DATE,
      action: CATEGORY,
      detail: keep('counts, file names and salted hashes only; editing it would break the chain'),
      hash: keep('the hash chain'),
    },
  },
  report_definition: { rows: 'keep', columns: { key: KEY, definition: CONFIG, updated_at: DATE } },
  report_export: {
    rows: 'keep',
    columns: { at: DATE, kind: CATEGORY, path: keep('where the consultant saved a report'), language: CATEGORY, sections: CONFIG },
  },
  // original -> token: the key that turns a pseudonymised report back into names.
  report_pseudonym: { rows: 'delete', why: 'maps tokens back to the original names, phones and emails' },
  param_set: { rows: 'keep', columns: { name: CONFIG, params: CONFIG, created_at: DATE, updated_at: DATE } },
  workspace_setting: { rows: 'keep', columns: { key: KEY, value: CONFIG } },
  kysely_migration: { rows: 'keep', columns: { name: CONFIG, timestamp: DATE } },
  kysely_migration_lock: { rows: 'keep', columns: { id: CONFIG } },
  sqlite_sequence: { rows: 'keep', columns: { name: CONFIG, seq: CONFIG } },
  health_action_policy: { rows: 'keep', columns: { updated_at: DATE } },
  // A bulk step's rows before and after (owner, reason note): strings scrubbed like the rows themselves.
  triage_step: { rows: 'keep', columns: { at: DATE, target: CATEGORY, op: CATEGORY, detail: { do: 'scrubJson' }, undone_at: DATE } },
  triage_step_item: { rows: 'keep', columns: { before: { do: 'scrubJson' }, after: { do: 'scrubJson' } } },
  // A view's state can hold a customer search typed into a filter.
  saved_view: {
    rows: 'keep',
    columns: { section: CATEGORY, name: keep('the name the consultant gave a view'), state: { do: 'scrubJson' }, created_at: DATE, updated_at: DATE },
  },
  voc_config: { rows: 'keep', columns: { key: CATEGORY, value: keep('dictionary, stop words and themes: words, not customer data'), updated_at: DATE } },
  // Theme runs quote example comments; a churn review quotes comments and names in its timelines.
  voc_run: { rows: 'keep', columns: { created_at: DATE, params: CONFIG, results: { do: 'scrubJson' } } },
  churn_review: { rows: 'keep', columns: { created_at: DATE, period: DATE, params: CONFIG, results: { do: 'scrubJson' } } },
  // A reworded finding may name a customer.
  finding_decision: { rows: 'keep', columns: { finding_id: KEY, status: CATEGORY, text_zh: { do: 'clear' }, text_en: { do: 'clear' }, decided_at: DATE } },
  experiment: {
    rows: 'keep',
    columns: {
      name: keep('the name the consultant gave a test'),
      action: CATEGORY,
      design: CATEGORY,
      selection: CATEGORY,
      selection_detail: { do: 'scrubJson' },
      outcome: CATEGORY,
      start_date: DATE,
      variance_reduction: CATEGORY,
      plan: CONFIG,
      note: { do: 'clear' },
      assigned_at: DATE,
      created_at: DATE,
      updated_at: DATE,
    },
  },
  experiment_member: { rows: 'keep', columns: { customer_key: KEY, arm: CATEGORY } },
  indicator_baseline: {
    rows: 'keep',
    columns: { label: keep('the name the consultant gave a baseline'), as_of: DATE, grain: CATEGORY, indicators: keep('figures only'), frozen_at: DATE },
  },
  fee_terms: { rows: 'keep', columns: { terms: CONFIG, updated_at: DATE } },
  signal_backtest: { rows: 'keep', columns: { created_at: DATE, rules: CONFIG, result: keep('figures by rule') } },
};

/** Columns whose declared type can hold text: everything but INTEGER and REAL (TEXT, BLOB, ANY, none). */
export function canHoldText(declaredType: string): boolean {
  const t = declaredType.trim().toUpperCase();
  return !(t === 'INTEGER' || t === 'INT' || t === 'REAL' || t === 'DOUBLE' || t === 'NUMERIC' || t === 'BOOLEAN');
}
