import { describe, expect, it } from 'vitest';
import { importPlanSchema, sameFile, type ImportPlan } from '../../../shared/import/plan';

// The plan crosses the process boundary twice (preview → UI or CLI → run), so the run validates it.

const plan: ImportPlan = {
  version: 1,
  path: '/data/订单.csv',
  file: { size: 1200, mtimeMs: 1764806400123.5, headSha256: 'a'.repeat(64) },
  read: { format: 'csv', encoding: 'GB18030', delimiter: ',', newline: '\r\n', headerRow: 3 },
  overrides: { headerRow: 3 },
  headers: ['订单编号', '客户编号', '金额(万元)'],
  entity: 'orders',
  mapping: [
    { field: 'orderKey', column: 0, header: '订单编号' },
    { field: 'amount', column: 2, header: '金额(万元)', scale: 10000 },
  ],
  savedMappingId: null,
};

describe('importPlanSchema', () => {
  it('accepts a plan as the preview makes it, CSV or XLSX', () => {
    expect(importPlanSchema.parse(plan)).toEqual(plan);
    const xlsx = { ...plan, read: { format: 'xlsx', sheet: '订单明细', headerRow: 2 }, savedMappingId: 4 };
    expect(importPlanSchema.parse(xlsx)).toEqual(xlsx);
  });

  it.each([
    ['an unknown version', { version: 2 }],
    ['an entity the workbench has not', { entity: 'leads' }],
    ['a stamp without a sha256', { file: { size: 1, mtimeMs: 1, headSha256: 'xyz' } }],
    ['a negative column', { mapping: [{ field: 'orderKey', column: -1, header: '' }] }],
    ['a delimiter the readers do not know', { read: { format: 'csv', encoding: 'UTF-8', delimiter: ':', newline: '\n', headerRow: 1 } }],
    ['a header row of 0', { read: { format: 'xlsx', sheet: 'a', headerRow: 0 } }],
    ['no path', { path: '' }],
  ])('refuses %s', (_, change) => {
    expect(importPlanSchema.safeParse({ ...plan, ...change }).success).toBe(false);
  });
});

describe('sameFile', () => {
  const stamp = plan.file;
  it('is true only when size, modification time and head hash all match', () => {
    expect(sameFile(stamp, { ...stamp })).toBe(true);
    expect(sameFile(stamp, { ...stamp, size: 1201 })).toBe(false);
    expect(sameFile(stamp, { ...stamp, mtimeMs: stamp.mtimeMs + 1 })).toBe(false);
    expect(sameFile(stamp, { ...stamp, headSha256: 'b'.repeat(64) })).toBe(false);
  });
});
