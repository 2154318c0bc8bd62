// The reject list as a CSV the client can open in Excel, fix and send back: UTF-8 with BOM and CRLF
// (Excel's own "CSV UTF-8"), formula-safe cells (safe-cell.ts), the reason in the chosen language,
// and every column of the source row so the fixed file can be imported again as it is.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { ReadableDB } from '../workspace/connection';
import type { Locale } from '../../../shared/errors';
import { createTranslator } from '../../../shared/i18n/translate';
import { csvRow } from '../reports/safe-cell';
import { iterateRejects } from './batches';

export async function writeRejectsCsv(sqlite: ReadableDB, batchId: number, path: string, locale: Locale): Promise<number> {
  const t = createTranslator(locale);
  const out = createWriteStream(path);
  const write = async (line: string): Promise<void> => {
    if (!out.write(line + '\r\n')) await once(out, 'drain');
  };
  let n = 0;
  let sourceHeaders: string[] | null = null;
  try {
    out.write('\uFEFF');
    for (const r of iterateRejects(sqlite, batchId)) {
      if (sourceHeaders === null) {
        sourceHeaders = Object.keys(r.rawRow);
        await write(
          csvRow([
            t('import:rejectsCsv.row'),
            t('import:rejectsCsv.column'),
            t('import:rejectsCsv.rawValue'),
            t('import:rejectsCsv.code'),
            t('import:rejectsCsv.reason'),
            ...sourceHeaders,
          ]),
        );
      }
      const reason = t(`import:reasons.${r.code}`, { ...r.params, defaultValue: r.reason });
      await write(csvRow([r.rowNumber, r.column, r.rawValue, r.code, reason, ...sourceHeaders.map((h) => r.rawRow[h] ?? '')]));
      n++;
    }
    if (sourceHeaders === null)
      await write(
        csvRow([
          t('import:rejectsCsv.row'),
          t('import:rejectsCsv.column'),
          t('import:rejectsCsv.rawValue'),
          t('import:rejectsCsv.code'),
          t('import:rejectsCsv.reason'),
        ]),
      );
  } finally {
    out.end();
    await once(out, 'close');
  }
  return n;
}
