import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../../shared/import/suggest-mapping';

// A customer list with a churn flag (telecom / subscription snapshot exports) maps the flag to the
// customer status without a mapping file; the churn model's outcome labels read that column.
describe('churn flag headers', () => {
  for (const [header, values] of [
    ['是否流失', ['是', '否', '否']],
    ['Churn', ['Yes', 'No', 'No']],
    ['churned', ['1', '0', '0']],
    ['流失状态', ['已流失', '合作中', '合作中']],
  ] as const) {
    it(`maps "${header}" to the customer status`, () => {
      const rows = values.map((v, i) => [`C${i}`, `客户${i}`, v]);
      const s = suggestMapping('customers', ['客户编号', '客户名称', header], rows);
      const a = s.assignments.find((x) => x.column === 2);
      expect(a?.field).toBe('status');
    });
  }
});
