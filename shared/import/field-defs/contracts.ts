// The contracts file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, customerName, status } from './shared-fields';

export const CONTRACTS: EntityFields = {
  entity: 'contracts',
  fields: [
    {
      name: 'contractKey',
      column: 'contract_key',
      type: 'text',
      required: true,
      key: 'own',
      synonyms: {
        zh: ['合同编号', '合同号', '合同ID', '合同编码', '订阅编号', '订阅ID', '协议编号', '协议号'],
        en: ['contract id', 'contract no', 'contract number', 'contract', 'subscription id', 'agreement id', 'agreement no'],
      },
    },
    customerKey,
    customerName,
    {
      name: 'startDate',
      column: 'start_date',
      type: 'date',
      required: true,
      synonyms: {
        zh: ['开始日期', '合同开始日期', '起始日期', '生效日期', '服务开始日期', '订阅开始日期', '合同生效日期', '开始时间'],
        en: ['start date', 'start', 'effective date', 'contract start', 'start on', 'subscription start', 'service start'],
      },
    },
    {
      name: 'endDate',
      column: 'end_date',
      type: 'date',
      required: false,
      synonyms: {
        zh: ['结束日期', '合同结束日期', '到期日期', '到期日', '截止日期', '服务结束日期', '订阅结束日期', '到期时间'],
        en: ['end date', 'end', 'expiry date', 'expiration date', 'contract end', 'end on', 'subscription end', 'service end'],
      },
    },
    {
      name: 'recurringValue',
      column: 'recurring_value',
      type: 'money',
      required: true,
      synonyms: {
        zh: ['合同金额', '订阅费', '服务费', '经常性收入', '续费金额', '合同价值', '金额'],
        en: ['recurring value', 'contract value', 'subscription fee', 'fee', 'amount', 'value'],
      },
    },
    // Registers that keep yearly and monthly contracts in two columns (年度合同金额 | 月费, one of them
    // filled per row): the filled one gives the recurring value and its period.
    {
      name: 'annualValue',
      column: null,
      type: 'money',
      required: false,
      synonyms: {
        zh: ['年度合同金额', '年费', '年度费用', '合同年额', '年度合同额', '年合同额', '年度金额', '年付金额'],
        en: ['annual value', 'annual fee', 'arr', 'acv', 'annual contract value', 'yearly fee'],
      },
    },
    {
      name: 'monthlyValue',
      column: null,
      type: 'money',
      required: false,
      synonyms: {
        zh: ['月费', '月度费用', '月租', '月付金额', '每月费用', '月度金额'],
        en: ['monthly value', 'monthly fee', 'mrr', 'monthly recurring revenue', 'monthly amount'],
      },
    },
    {
      name: 'valuePeriod',
      column: 'value_period',
      type: 'enum',
      required: false,
      enumValues: {
        month: ['月', '月度', '按月', '每月', '月付', 'monthly', 'mo', 'm', 'per month'],
        year: ['年', '年度', '按年', '每年', '年付', 'annual', 'annually', 'yearly', 'yr', 'y', 'per year'],
      },
      synonyms: {
        zh: ['计费周期', '付费周期', '收费周期', '计费方式', '周期'],
        en: ['value period', 'billing period', 'billing cycle', 'billing frequency', 'period', 'interval'],
      },
    },
    status(['合同状态', '订阅状态']),
    {
      name: 'cancelledDate',
      column: 'cancelled_date',
      type: 'date',
      required: false,
      synonyms: {
        zh: ['取消日期', '解约日期', '退订日期', '撤销日期', '提前终止日期', '终止日期'],
        en: ['cancelled date', 'cancellation date', 'canceled at', 'cancelled at', 'cancel date'],
      },
    },
    {
      name: 'renewalOf',
      column: 'renewal_of',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['续约自', '原合同编号', '原合同号', '上期合同', '续签合同', '续签原合同编号', '续约原合同编号'],
        en: ['renewal of', 'renews', 'previous contract', 'original contract', 'renewed from'],
      },
    },
    {
      name: 'product',
      column: 'product',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['产品', '产品名称', '套餐', '版本', '服务内容', '服务项目', '产品/服务', '产品服务'],
        en: ['product', 'plan', 'edition', 'package', 'product name'],
      },
    },
  ],
  derivable: { recurringValue: [['annualValue'], ['monthlyValue']] },
};
