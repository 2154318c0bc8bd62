// The as-of date a health run takes when the caller gives none. Health, signals, lifecycle and RFM
// must be judged at one date, or the customer card compares a score as of one day with a lifecycle
// stage as of another. So: the latest diagnostic run's as-of date; without one, the date a
// diagnostic run would default to (the latest order date, else the latest contract start), so that
// whichever runs first, the other lands on the same day; with neither orders nor contracts, the
// latest dated fact (interactions, tickets, surveys), capped at today.

import type { ReadableDB } from '../workspace/connection';
import { defaultAsOf as diagnosticsDefaultAsOf } from '../diagnostics/defaults';
import { defaultAsOf } from './facts-sql';

export function healthRunAsOf(sqlite: ReadableDB, today: string): string {
  const diagnostic = sqlite.prepare('select as_of from diagnostic_run order by as_of desc, id desc limit 1').pluck().get() as string | undefined;
  if (diagnostic) return diagnostic;
  const hasOrdersOrContracts = sqlite.prepare('select exists (select 1 from orders) or exists (select 1 from contracts)').pluck().get() === 1;
  if (hasOrdersOrContracts) {
    const d = diagnosticsDefaultAsOf(sqlite);
    return d < today ? d : today;
  }
  return defaultAsOf(sqlite, today);
}
