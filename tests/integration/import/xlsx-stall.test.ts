import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeCase } from '../../fuzz/cases';
import { readXlsxRows } from '../../../electron/backend/import/read-xlsx';
import { ImportFileError } from '../../../electron/backend/import/errors';
import { tempDir } from '../../helpers/temp';

const dir = tempDir();

describe('a workbook whose streaming read stops without an end', () => {
  // Fuzz case 8654 of seed 20261204: flipped bytes leave exceljs's unzip stream neither ended nor failed,
  // so the read awaited its next sheet forever and the import preview never answered.
  it('is refused as unreadable once the whole file is read and nothing comes, not awaited for ever', { timeout: 60_000 }, async () => {
    const file = join(dir, 'flipped.xlsx');
    writeFileSync(file, makeCase(20_261_204, 8654).bytes);
    const read = async (): Promise<unknown> => {
      for await (const _chunk of readXlsxRows(file, { maxRows: 50, stallMs: 1000 })) {
        // reading on
      }
      return null;
    };
    const err = await read().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFileError);
    expect((err as ImportFileError).code).toBe('workbook_unreadable');
  });
});
