import { describe, expect, it } from 'vitest';
import {
  assignPseudonyms,
  createPseudonymiser,
  emptyPseudonymMap,
  lookupPseudonym,
  normaliseForPseudonym,
  pseudonymiseReport,
  pseudonymiseText,
} from '../../../shared/reports/pseudonymise';
import { sampleModel, HOSTILE_NAME, SCRIPT_NAME } from '../../integration/reports/sample-model';

describe('pseudonymise', () => {
  it('numbers new originals in sorted order whatever order they arrive in, and keeps old tokens', () => {
    const a = assignPseudonyms(emptyPseudonymMap(), 'customer', ['乙公司', '甲公司', '乙公司']);
    const b = assignPseudonyms(emptyPseudonymMap(), 'customer', ['甲公司', '乙公司']);
    expect(a).toEqual(b);
    const later = assignPseudonyms(a, 'customer', ['丙公司', '甲公司']);
    expect(lookupPseudonym(later, 'customer', '甲公司', 'zh-CN')).toBe(lookupPseudonym(a, 'customer', '甲公司', 'zh-CN'));
    expect(lookupPseudonym(later, 'customer', '丙公司', 'zh-CN')).toBe('客户-0003');
    expect(lookupPseudonym(later, 'customer', '丙公司', 'en')).toBe('Customer-0003');
    expect(a.entries.customer['丙公司']).toBeUndefined(); // the input map is not mutated
  });

  it.each([
    ['phone', '+86 138-1234-5678', '13812345678'],
    ['phone', '１３８１２３４５６７８', '13812345678'],
    ['email', ' Wang.JG@YuanHang.cn ', 'wang.jg@yuanhang.cn'],
    ['customer', '  苏州  远航 ', '苏州 远航'],
  ] as const)('normalises %s %j', (kind, raw, expected) => {
    expect(normaliseForPseudonym(kind, raw)).toBe(expected);
  });

  it('replaces known names, emails and phones inside free text, longest name first', () => {
    const map = assignPseudonyms(assignPseudonyms(emptyPseudonymMap(), 'customer', ['张三', '张三丰']), 'contact', ['李四']);
    const { text } = pseudonymiseText('张三丰与张三联系了李四（13912345678，li@x.cn），订单号 201391234567890。', map, 'zh-CN');
    expect(text).toBe('客户-0002与客户-0001联系了联系人-0001（电话-0001，email-0001@example.invalid），订单号 201391234567890。');
  });

  it('the data-sheet pseudonymiser hands out the same tokens as the report', () => {
    const p = createPseudonymiser(emptyPseudonymMap(), 'zh-CN');
    expect(p.token('customer', 'A公司')).toBe('客户-0001');
    expect(p.token('customer', 'B公司')).toBe('客户-0002');
    expect(p.token('customer', 'A公司')).toBe('客户-0001');
    expect(p.map().entries.customer).toEqual({ A公司: 1, B公司: 2 });
  });

  it('a pseudonymised report contains none of the original names, contacts, phones or emails', () => {
    const model = sampleModel();
    const { model: out, map } = pseudonymiseReport(model, emptyPseudonymMap());
    const json = JSON.stringify(out);
    for (const original of [
      '苏州远航自动化有限公司',
      '王建国',
      '138-1234-5678',
      '13812345678',
      'wang.jg@yuanhang.cn',
      HOSTILE_NAME,
      SCRIPT_NAME,
      '张伟',
      '陈静',
      '021-55556666',
    ]) {
      expect(json).not.toContain(JSON.stringify(original).slice(1, -1));
    }
    expect(out.pseudonymised).toBe(true);
    expect(out.cover.client).toBe(model.cover.client);
    // The consultant's text named the contact and his phone; both are tokens now.
    expect(out.sections[0]?.consultantText).toContain('联系人王建国'.replace('王建国', '') + lookupPseudonym(map, 'contact', '王建国', 'zh-CN'));
    expect(out.sections[0]?.consultantText).toContain(lookupPseudonym(map, 'phone', '13812345678', 'zh-CN') ?? 'missing');
    // Stable: the same input and the returned map give the same tokens again.
    const again = pseudonymiseReport(sampleModel(), map);
    expect(JSON.stringify(again.model)).toBe(json);
    expect(again.map).toEqual(map);
  });
});
