// Fields several entities share: the customer they belong to, its name, the owner and a status column.
import type { FieldDef } from './types';

export const customerKey: FieldDef = {
  name: 'customerKey',
  column: 'customer_key',
  type: 'text',
  required: true,
  key: 'customer',
  synonyms: {
    zh: ['客户编号', '客户ID', '客户代码', '客户编码', '客户号', '客户账号', '会员编号', '会员ID', '会员号', '会员卡号', '用户ID', '用户编号', '客户代号'],
    en: [
      'customer id',
      'customer no',
      'customer number',
      'customer code',
      'customer key',
      'cust id',
      'client id',
      'client code',
      'account id',
      'account number',
      'member id',
      'user id',
    ],
  },
};

// Stored only when an order (contract, ...) names a customer the customer list lacks and the user
// chooses to create it; it keeps 客户名称 from being mistaken for the customer id.
export const customerName: FieldDef = {
  name: 'customerName',
  column: null,
  type: 'text',
  required: false,
  synonyms: {
    zh: ['客户名称', '客户名', '客户姓名', '客户全称', '客户', '公司名称', '企业名称', '单位名称', '购买方', '购方名称', '会员名称'],
    en: ['customer name', 'customer', 'client name', 'client', 'company name', 'company', 'account name', 'account', 'buyer'],
  },
};

export const owner = (extraZh: readonly string[] = [], extraEn: readonly string[] = []): FieldDef => ({
  name: 'owner',
  column: 'owner',
  type: 'text',
  required: false,
  synonyms: {
    zh: ['负责人', '客户经理', '销售', '销售代表', '销售人员', '业务员', '归属销售', '所属销售', '客户成功经理', '跟进人', ...extraZh],
    en: ['owner', 'account owner', 'sales rep', 'salesperson', 'account manager', 'csm', 'rep', ...extraEn],
  },
});

export const status = (zh: readonly string[], en: readonly string[] = []): FieldDef => ({
  name: 'status',
  column: 'status',
  type: 'text',
  required: false,
  synonyms: { zh: [...zh, '状态'], en: [...en, 'status', 'state'] },
});
