// What each entity's import can fill: the canonical fields (the columns of migration 0002), their value
// type, which are required, and the header synonyms clients actually use, in Chinese and English.
// Field names are the camelCase properties of shared/domain/entities.ts; `column` is the snake_case
// column of the canonical table. Columns the pipeline computes (row_key, batch_id, contracts.mrr,
// customers.created_from_order) are not fields: nobody maps a client column to them.
import type { EntityKind } from '../domain/entities';

export type ValueType =
  | 'text'
  | 'date' // a calendar day 'YYYY-MM-DD'
  | 'datetime' // 'YYYY-MM-DDTHH:mm:ss' where the source has a time
  | 'period' // a day, or a year-month meaning its first day (usage periods)
  | 'money'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'nps' // integer 0-10
  | 'enum'
  | 'tags'; // a list written in one cell

export interface FieldDef {
  name: string;
  /** Canonical column, or null for a field the pipeline uses without storing in this table. */
  column: string | null;
  type: ValueType;
  required: boolean;
  /** The client's own identifier for the row (dedup key) or for the customer it belongs to. */
  key?: 'own' | 'customer';
  min?: number;
  max?: number;
  /** enum fields: canonical value -> the ways clients write it. */
  enumValues?: Readonly<Record<string, readonly string[]>>;
  /**
   * text fields with a vocabulary the analyses look for (usage metrics): values written one of these
   * ways are stored as the canonical id, anything else is kept as written (an open list, not an enum).
   */
  canonicalValues?: Readonly<Record<string, readonly string[]>>;
  synonyms: { zh: readonly string[]; en: readonly string[] };
}

export interface EntityFields {
  entity: EntityKind;
  fields: readonly FieldDef[];
  /**
   * A required field that may stay unmapped when every field of one of the alternatives is mapped
   * (orders: amount = quantity × unit price; contracts: recurring value from an annual or a monthly column).
   */
  derivable?: Readonly<Record<string, readonly (readonly string[])[]>>;
}

const customerKey: FieldDef = {
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
const customerName: FieldDef = {
  name: 'customerName',
  column: null,
  type: 'text',
  required: false,
  synonyms: {
    zh: ['客户名称', '客户名', '客户姓名', '客户全称', '客户', '公司名称', '企业名称', '单位名称', '购买方', '购方名称', '会员名称'],
    en: ['customer name', 'customer', 'client name', 'client', 'company name', 'company', 'account name', 'account', 'buyer'],
  },
};

const owner = (extraZh: readonly string[] = [], extraEn: readonly string[] = []): FieldDef => ({
  name: 'owner',
  column: 'owner',
  type: 'text',
  required: false,
  synonyms: {
    zh: ['负责人', '客户经理', '销售', '销售代表', '销售人员', '业务员', '归属销售', '所属销售', '客户成功经理', '跟进人', ...extraZh],
    en: ['owner', 'account owner', 'sales rep', 'salesperson', 'account manager', 'csm', 'rep', ...extraEn],
  },
});

const status = (zh: readonly string[], en: readonly string[] = []): FieldDef => ({
  name: 'status',
  column: 'status',
  type: 'text',
  required: false,
  synonyms: { zh: [...zh, '状态'], en: [...en, 'status', 'state'] },
});

const CUSTOMERS: EntityFields = {
  entity: 'customers',
  fields: [
    { ...customerKey, key: 'own', synonyms: { zh: customerKey.synonyms.zh, en: [...customerKey.synonyms.en, 'id'] } },
    // Not required: de-identified exports (common under PIPL) carry ids only; the id is then the name.
    {
      name: 'name',
      column: 'name',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['客户名称', '客户名', '客户姓名', '客户全称', '公司名称', '企业名称', '单位名称', '名称', '姓名', '会员名称', '客户'],
        en: ['customer name', 'name', 'client name', 'company name', 'company', 'account name', 'customer', 'full name'],
      },
    },
    {
      name: 'industry',
      column: 'industry',
      type: 'text',
      required: false,
      synonyms: { zh: ['行业', '所属行业', '行业类别', '行业分类'], en: ['industry', 'sector', 'vertical'] },
    },
    {
      name: 'segment',
      column: 'segment',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['客户类型', '客户分类', '客户类别', '客户等级', '客户分级', '客户层级', '客户群', '细分市场', '分群', '等级', '客户规模', '企业规模', '规模'],
        en: ['segment', 'customer type', 'customer segment', 'tier', 'level', 'customer class', 'company size', 'size'],
      },
    },
    {
      name: 'region',
      column: 'region',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['地区', '区域', '所在地区', '大区', '省份', '城市', '所在城市', '省市'],
        en: ['region', 'area', 'territory', 'province', 'city', 'location'],
      },
    },
    owner(),
    {
      name: 'firstSeen',
      column: 'first_seen',
      type: 'date',
      required: false,
      synonyms: {
        zh: [
          '首次合作日期',
          '首次购买日期',
          '首单日期',
          '成为客户日期',
          '注册日期',
          '注册时间',
          '开户日期',
          '建档日期',
          '创建日期',
          '创建时间',
          '签约日期',
          '入会日期',
        ],
        en: [
          'first seen',
          'customer since',
          'since',
          'first purchase date',
          'signup date',
          'sign up date',
          'registration date',
          'join date',
          'created at',
          'created date',
          'created',
        ],
      },
    },
    // A churn flag is the customer's status as a snapshot export writes it (是/否, Yes/No, 1/0,
    // 已流失/合作中): the churn model's outcome column reads it (electron/backend/churn/labels.ts).
    status(['客户状态', '合作状态', '是否流失', '流失', '流失状态', '是否已流失'], ['churn', 'churned', 'is churned', 'churn flag', 'attrition']),
    {
      name: 'churnDate',
      column: 'churn_date',
      type: 'date',
      required: false,
      synonyms: {
        zh: ['流失日期', '流失时间', '终止合作日期', '解约日期', '停止合作日期'],
        en: ['churn date', 'churned at', 'churned on', 'lost date', 'cancel date', 'cancellation date'],
      },
    },
    {
      name: 'churnReason',
      column: 'churn_reason',
      type: 'text',
      required: false,
      synonyms: { zh: ['流失原因', '终止原因', '解约原因', '停止合作原因'], en: ['churn reason', 'lost reason', 'cancellation reason', 'reason'] },
    },
    {
      name: 'contactName',
      column: 'contact_name',
      type: 'text',
      required: false,
      synonyms: { zh: ['联系人', '联系人姓名', '对接人', '关键联系人'], en: ['contact', 'contact name', 'contact person'] },
    },
    {
      name: 'phone',
      column: 'phone',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['电话', '手机', '手机号', '手机号码', '联系电话', '联系方式', '电话号码'],
        en: ['phone', 'mobile', 'telephone', 'tel', 'phone number', 'cell'],
      },
    },
    {
      name: 'email',
      column: 'email',
      type: 'text',
      required: false,
      synonyms: { zh: ['邮箱', '电子邮箱', '电子邮件', '邮件地址', '邮箱地址'], en: ['email', 'e-mail', 'mail', 'email address'] },
    },
    { name: 'tags', column: 'tags', type: 'tags', required: false, synonyms: { zh: ['标签', '客户标签'], en: ['tags', 'labels', 'tag'] } },
    {
      name: 'isBenchmark',
      column: 'is_benchmark',
      type: 'boolean',
      required: false,
      synonyms: { zh: ['标杆客户', '是否标杆', '是否标杆客户', '标杆'], en: ['benchmark', 'is benchmark', 'reference customer', 'reference account'] },
    },
  ],
};

const ORDERS: EntityFields = {
  entity: 'orders',
  fields: [
    {
      name: 'orderKey',
      column: 'order_key',
      type: 'text',
      required: true,
      key: 'own',
      synonyms: {
        zh: [
          '订单编号',
          '订单号',
          '订单ID',
          '订单编码',
          '单号',
          '单据编号',
          '单据号',
          '销售单号',
          '交易编号',
          '交易号',
          '交易单号',
          '流水号',
          '发票号',
          '发票号码',
        ],
        en: [
          'order id',
          'order no',
          'order number',
          'order key',
          'order',
          'invoice no',
          'invoice number',
          'invoice',
          'transaction id',
          'transaction no',
          'receipt no',
        ],
      },
    },
    customerKey,
    customerName,
    {
      name: 'orderDate',
      column: 'order_date',
      type: 'date',
      required: true,
      synonyms: {
        zh: [
          '下单日期',
          '订单日期',
          '下单时间',
          '订单时间',
          '交易日期',
          '交易时间',
          '购买日期',
          '购买时间',
          '成交日期',
          '成交时间',
          '销售日期',
          '开票日期',
          '单据日期',
          '日期',
        ],
        en: ['order date', 'date', 'order time', 'purchase date', 'transaction date', 'invoice date', 'sale date', 'sales date', 'order created at'],
      },
    },
    {
      name: 'amount',
      column: 'amount',
      type: 'money',
      required: true,
      synonyms: {
        zh: [
          '订单金额',
          '金额',
          '实付金额',
          '实收金额',
          '成交金额',
          '交易金额',
          '销售金额',
          '销售额',
          '总金额',
          '合计金额',
          '价税合计',
          '支付金额',
          '付款金额',
          '订单总额',
          '行金额',
          '小计',
          '金额合计',
        ],
        en: [
          'amount',
          'order amount',
          'total',
          'total amount',
          'order total',
          'order value',
          'revenue',
          'sales',
          'sales amount',
          'net amount',
          'paid amount',
          'line total',
          'line amount',
          'subtotal',
          'value',
        ],
      },
    },
    {
      name: 'quantity',
      column: 'quantity',
      type: 'number',
      required: false,
      synonyms: { zh: ['数量', '购买数量', '销售数量', '订购数量', '件数', '销量'], en: ['quantity', 'qty', 'units', 'count'] },
    },
    {
      name: 'unitPrice',
      column: 'unit_price',
      type: 'money',
      required: false,
      synonyms: { zh: ['单价', '销售单价', '成交单价', '含税单价', '价格', '售价'], en: ['unit price', 'price', 'unit cost', 'price per unit'] },
    },
    {
      name: 'product',
      column: 'product',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['商品名称', '产品名称', '商品', '产品', '品名', '物料名称', '货品名称', '商品编码', '产品编码', 'SKU', '型号'],
        en: ['product', 'product name', 'item', 'item name', 'sku', 'description', 'product code', 'item code'],
      },
    },
    {
      name: 'category',
      column: 'category',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['品类', '类别', '产品类别', '商品类别', '商品分类', '产品分类', '产品线', '分类', '类目'],
        en: ['category', 'product category', 'product line', 'product group', 'class'],
      },
    },
    {
      name: 'channel',
      column: 'channel',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['渠道', '销售渠道', '下单渠道', '来源渠道', '订单来源', '平台', '来源'],
        en: ['channel', 'sales channel', 'source', 'platform', 'order source'],
      },
    },
    // A yes/no flag or the document type of ERP exports (销售/退货): both say whether the line is a
    // return. A negative amount marks a return whatever this column says.
    {
      name: 'isReturn',
      column: 'is_return',
      type: 'enum',
      required: false,
      enumValues: {
        return: [
          '是',
          'y',
          'yes',
          'true',
          '1',
          '退货',
          '退货单',
          '退款',
          '销售退货',
          '退回',
          '红冲',
          '红字',
          'return',
          'returned',
          'refund',
          'credit note',
          'credit memo',
        ],
        sale: [
          '否',
          'n',
          'no',
          'false',
          '0',
          '销售',
          '销售单',
          '销货',
          '销售出库',
          '出库',
          '发货',
          '正常',
          '订单',
          'sale',
          'sales',
          'order',
          'invoice',
          'normal',
        ],
      },
      synonyms: {
        zh: ['是否退货', '退货', '退货标记', '是否退款', '退款', '单据类型', '订单类型', '业务类型', '单据类别'],
        en: ['is return', 'return', 'returned', 'refund', 'is refund', 'document type', 'order type', 'transaction type'],
      },
    },
  ],
  derivable: { amount: [['quantity', 'unitPrice']] },
};

const CONTRACTS: EntityFields = {
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

const INTERACTIONS: EntityFields = {
  entity: 'interactions',
  fields: [
    customerKey,
    customerName,
    {
      name: 'date',
      column: 'date',
      type: 'datetime',
      required: true,
      synonyms: {
        zh: ['日期', '沟通日期', '沟通时间', '联系日期', '联系时间', '拜访日期', '拜访时间', '跟进日期', '跟进时间', '时间'],
        en: ['date', 'contact date', 'activity date', 'interaction date', 'time', 'date time', 'datetime'],
      },
    },
    {
      name: 'channel',
      column: 'channel',
      type: 'text',
      required: false,
      synonyms: { zh: ['渠道', '沟通方式', '沟通渠道', '联系方式', '跟进方式', '方式'], en: ['channel', 'medium', 'method', 'activity type', 'type'] },
    },
    {
      name: 'purpose',
      column: 'purpose',
      type: 'text',
      required: false,
      synonyms: { zh: ['目的', '沟通目的', '拜访目的', '沟通类型', '类型'], en: ['purpose', 'goal', 'objective', 'reason'] },
    },
    {
      name: 'direction',
      column: 'direction',
      type: 'enum',
      required: false,
      enumValues: {
        outbound: ['呼出', '外呼', '去电', '主动', '主动联系', '我方发起', 'out', 'outgoing', 'outbound call'],
        inbound: ['呼入', '来电', '被动', '客户来电', '客户发起', 'in', 'incoming', 'inbound call'],
      },
      synonyms: { zh: ['方向', '呼叫方向', '沟通方向', '呼入呼出', '发起方'], en: ['direction', 'call direction', 'inbound/outbound'] },
    },
    {
      name: 'responded',
      column: 'responded',
      type: 'boolean',
      required: false,
      synonyms: {
        zh: ['是否回复', '是否响应', '是否接通', '已回复', '有回应', '回复', '响应'],
        en: ['responded', 'replied', 'answered', 'connected', 'response'],
      },
    },
    owner(['沟通人', '拜访人'], ['user', 'assigned to']),
    {
      name: 'text',
      column: 'text',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['内容', '沟通内容', '跟进记录', '跟进内容', '拜访记录', '记录', '纪要', '摘要', '备注'],
        en: ['text', 'notes', 'note', 'content', 'summary', 'description', 'comment'],
      },
    },
  ],
};

const TICKETS: EntityFields = {
  entity: 'tickets',
  fields: [
    {
      name: 'ticketKey',
      column: 'ticket_key',
      type: 'text',
      required: true,
      key: 'own',
      synonyms: {
        zh: ['工单编号', '工单号', '工单ID', '服务单号', '服务单编号', '报修单号', '案例编号'],
        en: ['ticket id', 'ticket no', 'ticket number', 'ticket', 'case id', 'case number', 'case no', 'id'],
      },
    },
    customerKey,
    customerName,
    {
      name: 'openedAt',
      column: 'opened_at',
      type: 'datetime',
      required: true,
      synonyms: {
        zh: ['创建时间', '提交时间', '开单时间', '报修时间', '受理时间', '创建日期', '提交日期', '发起时间'],
        en: ['opened at', 'opened', 'created at', 'created', 'submitted at', 'open date', 'created date'],
      },
    },
    {
      name: 'firstResponseAt',
      column: 'first_response_at',
      type: 'datetime',
      required: false,
      synonyms: {
        zh: ['首次响应时间', '首次回复时间', '响应时间', '首响时间'],
        en: ['first response at', 'first response', 'first response time', 'first reply at', 'first reply time', 'responded at'],
      },
    },
    {
      name: 'resolvedAt',
      column: 'resolved_at',
      type: 'datetime',
      required: false,
      synonyms: {
        zh: ['解决时间', '关闭时间', '完成时间', '结单时间', '解决日期', '关闭日期'],
        en: ['resolved at', 'resolved', 'closed at', 'closed', 'solved at', 'resolution date', 'close date'],
      },
    },
    {
      name: 'priority',
      column: 'priority',
      type: 'text',
      required: false,
      synonyms: { zh: ['优先级', '紧急程度', '级别', '严重程度'], en: ['priority', 'severity', 'urgency'] },
    },
    {
      name: 'category',
      column: 'category',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['类别', '工单类型', '工单分类', '工单类别', '问题类型', '问题分类', '分类', '类型'],
        en: ['category', 'type', 'issue type', 'ticket type'],
      },
    },
    {
      name: 'escalated',
      column: 'escalated',
      type: 'boolean',
      required: false,
      synonyms: { zh: ['是否升级', '已升级', '升级'], en: ['escalated', 'is escalated', 'escalation'] },
    },
    {
      name: 'satisfaction',
      column: 'satisfaction',
      type: 'number',
      required: false,
      min: 1,
      max: 5,
      synonyms: { zh: ['满意度', '满意度评分', '客户评分', '评分', '评价'], en: ['satisfaction', 'csat', 'rating', 'score'] },
    },
  ],
};

const SURVEYS: EntityFields = {
  entity: 'surveys',
  fields: [
    customerKey,
    customerName,
    {
      name: 'date',
      column: 'date',
      type: 'date',
      required: true,
      synonyms: {
        zh: ['日期', '调查日期', '调研日期', '回访日期', '填写日期', '提交日期', '提交时间', '反馈日期'],
        en: ['date', 'survey date', 'response date', 'submitted at', 'submitted', 'completed at'],
      },
    },
    {
      name: 'nps',
      column: 'nps',
      type: 'nps',
      required: false,
      synonyms: {
        zh: ['NPS', 'NPS评分', '推荐值', '净推荐值', '推荐意愿', '推荐度', '推荐可能性'],
        en: ['nps', 'nps score', 'likelihood to recommend', 'recommend', 'recommendation score'],
      },
    },
    {
      name: 'csat',
      column: 'csat',
      type: 'number',
      required: false,
      min: 1,
      max: 5,
      synonyms: { zh: ['满意度', '满意度评分', '总体满意度', 'CSAT', '评分'], en: ['csat', 'satisfaction', 'satisfaction score', 'rating'] },
    },
    {
      name: 'comment',
      column: 'comment',
      type: 'text',
      required: false,
      synonyms: {
        zh: ['意见', '建议', '意见建议', '评价内容', '反馈', '反馈内容', '留言', '原因', '备注'],
        en: ['comment', 'comments', 'feedback', 'verbatim', 'remarks', 'notes', 'reason'],
      },
    },
  ],
};

const USAGE: EntityFields = {
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

const PROJECTS: EntityFields = {
  entity: 'projects',
  fields: [
    {
      name: 'projectKey',
      column: 'project_key',
      type: 'text',
      required: true,
      key: 'own',
      synonyms: { zh: ['项目编号', '项目ID', '项目号', '项目代码', '项目编码'], en: ['project id', 'project no', 'project number', 'project code', 'id'] },
    },
    customerKey,
    customerName,
    { name: 'name', column: 'name', type: 'text', required: false, synonyms: { zh: ['项目名称', '项目'], en: ['project name', 'project', 'name'] } },
    {
      name: 'plannedStart',
      column: 'planned_start',
      type: 'date',
      required: false,
      synonyms: { zh: ['计划开始日期', '计划开始', '计划启动日期', '计划开工日期'], en: ['planned start', 'planned start date', 'plan start'] },
    },
    {
      name: 'plannedEnd',
      column: 'planned_end',
      type: 'date',
      required: false,
      synonyms: {
        zh: ['计划结束日期', '计划完成日期', '计划上线日期', '计划交付日期', '计划结束'],
        en: ['planned end', 'planned end date', 'planned finish', 'plan end', 'due date'],
      },
    },
    {
      name: 'actualStart',
      column: 'actual_start',
      type: 'date',
      required: false,
      synonyms: { zh: ['实际开始日期', '实际开始', '实际启动日期'], en: ['actual start', 'actual start date'] },
    },
    {
      name: 'actualEnd',
      column: 'actual_end',
      type: 'date',
      required: false,
      synonyms: {
        zh: ['实际结束日期', '实际完成日期', '实际上线日期', '实际交付日期', '验收日期', '实际结束'],
        en: ['actual end', 'actual end date', 'actual finish', 'completed at', 'go live date'],
      },
    },
    status(['项目状态', '进度', '项目进度']),
    {
      name: 'openIssues',
      column: 'open_issues',
      type: 'integer',
      required: false,
      min: 0,
      synonyms: { zh: ['未解决问题数', '遗留问题数', '未关闭问题数', '开放问题数', '问题数'], en: ['open issues', 'issues', 'open issue count'] },
    },
    {
      name: 'risk',
      column: 'risk',
      type: 'text',
      required: false,
      synonyms: { zh: ['风险', '风险等级', '风险级别', '风险说明'], en: ['risk', 'risk level', 'risks'] },
    },
  ],
};

export const ENTITY_FIELDS: Readonly<Record<EntityKind, EntityFields>> = {
  customers: CUSTOMERS,
  orders: ORDERS,
  contracts: CONTRACTS,
  interactions: INTERACTIONS,
  tickets: TICKETS,
  surveys: SURVEYS,
  usage: USAGE,
  projects: PROJECTS,
};

export function fieldOf(entity: EntityKind, name: string): FieldDef | undefined {
  return ENTITY_FIELDS[entity].fields.find((f) => f.name === name);
}

/** Required fields the mapping leaves out, after allowing derivable ones (orders.amount from quantity × unit price). */
export function missingRequiredFields(entity: EntityKind, mapped: Iterable<string>): string[] {
  const have = new Set(mapped);
  const { fields, derivable = {} } = ENTITY_FIELDS[entity];
  return fields
    .filter((f) => f.required && !have.has(f.name))
    .filter((f) => !(derivable[f.name] ?? []).some((alternative) => alternative.every((n) => have.has(n))))
    .map((f) => f.name);
}

/** Fields holding an identifier (the row's own, its customer's, a renewed contract's): read by unfloatId. */
export function isIdField(field: FieldDef): boolean {
  return field.key !== undefined || field.name === 'renewalOf';
}
