import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatError, type WireError } from '../../../shared/errors';
import { tempDir } from '../../helpers/temp';
import { importHarness } from './harness';

// Broken text files cost the rows that are broken, each set aside with its row number and reason,
// never the whole file; what cannot be imported at all is refused with a code, the limit named, in
// both languages, and the workspace as it was. Each file here is made by hand for one case.

const dir = tempDir('rwb-hostile-csv-');
let h: ReturnType<typeof importHarness>;
beforeEach(async () => {
  h = importHarness(dir);
  await h.newEngagement();
});
afterEach(async () => {
  await h.close();
});

const HEADER = '订单编号,客户编号,下单日期,订单金额\n';
const line = (i: number): string => `SO-${i},C${String(i % 7).padStart(3, '0')},2025-03-${String((i % 28) + 1).padStart(2, '0')},${i}.50\n`;
const lines = (from: number, to: number): string => Array.from({ length: to - from + 1 }, (_, k) => line(from + k)).join('');

function write(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

async function rejectsOf(batchId: number): Promise<{ rowNumber: number; code: string; reason: string }[]> {
  return (await h.call('import.rejects', { batchId })).rows.map((r) => ({ rowNumber: r.rowNumber, code: r.code, reason: r.reason }));
}

/** A refusal says what was wrong in both languages, with no template left unfilled. */
function expectWorded(err: WireError): { en: string; zh: string } {
  const en = formatError(err.code, err.params, 'en');
  const zh = formatError(err.code, err.params, 'zh-CN');
  for (const text of [en, zh]) expect(text).not.toMatch(/\{\{|undefined|Internal|内部错误/);
  expect(zh).toMatch(/[\u4e00-\u9fff]{4}/);
  // The reader's own sentence in Chinese too, not the English one behind a Chinese prefix.
  expect(zh).not.toMatch(/[A-Za-z]{3,} [a-z]{3,} [a-z]{3,}/);
  return { en, zh };
}

describe('a broken row costs that row, with its row number', () => {
  it('a stray NUL byte in row 3 rejects row 3 only (before: the whole file, as if it were a PNG)', async () => {
    const path = write(
      'nul.csv',
      Buffer.concat([Buffer.from(HEADER + line(1)), Buffer.from('SO-2,C002,2025-03-02,\u0000\u00009.50\n'), Buffer.from(lines(3, 5))]),
    );
    const { batch } = await h.call('import.run', { path, entity: 'orders' });
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected]).toEqual([5, 4, 1]);
    const rejects = await rejectsOf(batch.id);
    expect(rejects.map((r) => [r.rowNumber, r.code])).toEqual([[3, 'nul_byte']]);
    expect(rejects[0]!.reason).toMatch(/零字节（NUL）/);
  });

  it('a binary file named .csv is still refused as not a table', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), Buffer.alloc(2000, 7)]);
    const err = await h.fail('import.preview', { path: write('photo.csv', png) });
    expect([err.code, err.params.importCode]).toEqual(['UNSUPPORTED_FILE', 'format_unknown']);
    expectWorded(err);
  });

  it('a quote opened in row 4 and never closed rejects row 4; every row after it is read (before: one reject, the rest swallowed)', async () => {
    const path = write('quote.csv', HEADER + lines(1, 2) + 'SO-3,C003,"2025-03-04,3.50\n' + lines(4, 2000));
    const { batch } = await h.call('import.run', { path, entity: 'orders' });
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected]).toEqual([2000, 1999, 1]);
    const rejects = await rejectsOf(batch.id);
    expect(rejects.map((r) => [r.rowNumber, r.code])).toEqual([[4, 'csv_quote_unclosed']]);
  });

  it('the same quote on the last line rejects that line alone', async () => {
    const last = await h.call('import.run', { path: write('last.csv', HEADER + lines(1, 3) + 'SO-9,C001,2025-03-09,"9.50\n'), entity: 'orders' });
    expect((await rejectsOf(last.batch.id)).map((r) => [r.rowNumber, r.code])).toEqual([[5, 'csv_quote_unclosed']]);
    expect(last.batch.rowsAccepted).toBe(3);
  });

  it('a cell over 32,767 characters (Excel’s limit) rejects its row, naming the limit', async () => {
    const path = write('long.csv', `${HEADER}${line(1)}SO-2,C002,2025-03-02,5,${'长'.repeat(40_000)}\n${line(3)}`);
    const { batch } = await h.call('import.run', { path, entity: 'orders' });
    expect([batch.rowsRead, batch.rowsAccepted, batch.rowsRejected]).toEqual([3, 2, 1]);
    const rejects = await rejectsOf(batch.id);
    expect(rejects.map((r) => [r.rowNumber, r.code])).toEqual([[3, 'cell_too_large']]);
    expect(rejects[0]!.reason).toContain('32767');
  });

  it('a data row wider than 2,048 columns is rejected; a header that wide refuses the file with the limit named', async () => {
    const wide = `SO-2,C002,2025-03-02,5${',x'.repeat(5000)}\n`;
    const { batch } = await h.call('import.run', { path: write('wide-row.csv', HEADER + line(1) + wide + line(3)), entity: 'orders' });
    expect((await rejectsOf(batch.id)).map((r) => [r.rowNumber, r.code])).toEqual([[3, 'row_too_wide']]);

    const before = h.snapshot();
    const err = await h.fail('import.preview', { path: write('wide-header.csv', `a${',b'.repeat(5000)}\n1,2\n`) });
    expect([err.code, err.params.importCode, err.params.limit, err.params.columns]).toEqual(['UNSUPPORTED_FILE', 'too_many_columns', 2048, 5001]);
    const { en, zh } = expectWorded(err);
    expect(en).toContain('2048');
    expect(zh).toContain('2048');
    expect(h.snapshot()).toEqual(before);
  });
});

describe('a file with nothing to import is refused, saying why', () => {
  it('a header with no rows under it is refused as such, in both languages (before: a green 0-row import)', async () => {
    const before = h.snapshot();
    for (const body of [HEADER, HEADER.trimEnd(), `${HEADER}\n\n,,,\n`]) {
      const err = await h.fail('import.run', { path: write('header-only.csv', body), entity: 'orders' });
      expect([err.code, err.params.importCode, err.params.row]).toEqual(['UNSUPPORTED_FILE', 'no_data_rows', 1]);
      const { en, zh } = expectWorded(err);
      expect(en).toContain('no data rows');
      expect(zh).toContain('只有表头');
    }
    expect(h.snapshot()).toEqual(before);
  });

  it('a file emptied to its header after its preview is refused when run, the workspace unchanged', async () => {
    const path = write('emptied.csv', HEADER + lines(1, 3));
    const preview = await h.call('import.preview', { path, entity: 'orders' });
    writeFileSync(path, HEADER + '\n'.repeat(60));
    const before = h.snapshot();
    const err = await h.fail('import.run', { plan: preview.plan });
    expect([err.code, err.params.importCode]).toEqual(['UNSUPPORTED_FILE', 'no_data_rows']);
    expect(h.snapshot()).toEqual(before);
  });
});
