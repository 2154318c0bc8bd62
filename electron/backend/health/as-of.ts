// The as-of date a health run takes when the caller gives none. Health, signals, lifecycle and RFM
// must be judged at one date, or the customer card compares a score as of one day with a lifecycle
// stage as of another: so the latest diagnostic run's as-of date comes first; without one, the
// latest dated fact of the workspace (defaultAsOf, capped at today).

import type { ReadableDB } from '../workspace/connection';
import { defaultAsOf } from './facts-sql';

export function healthRunAsOf(sqlite: ReadableDB, today: string): string {
  const diagnostic = sqlite.prepare('select as_of from diagnostic_run order by as_of desc, id desc limit 1').pluck().get() as string | undefined;
  return diagnostic ?? defaultAsOf(sqlite, today);
}
