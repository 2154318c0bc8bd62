// What a chart click asks for: the customers behind one figure of a stored run. The backend turns a
// target into a filter on diagnostic_customer (electron/backend/diagnostics/drill-sql.ts); the shapes
// live here so the dashboard, the CLI and reports name targets the same way.

import { z } from 'zod';
import { BREAKDOWN_ATTRIBUTES } from './breakdown';
import { COHORT_MEASURES } from './cohorts';
import { LIFECYCLE_STAGES } from './lifecycle';
import { TIERS } from './tiers';

export const DRILL_STATUSES = ['retained', 'lost', 'new', 'reactivated', 'start', 'end'] as const;

export const DrillTargetSchema = z.discriminatedUnion('kind', [
  /** A cohort cell: cohort period key, offset k, and which count ('size' = the whole cohort). */
  z.object({ kind: z.literal('cohort'), cohort: z.string().min(1), offset: z.int().min(0), measure: z.enum(COHORT_MEASURES) }),
  /** Customers with a retention status in trend period `period` (index into the run's periods). */
  z.object({ kind: z.literal('status'), period: z.int().min(0), status: z.enum(DRILL_STATUSES) }),
  z.object({ kind: z.literal('segment'), scheme: z.enum(['classic', 'valueGroups']), segment: z.string().min(1) }),
  /** A cell of the segment movement matrix: segment at the compare date → segment at the as-of date. */
  z.object({ kind: z.literal('movement'), scheme: z.enum(['classic', 'valueGroups']), from: z.string().min(1), to: z.string().min(1) }),
  z.object({ kind: z.literal('tier'), tier: z.enum(TIERS) }),
  z.object({ kind: z.literal('stage'), stage: z.enum(LIFECYCLE_STAGES) }),
  /** A breakdown group: attribute value, null = not set. */
  z.object({ kind: z.literal('attribute'), attribute: z.enum(BREAKDOWN_ATTRIBUTES), value: z.string().nullable() }),
  /**
   * A group of a breakdown by a customer attribute the imports kept (shared/analytics/attribute-groups.ts):
   * a category's value, a date's year (year: true), a number's range (min <= value <= max); null = no value.
   */
  z.object({
    kind: z.literal('customerAttribute'),
    name: z.string().min(1).max(200),
    value: z.string().nullable(),
    range: z.tuple([z.number(), z.number()]).optional(),
    year: z.boolean().optional(),
  }),
]);
export type DrillTarget = z.infer<typeof DrillTargetSchema>;
