import type { ColumnType, Generated } from 'kysely';

// Row types of migration 0002's canonical tables. Booleans are SQLite integers 0/1.
type Flag = ColumnType<number, number | undefined, number>;

interface ImportColumns {
  id: Generated<number>;
  row_key: string;
  batch_id: number | null;
}

export interface ImportBatchTable {
  id: Generated<number>;
  entity: string;
  file_name: string;
  file_hash: string;
  file_size: number;
  sheet: string | null;
  mapping: string; // JSON
  options: string; // JSON
  rows_read: Generated<number>;
  rows_accepted: Generated<number>;
  rows_rejected: Generated<number>;
  rows_duplicate: Generated<number>;
  status: Generated<string>; // 'committed' | 'undone'
  started_at: string;
  finished_at: string | null;
  // added by migration 0003: how the file was read and what the batch found
  plan: ColumnType<string, string | undefined, string>; // JSON ReadPlan
  date_min: string | null;
  date_max: string | null;
  customers_created: ColumnType<number, number | undefined, number>;
  unknown_customers: ColumnType<number, number | undefined, number>;
  duration_ms: number | null;
  undone_at: string | null;
  // added by migration 0013: ids read back from floats, customers named by their id
  ids_unfloated: ColumnType<number, number | undefined, number>;
  names_from_ids: ColumnType<number, number | undefined, number>;
}

export interface ImportRejectTable {
  id: Generated<number>;
  batch_id: number;
  row_number: number;
  column_name: string | null;
  raw_value: string | null;
  reason_code: string;
  reason: string;
  raw_row: string; // JSON
  reason_params: ColumnType<string, string | undefined, string>; // JSON, added by migration 0003
}

export interface CustomersTable extends ImportColumns {
  customer_key: string;
  name: string;
  industry: string | null;
  segment: string | null;
  region: string | null;
  owner: string | null;
  first_seen: string | null;
  status: string | null;
  churn_date: string | null;
  churn_reason: string | null;
  contact_name: string | null;
  phone: string | null;
  email: string | null;
  tags: ColumnType<string, string | undefined, string>; // JSON array
  is_benchmark: Flag;
  created_from_order: Flag;
}

export interface OrdersTable extends ImportColumns {
  order_key: string;
  customer_key: string;
  order_date: string;
  amount: number;
  quantity: number | null;
  unit_price: number | null;
  product: string | null;
  category: string | null;
  channel: string | null;
  is_return: Flag;
}

export interface ContractsTable extends ImportColumns {
  contract_key: string;
  customer_key: string;
  start_date: string;
  end_date: string | null;
  recurring_value: number;
  value_period: 'month' | 'year';
  mrr: number;
  status: string | null;
  cancelled_date: string | null;
  renewal_of: string | null;
  product: string | null;
}

export interface InteractionsTable extends ImportColumns {
  customer_key: string;
  date: string;
  channel: string | null;
  purpose: string | null;
  direction: string | null;
  responded: number | null;
  owner: string | null;
  text: string | null;
}

export interface TicketsTable extends ImportColumns {
  ticket_key: string;
  customer_key: string;
  opened_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
  priority: string | null;
  category: string | null;
  escalated: number | null;
  satisfaction: number | null;
}

export interface SurveysTable extends ImportColumns {
  customer_key: string;
  date: string;
  nps: number | null;
  csat: number | null;
  comment: string | null;
}

export interface UsageTable extends ImportColumns {
  customer_key: string;
  period: string;
  metric: string;
  value: number;
}

export interface ProjectsTable extends ImportColumns {
  project_key: string;
  customer_key: string;
  name: string | null;
  planned_start: string | null;
  planned_end: string | null;
  actual_start: string | null;
  actual_end: string | null;
  status: string | null;
  open_issues: number | null;
  risk: string | null;
}

export interface DataTables {
  import_batch: ImportBatchTable;
  import_reject: ImportRejectTable;
  customers: CustomersTable;
  orders: OrdersTable;
  contracts: ContractsTable;
  interactions: InteractionsTable;
  tickets: TicketsTable;
  surveys: SurveysTable;
  usage: UsageTable;
  projects: ProjectsTable;
}
