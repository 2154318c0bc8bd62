import { describe, expect, it } from 'vitest';
import { detectHeaderRow } from '../../../shared/import/header-row';
import type { RawCell } from '../../../shared/import/text';

const header = ['订单编号', '客户编号', '客户名称', '下单日期', '金额'];
const data: RawCell[][] = [
  ['SO-1', 'C001', '上海申江', '2024/3/1', '¥1,200.00'],
  ['SO-2', 'C002', '杭州西湖', '2024/3/2', '300'],
  ['SO-3', 'C003', '苏州精密', '2024/3/3', '88.5'],
];

describe('detectHeaderRow', () => {
  it.each<[string, RawCell[][], number]>([
    ['header first', [header, ...data], 0],
    ['title then blank row', [['XX公司客户订单导出 2024年', '', '', '', ''], ['', '', '', '', ''], header, ...data], 2],
    ['merged title (one cell) and a period line', [['XX公司销售订单明细'], ['统计期间：2024年1月-3月'], [], header, ...data], 3],
    ['export info in two cells', [['导出人', '张三'], ['导出时间', '2024-04-01'], header, ...data], 2],
    [
      'English header',
      [
        ['customer_id', 'name', 'since'],
        ['C1', 'Acme', '2024-01-01'],
        ['C2', 'Beta', '2024-02-01'],
      ],
      0,
    ],
  ])('%s -> row index %d', (_name, rows, expected) => {
    expect(detectHeaderRow(rows).index).toBe(expected);
  });

  it('prefers a row of known header words over an earlier all-text row', () => {
    const rows: RawCell[][] = [['报表', '参数', '说明', '备用', '其他'], header, ...data];
    expect(detectHeaderRow(rows).index).toBe(1);
  });

  it('is confident about a header of known words', () => {
    expect(detectHeaderRow([header, ...data]).confidence).toBeGreaterThanOrEqual(0.9);
  });
});
