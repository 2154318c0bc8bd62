// The analysis parameter sets' channels. Spread into the contract in ./index.ts. A set is sent as
// unknown and validated by the handler (ParamSetSchema), so a bad file or form says where it is wrong
// with a coded error instead of a generic argument failure.
import { z } from 'zod';
import { channel } from './define';
import type { ParamSet } from '../params/param-set';
import type { ParamPreview } from '../params/preview';
import type { SignalBacktest } from '../churn/types';
import type { SignalRule } from '../health/signal-rules';

/** A signal backtest as stored when it ran (migration 0022), with the rules it replayed. */
export interface StoredBacktest {
  id: number;
  createdAt: string;
  rules: SignalRule[];
  backtest: SignalBacktest;
}

export interface ParamSetSummary {
  name: string;
  description: string | null;
  createdAt: string;
  updatedAt: string;
  /** Diagnostic and health runs that name this set. */
  runs: number;
}

const name = z.string().trim().min(1).max(80);

export const paramsChannels = {
  'params.list': channel(z.object({})).returns<ParamSetSummary[]>(),
  /** A stored set; without a name, the built-in defaults (named by the name given, or "默认 / Default"). */
  'params.get': channel(z.object({ name: name.optional() })).returns<ParamSet>(),
  'params.save': channel(z.object({ set: z.unknown() })).returns<ParamSet>(),
  'params.delete': channel(z.object({ name })).returns<{ deleted: boolean }>(),
  /** The set as its JSON file; written to path when one is given. */
  'params.export': channel(z.object({ name, path: z.string().trim().min(1).optional() })).returns<{ text: string; path: string | null }>(),
  /** A JSON file (path) or its text; saved under the name it holds, or `as`. */
  'params.import': channel(
    z
      .object({ path: z.string().trim().min(1).optional(), text: z.string().min(1).optional(), as: name.optional() })
      .refine((a) => a.path !== undefined || a.text !== undefined, { message: 'give a path or the text' }),
  ).returns<ParamSet>(),
  /**
   * The effect of a (possibly unsaved) set on the current data at the latest runs' as-of dates,
   * without running: RFM scores and segments, tiers, lifecycle stages, each signal rule's alert budget,
   * the actions the playbook would call for. Each part can be left out (it costs a pass over its facts).
   */
  'params.preview': channel(
    z.object({
      set: z.unknown(),
      rfm: z.boolean().default(true),
      tiers: z.boolean().default(true),
      lifecycle: z.boolean().default(true),
      signals: z.boolean().default(true),
      playbook: z.boolean().default(true),
    }),
  ).returns<ParamPreview>(),
  /** The latest stored signal backtest (churn.backtest) with the rules it replayed; null before the first. */
  'params.backtest': channel(z.object({})).returns<StoredBacktest | null>(),
};
