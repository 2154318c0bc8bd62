import { describe, expect, it } from 'vitest';
import { batchText } from '../../../electron/cli/commands/import';
import { textWidth } from '../../../electron/cli/output';
import type { ImportBatchSummary } from '../../../shared/import/batch';

// The import summary a consultant reads in a terminal: the figures line up under each other in
// Chinese (two columns a character) and in English, and the unknown-customer figure says it counts rows.
const batch: ImportBatchSummary = {
  id: 3,
  entity: 'orders',
  fileName: 'orders.csv',
  fileHash: 'h',
  fileSize: 10,
  sheet: null,
  status: 'committed',
  rowsRead: 12_000,
  rowsAccepted: 11_990,
  rowsRejected: 10,
  rowsDuplicate: 0,
  customersCreated: 421,
  unknownCustomers: 12_000,
  idsUnfloated: 0,
  namesFromIds: 0,
  dateMin: '2024-01-01',
  dateMax: '2024-12-31',
  startedAt: '2024-12-31T00:00:00Z',
  finishedAt: null,
  durationMs: null,
  undoneAt: null,
  mapping: [],
  options: { unknownCustomers: 'create' },
};

/** Terminal column at which each figure line's value ends. */
const valueEnds = (text: string): number[] =>
  text
    .split('\n')
    .slice(1, 6)
    .map((line) => textWidth(line.replace(/(\d)\s{3}\S.*$/u, '$1')));

describe('rwb import summary text', () => {
  it.each(['zh-CN', 'en'] as const)('lines the figures up (%s)', (lang) => {
    const text = batchText(batch, { json: false, lang });
    const ends = valueEnds(text);
    expect(ends).toHaveLength(5);
    expect(new Set(ends).size).toBe(1);
  });

  it('names the unknown-customer figure as a count of rows, beside the customers created', () => {
    expect(batchText(batch, { json: false, lang: 'zh-CN' })).toMatch(/未知客户的行\s+12,000\s+新建客户（已标记）：421 个/);
    expect(batchText(batch, { json: false, lang: 'en' })).toMatch(/Rows with an unknown customer\s+12,000\s+Customers created \(flagged\): 421/);
    // Counts read as numbers, with the thousands grouped.
    expect(batchText({ ...batch, customersCreated: 17_266 }, { json: false, lang: 'en' })).toContain('Customers created (flagged): 17,266');
    expect(batchText({ ...batch, customersCreated: 17_266 }, { json: false, lang: 'zh-CN' })).toContain('新建客户（已标记）：17,266 个');
  });
});
