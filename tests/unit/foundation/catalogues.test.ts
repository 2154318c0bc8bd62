import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { resources } from '../../../shared/i18n/resources';
import { errorMessages, formatError } from '../../../shared/errors';

function keys(obj: unknown, prefix = ''): string[] {
  if (typeof obj !== 'object' || obj === null) return [prefix];
  return Object.entries(obj).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

const localesDir = join(import.meta.dirname, '../../../shared/i18n/locales');

describe('message catalogues', () => {
  it('registers every catalogue file in resources.ts', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const files = readdirSync(join(localesDir, locale))
        .map((f) => f.replace(/\.json$/, ''))
        .sort();
      expect(Object.keys(resources[locale]).sort()).toEqual(files);
    }
  });

  it('has the same keys in Chinese and English, none empty', () => {
    for (const ns of Object.keys(resources['zh-CN']) as (keyof (typeof resources)['zh-CN'])[]) {
      const zh = keys(resources['zh-CN'][ns]).sort();
      const en = keys(resources.en[ns]).sort();
      expect({ ns, keys: zh }).toEqual({ ns, keys: en });
    }
  });

  it('has every error message in both languages, with the same placeholders', () => {
    for (const [code, m] of Object.entries(errorMessages)) {
      const ph = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort();
      expect({ code, ph: ph(m['zh-CN']) }).toEqual({ code, ph: ph(m.en) });
    }
    expect(formatError('FILE_NOT_FOUND', { path: '/x.rwb' }, 'zh-CN')).toBe('找不到文件：/x.rwb。请检查路径是否正确。');
  });
});
