import type { Migration } from 'kysely/migration';
import * as m0001 from './0001_engagement';
import * as m0002 from './0002_canonical_data';
import * as m0003 from './0003_import';
import * as m0004 from './0004_diagnostics';
import * as m0005 from './0005_health';
import * as m0006 from './0006_checklists';
import * as m0007 from './0007_reports';
import * as m0008 from './0008_health_signal_index';
import * as m0009 from './0009_value_groups';
import * as m0010 from './0010_customer_page_index';
import * as m0011 from './0011_churn';
import * as m0012 from './0012_audit_chain';
import * as m0013 from './0013_customer_attributes';
import * as m0014 from './0014_param_sets';
import * as m0015 from './0015_clv';
import * as m0016 from './0016_triage';
import * as m0017 from './0017_saved_views';
import * as m0018 from './0018_voc';
import * as m0019 from './0019_findings';
import * as m0020 from './0020_impact';
import * as m0021 from './0021_clv_intervals';
import * as m0022 from './0022_signal_backtest';
import * as m0023 from './0023_health_run_sources';
import * as m0024 from './0024_health_preset_ids';

// Static list: kysely's folder-reading provider breaks once bundled (no migrations folder to read).
// Append only. Names sort in apply order.
export const migrations: Record<string, Migration> = {
  '0001_engagement': m0001,
  '0002_canonical_data': m0002,
  '0003_import': m0003,
  '0004_diagnostics': m0004,
  '0005_health': m0005,
  '0006_checklists': m0006,
  '0007_reports': m0007,
  '0008_health_signal_index': m0008,
  '0009_value_groups': m0009,
  '0010_customer_page_index': m0010,
  '0011_churn': m0011,
  '0012_audit_chain': m0012,
  '0013_customer_attributes': m0013,
  '0014_param_sets': m0014,
  '0015_clv': m0015,
  '0016_triage': m0016,
  '0017_saved_views': m0017,
  '0018_voc': m0018,
  '0019_findings': m0019,
  '0020_impact': m0020,
  '0021_clv_intervals': m0021,
  '0022_signal_backtest': m0022,
  '0023_health_run_sources': m0023,
  '0024_health_preset_ids': m0024,
};

export const migrationNames = Object.keys(migrations).sort();
export const latestMigration = migrationNames[migrationNames.length - 1]!;
