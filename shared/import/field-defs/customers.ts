// The customers file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, owner, status } from './shared-fields';

export const CUSTOMERS: EntityFields = {
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
