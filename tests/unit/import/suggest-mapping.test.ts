import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../shared/import/suggest-mapping';
import { matchHeader, headerScale, isKnownHeader } from '../../../shared/import/synonyms';
import { fieldOf } from '../../../shared/import/fields';
import { normaliseHeader } from '../../../shared/import/text';

const byField = (s: ReturnType<typeof suggestMapping>): Record<string, string> => Object.fromEntries(s.assignments.map((a) => [a.field, a.header]));

describe('normaliseHeader', () => {
  it('folds width and case, drops spaces, punctuation and bracketed units', () => {
    expect(normaliseHeader('金额(元)')).toMatchObject({ full: '金额元', core: '金额', bracketed: ['元'] });
    expect(normaliseHeader('金额（万元）')).toMatchObject({ core: '金额', bracketed: ['万元'] });
    expect(normaliseHeader('  Order_Date ')).toMatchObject({ full: 'orderdate', words: ['order', 'date'] });
    expect(normaliseHeader('customerId').words).toEqual(['customer', 'id']);
    expect(normaliseHeader('*客户编号【必填】').core).toBe('客户编号');
    expect(normaliseHeader('ＣＵＳＴＯＭＥＲ ＩＤ').full).toBe('customerid');
  });
});

describe('matchHeader', () => {
  const amount = fieldOf('orders', 'amount')!;
  const customerKey = fieldOf('orders', 'customerKey')!;
  it.each([
    ['订单金额', 1, 'header_exact'],
    ['金额(元)', 0.95, 'header_core'],
    ['Amount', 1, 'header_exact'],
    ['TOTAL AMOUNT', 1, 'header_exact'],
  ])('%s matches amount with %d (%s)', (header, score, reason) => {
    expect(matchHeader(normaliseHeader(header), amount)).toMatchObject({ score, reason });
  });
  it('scores a synonym inside a longer word below any whole-word or whole-segment match, by how much it covers', () => {
    // 实付金额 is 4 of 6 characters of 订单实付金额, inside one word: 0.3 + 0.25 × 4/6
    expect(matchHeader(normaliseHeader('订单实付金额'), amount)?.score).toBeCloseTo(0.3 + 0.25 * (4 / 6));
    expect(matchHeader(normaliseHeader('订单实付金额'), amount)?.reason).toBe('header_partial');
    // The same synonym as a segment of its own (订单-实付金额): 0.6 + 0.25 × 4/6
    expect(matchHeader(normaliseHeader('订单-实付金额'), amount)).toMatchObject({ reason: 'header_segment' });
    expect(matchHeader(normaliseHeader('订单-实付金额'), amount)?.score).toBeCloseTo(0.6 + 0.25 * (4 / 6));
  });
  it('matches Latin synonyms on whole words only', () => {
    expect(matchHeader(normaliseHeader('paid'), customerKey)).toBeNull();
    expect(matchHeader(normaliseHeader('End Customer ID'), customerKey)).toMatchObject({ reason: 'header_segment' });
  });
  it('ranks exact > bracket-free > whole word or segment > substring, the ranks never overlapping', () => {
    const owner = fieldOf('customers', 'owner')!;
    const exact = matchHeader(normaliseHeader('销售'), owner)!.score;
    const core = matchHeader(normaliseHeader('销售(华东)'), owner)!.score;
    const segment = matchHeader(normaliseHeader('销售/区域'), owner)!.score;
    const substring = matchHeader(normaliseHeader('销售额'), owner)!.score;
    expect([exact, core]).toEqual([1, 0.95]);
    expect(segment).toBeGreaterThanOrEqual(0.6);
    expect(segment).toBeLessThanOrEqual(0.85);
    expect(substring).toBeLessThan(0.6);
    // The best a substring can score (a synonym of almost the whole header) stays below the least segment.
    expect(0.3 + 0.25 * 1).toBeLessThan(0.6);
  });
  it('reads the unit a header states', () => {
    expect(headerScale(normaliseHeader('金额(万元)'))).toBe(10_000);
    expect(headerScale(normaliseHeader('合同额（单位：万元）'))).toBe(10_000);
    expect(headerScale(normaliseHeader('Revenue (thousands)'))).toBe(1000);
    expect(headerScale(normaliseHeader('金额(元)'))).toBe(1);
  });
  it('knows headers of any entity', () => {
    expect(isKnownHeader('客户名称')).toBe(true);
    expect(isKnownHeader('Order Date')).toBe(true);
    expect(isKnownHeader('XX公司客户订单导出 2024年')).toBe(false);
  });
});

describe('suggestMapping', () => {
  it('maps a Chinese order export, including 金额(元) and 客户名称 kept apart from the id', () => {
    const s = suggestMapping(
      'orders',
      ['订单编号', '客户编号', '客户名称', '下单日期', '商品名称', '数量', '单价', '金额(元)', '备注'],
      [['SO-1', 'C001', '上海申江', '2024/3/1', '刀具', '2', '1,200.00', '¥2,400.00', '']],
    );
    expect(byField(s)).toEqual({
      orderKey: '订单编号',
      customerKey: '客户编号',
      customerName: '客户名称',
      orderDate: '下单日期',
      product: '商品名称',
      quantity: '数量',
      unitPrice: '单价',
      amount: '金额(元)',
    });
    expect(s.unmappedColumns).toEqual([8]);
    expect(s.missingRequired).toEqual([]);
    expect(s.assignments.find((a) => a.field === 'amount')).toMatchObject({ reason: 'header_core', confidence: 0.95 });
  });

  it('maps English headers and never puts two columns on one field', () => {
    const s = suggestMapping(
      'orders',
      ['Order ID', 'Customer ID', 'Date', 'Order Date', 'Amount', 'Total'],
      [['A1', 'C1', '2024-01-01', '2024-01-02', '10.00', '10.00']],
    );
    const fields = s.assignments.map((a) => a.field);
    expect(new Set(fields).size).toBe(fields.length);
    const columns = s.assignments.map((a) => a.column);
    expect(new Set(columns).size).toBe(columns.length);
    // Both 'Date' and 'Order Date' are exact synonyms; the earlier column wins the tie.
    expect(byField(s).orderDate).toBe('Date');
    expect(byField(s).amount).toBe('Amount');
  });

  it('lets amount stay unmapped when quantity and unit price are there', () => {
    const s = suggestMapping('orders', ['order_no', 'customer_id', 'order date', 'qty', 'unit price'], []);
    expect(s.missingRequired).toEqual([]);
    const t = suggestMapping('orders', ['order_no', 'customer_id', 'order date', 'qty'], []);
    expect(t.missingRequired).toEqual(['amount']);
  });

  it('falls back on values for a required field when exactly one column fits', () => {
    const rows = [
      ['X1', 'C001', '2024-03-01', '¥1,200.00'],
      ['X2', 'C002', '2024-03-02', '¥300.50'],
      ['X3', 'C001', '2024-03-05', '¥88.00'],
    ];
    const s = suggestMapping('orders', ['单号', '客户编号', '时间戳', '价税'], rows);
    const a = Object.fromEntries(s.assignments.map((x) => [x.field, x]));
    expect(a.orderDate).toMatchObject({ header: '时间戳', reason: 'values' });
    expect(a.amount).toMatchObject({ header: '价税', reason: 'values' });
    expect(a.orderDate!.confidence).toBeLessThan(0.5);
  });

  it('does not guess between two id-like columns by values', () => {
    const rows = [
      ['X1', 'C001', '2024-03-01', '100'],
      ['X2', 'C002', '2024-03-02', '200'],
      ['X3', 'C003', '2024-03-05', '300'],
    ];
    const s = suggestMapping('orders', ['甲', '乙', '丙', '丁'], rows);
    expect(s.assignments.map((a) => a.field)).toEqual(['orderDate']);
    expect(s.missingRequired).toEqual(['orderKey', 'customerKey', 'amount']);
  });

  it('lowers confidence when the values do not fit the header', () => {
    const good = suggestMapping('orders', ['下单日期'], [['2024-03-01'], ['2024-03-02']]).assignments[0]!;
    const bad = suggestMapping('orders', ['下单日期'], [['hello'], ['world']]).assignments[0]!;
    expect(good.confidence).toBe(1);
    expect(bad.confidence).toBe(0.5);
  });

  it('carries the unit of 金额(万元) as a scale', () => {
    const s = suggestMapping('contracts', ['合同编号', '客户编号', '开始日期', '合同金额(万元)'], [['H1', 'C1', '2024-01-01', '12.5']]);
    expect(s.assignments.find((a) => a.field === 'recurringValue')).toMatchObject({ scale: 10_000 });
  });

  it('maps customers, tickets and surveys headers', () => {
    expect(byField(suggestMapping('customers', ['客户ID', '客户名称', '所属行业', '客户经理', '注册日期', '是否标杆客户'], []))).toEqual({
      customerKey: '客户ID',
      name: '客户名称',
      industry: '所属行业',
      owner: '客户经理',
      firstSeen: '注册日期',
      isBenchmark: '是否标杆客户',
    });
    expect(byField(suggestMapping('surveys', ['客户编号', '回访日期', 'NPS评分', '满意度', '意见建议'], []))).toEqual({
      customerKey: '客户编号',
      date: '回访日期',
      nps: 'NPS评分',
      csat: '满意度',
      comment: '意见建议',
    });
    expect(byField(suggestMapping('contracts', ['Contract No', 'Customer ID', 'Start Date', 'End Date', 'MRR', 'Billing Cycle'], []))).toEqual({
      contractKey: 'Contract No',
      customerKey: 'Customer ID',
      startDate: 'Start Date',
      endDate: 'End Date',
      monthlyValue: 'MRR',
      valuePeriod: 'Billing Cycle',
    });
  });
});

describe('a column that merely contains a synonym', () => {
  it('leaves 销售额 of a customer list out of owner (a numeric column is no owner) and keeps it as a number attribute', () => {
    const s = suggestMapping(
      'customers',
      ['客户编号', '客户名称', '销售', '销售额'],
      [
        ['C1', '甲公司', '王伟', '1200.5'],
        ['C2', '乙公司', '李娜', '880'],
        ['C3', '丙公司', '王伟', '15000'],
      ],
    );
    expect(byField(s)).toMatchObject({ customerKey: '客户编号', name: '客户名称', owner: '销售' });
    expect(s.assignments.find((a) => a.header === '销售额')).toMatchObject({ field: 'attribute', attributeType: 'number', reason: 'attribute' });
  });
  it('without a better column, still does not map 销售额 to owner', () => {
    const s = suggestMapping(
      'customers',
      ['客户编号', '客户名称', '销售额'],
      [
        ['C1', '甲公司', '1200.5'],
        ['C2', '乙公司', '880'],
        ['C3', '丙公司', '15000'],
      ],
    );
    expect(byField(s).owner).toBeUndefined();
  });
  it('still maps a text column whose header holds an owner synonym as a segment', () => {
    const s = suggestMapping(
      'customers',
      ['客户编号', '客户名称', '归属-销售'],
      [
        ['C1', '甲公司', '王伟'],
        ['C2', '乙公司', '李娜'],
      ],
    );
    expect(byField(s).owner).toBe('归属-销售');
  });
  it('keeps a Yes/No column named PhoneService (IBM Telco) out of the customer phone, as a category attribute', () => {
    const s = suggestMapping(
      'customers',
      ['customerID', 'PhoneService', 'MultipleLines', 'Churn'],
      [
        ['7590-VHVEG', 'No', 'No phone service', 'No'],
        ['5575-GNVDE', 'Yes', 'No', 'No'],
        ['3668-QPYBK', 'Yes', 'No', 'Yes'],
      ],
    );
    expect(byField(s).phone).toBeUndefined();
    expect(s.assignments.find((a) => a.header === 'PhoneService')).toMatchObject({ field: 'attribute', attributeType: 'category' });
  });
  it('still maps phone numbers and e-mail addresses under headers that only contain the word', () => {
    const s = suggestMapping(
      'customers',
      ['客户编号', '客户名称', '客户-电话', 'Contact E-mail'],
      [
        ['C1', '甲公司', '138 0013 8000', 'a@jia.cn'],
        ['C2', '乙公司', '(021) 6234-5678', 'b@yi.cn'],
      ],
    );
    expect(byField(s)).toMatchObject({ phone: '客户-电话', email: 'Contact E-mail' });
  });
});

describe('saved mappings', () => {
  it('finds saved headers again when the columns moved', async () => {
    const { toSavedMapping, applySavedMapping } = await import('../../../shared/import/saved-mapping');
    const first = suggestMapping('contracts', ['合同编号', '客户编号', '开始日期', '合同金额(万元)'], []);
    const saved = toSavedMapping('contracts', first.assignments);
    const next = applySavedMapping(saved, ['合同金额（万元）', '备注', '合同编号', '开始日期', '客户编号']);
    expect(next.assignments.map((a) => [a.field, a.column, a.reason])).toEqual([
      ['recurringValue', 0, 'saved'],
      ['contractKey', 2, 'saved'],
      ['startDate', 3, 'saved'],
      ['customerKey', 4, 'saved'],
    ]);
    expect(next.assignments[0]!.scale).toBe(10_000);
    expect(next.missingHeaders).toEqual([]);
    const partial = applySavedMapping(saved, ['合同编号', '客户编号']);
    expect(partial.missingHeaders).toEqual(['开始日期', '合同金额(万元)']);
    expect(partial.missingRequired).toEqual(['startDate', 'recurringValue']);
  });

  it('infers day-first or month-first from values that can only be read one way', async () => {
    const { inferSlashOrder } = await import('../../../shared/import/column-profile');
    expect(inferSlashOrder(['03/04/2024', '25/12/2024'])).toBe('dmy');
    expect(inferSlashOrder(['03/04/2024', '12/25/2024'])).toBe('mdy');
    expect(inferSlashOrder(['03/04/2024'])).toBeUndefined();
    expect(inferSlashOrder(['25/12/2024', '12/25/2024'])).toBeUndefined();
  });
});
