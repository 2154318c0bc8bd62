// The analysis parameter sets' channels. Spread into the contract in ./index.ts. A set is sent as
// unknown and validated by the handler (ParamSetSchema), so a bad file or form says where it is wrong
// with a coded error instead of a generic argument failure.
import { z } from 'zod';
import { channel } from './define';
import type { ParamSet } from '../params/param-set';
import type { ParamPreview } from '../params/preview';

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
  /** The effect of a (possibly unsaved) set on the latest stored runs, without running. */
  'params.preview': channel(z.object({ set: z.unknown(), rfm: z.boolean().default(true), signals: z.boolean().default(true) })).returns<ParamPreview>(),
};
