// Customer attributes the imports kept (the columns no field takes): the list, and a stored
// diagnostic run broken down by one of them. Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import type { AttributeType } from '../import/attributes';
import type { BreakdownGroup } from '../analytics/run-result';
import type { AttributeGroupKey } from '../analytics/attribute-groups';

export interface CustomerAttributeInfo {
  name: string;
  type: AttributeType;
  /** Customers with a value. */
  customers: number;
}

/** A breakdown group of a kept attribute: the run's figures for it, and the key its drill target takes. */
export type AttributeBreakdownGroup = BreakdownGroup & AttributeGroupKey;

export interface AttributeBreakdown {
  name: string;
  type: AttributeType;
  groups: AttributeBreakdownGroup[];
}

export const attributesChannels = {
  'attributes.list': channel(z.object({})).returns<CustomerAttributeInfo[]>(),
  /**
   * The run's latest-period retention, activity, 12-month revenue and tier mix per group of one kept
   * attribute (its values, a number's quintiles, a date's years), from the run's stored customer rows.
   */
  'attributes.breakdown': channel(z.object({ runId: z.int().positive(), name: z.string().min(1).max(200) })).returns<AttributeBreakdown>(),
};
