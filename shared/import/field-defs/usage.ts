// The usage file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, customerName } from './shared-fields';

export const USAGE: EntityFields = {
  entity: 'usage',
  fields: [
    customerKey,
    customerName,
    {
      name: 'period',
      column: 'period',
      type: 'period',
      required: true,
      synonyms: { zh: ['月份', '统计月份', '期间', '周期', '统计周期', '统计日期', '日期'], en: ['period', 'month', 'date', 'week'] },
    },
    {
      name: 'metric',
      column: 'metric',
      type: 'text',
      required: true,
      // The ids entities.ts names; the health signals read 'logins'.
      canonicalValues: {
        logins: ['登录次数', '登录', '登录数', '登录频次', '登录人次', 'login', 'login count', 'logins count', 'sign ins', 'sign-ins'],
        active_users: ['活跃用户数', '活跃用户', '活跃人数', '活跃账号数', 'active users', 'active user count', 'mau'],
      },
      synonyms: { zh: ['指标', '指标名称', '度量', '功能'], en: ['metric', 'measure', 'kpi', 'feature'] },
    },
    {
      name: 'value',
      column: 'value',
      type: 'number',
      required: true,
      synonyms: { zh: ['值', '数值', '指标值', '次数', '数量'], en: ['value', 'count', 'amount', 'total'] },
    },
  ],
};
