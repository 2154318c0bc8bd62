// The engagement's lexicon in voc_config (migration 0018). No row = the shipped defaults; a saved
// document that no longer validates (edited by hand, written by a newer version) is refused with a
// coded error rather than silently replaced.

import type { ReadableDB, WritableDB } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import { defaultVocConfig, VocConfigSchema, type VocConfig } from '../../../shared/voc/config';

const KEY = 'lexicon';

export function loadVocConfig(sqlite: ReadableDB): { config: VocConfig; edited: boolean } {
  const row = sqlite.prepare(`select value from voc_config where key = ?`).get(KEY) as { value: string } | undefined;
  if (!row) return { config: defaultVocConfig(), edited: false };
  const parsed = VocConfigSchema.safeParse(JSON.parse(row.value));
  if (!parsed.success) throw new WorkbenchError('VOC_LEXICON_INVALID', { reason: parsed.error.issues[0]?.message ?? '' });
  return { config: parsed.data, edited: true };
}

export function saveVocConfig(sqlite: WritableDB, config: VocConfig, now: string): void {
  sqlite
    .prepare(
      `insert into voc_config (key, value, updated_at) values (?, ?, ?) on conflict (key) do update set value = excluded.value, updated_at = excluded.updated_at`,
    )
    .run(KEY, JSON.stringify(config), now);
}

export function resetVocConfig(sqlite: WritableDB): void {
  sqlite.prepare(`delete from voc_config where key = ?`).run(KEY);
}
