import type { DisplaySettings, displayChannels } from '../../../shared/contract/display';
import type { HandlersFor } from '../../../shared/contract/define';
import { isCurrencyCode, NUMBER_SCALES, type NumberScale } from '../../../shared/display/numbers';
import type { Backend } from '../backend';
import { WorkbenchError } from '../errors';
import type { ReadableDB } from '../workspace/connection';
import { recordAudit } from '../workspace/repositories/audit';
import { getEngagement, updateEngagement } from '../workspace/repositories/engagement';

/** The scale is a workspace setting (no migration: workspace_setting holds JSON per key). */
const SCALE_KEY = 'display.numberScale';

export function numberScale(sqlite: ReadableDB): NumberScale {
  const row = sqlite.prepare('select value from workspace_setting where key = ?').get(SCALE_KEY) as { value: string } | undefined;
  if (!row) return 'full';
  try {
    const v: unknown = JSON.parse(row.value);
    return (NUMBER_SCALES as readonly unknown[]).includes(v) ? (v as NumberScale) : 'full';
  } catch {
    return 'full';
  }
}

export function displayHandlers(b: Backend): HandlersFor<typeof displayChannels> {
  const settings = async (): Promise<DisplaySettings> => {
    const ws = b.requireWorkspace();
    return { numberScale: numberScale(ws.sqlite), currency: (await getEngagement(ws.db)).currency };
  };
  return {
    'display.get': settings,
    'display.save': async ({ numberScale: scale, currency }) => {
      const ws = b.requireWorkspace();
      if (currency !== undefined && !isCurrencyCode(currency)) throw new WorkbenchError('CURRENCY_CODE_INVALID', { code: currency });
      if (scale !== undefined) {
        ws.sqlite
          .prepare('insert into workspace_setting (key, value) values (?, ?) on conflict(key) do update set value = excluded.value')
          .run(SCALE_KEY, JSON.stringify(scale));
      }
      if (currency !== undefined) {
        await updateEngagement(ws.db, { currency }, new Date().toISOString());
        await recordAudit(ws.db, 'engagement.currency', { currency });
      }
      return { settings: await settings(), workspace: await b.adopt(ws) };
    },
  };
}
