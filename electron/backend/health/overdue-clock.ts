// The clock an action's due time is compared with. Due times are set from the health run's as-of
// date (dueFromAsOf: the day after as-of, plus the template's hours), so on historical data (a
// 2015-2018 superstore export) every action would be overdue by tens of thousands of hours the moment
// the run opened it if "now" were today. When the latest health run's as-of date is in the past, the
// lists read the end of that as-of day as "now" and say so ("as of <date>").

import type { ReadableDB } from '../workspace/connection';
import { addDays } from '../../../shared/health/dates';

export interface OverdueClock {
  /** The wall-clock time overdue is judged at. */
  at: string;
  /** The health run's as-of date when `at` is its end rather than today; null when it is today's clock. */
  asOf: string | null;
}

export function overdueClock(sqlite: ReadableDB, now: string): OverdueClock {
  const row = sqlite.prepare('select as_of from health_run where finished_at is not null order by as_of desc, id desc limit 1').get() as
    { as_of: string } | undefined;
  const asOf = row?.as_of.slice(0, 10);
  if (!asOf || asOf >= now.slice(0, 10)) return { at: now, asOf: null };
  return { at: `${addDays(asOf, 1)}T00:00:00`, asOf };
}
