// How the engagement shows numbers (shared/display/numbers.ts): its currency, any ISO 4217 code, and
// amounts in full or in 万/亿. Spread into the contract in ./index.ts.
import { z } from 'zod';
import { channel } from './define';
import { NUMBER_SCALES, type NumberScale } from '../display/numbers';
import type { WorkspaceInfo } from '../domain/engagement';

export interface DisplaySettings {
  numberScale: NumberScale;
  currency: string;
}

export const displayChannels = {
  'display.get': channel(z.object({})).returns<DisplaySettings>(),
  /** Changes the scale and/or the currency (a code Intl does not know is refused with CURRENCY_CODE_INVALID). */
  'display.save': channel(
    z.object({
      numberScale: z.enum(NUMBER_SCALES).optional(),
      currency: z.string().trim().toUpperCase().max(10).optional(),
    }),
  ).returns<{ settings: DisplaySettings; workspace: WorkspaceInfo }>(),
};
