import type { EntityKind } from '../../../shared/domain/entities';

// The demo's data files and their headers, shared by the generator (which writes them) and the
// loader (which maps them): one place, so the two cannot drift apart. Headers are Chinese, as the
// fictional client's CRM/ERP exports them; the import mapping has to earn its keep.

export interface DemoFileSpec {
  file: string;
  headers: readonly string[];
}

export const DEMO_FILES: Record<EntityKind, DemoFileSpec> = {
  customers: {
    file: '客户档案_20261031.csv',
    headers: [
      '客户编号',
      '客户名称',
      '所属行业',
      '客户规模',
      '区域',
      '省份',
      '城市',
      '客户经理',
      '首次合作日期',
      '客户状态',
      '流失日期',
      '流失原因',
      '标杆客户',
      '客户标签',
      '联系人',
      '联系电话',
      '邮箱',
    ],
  },
  orders: {
    file: '销售订单明细_20231101-20261031.csv',
    headers: ['订单编号', '单据类型', '下单日期', '客户编号', '客户名称', '产品名称', '产品类别', '数量', '单价', '订单金额', '渠道', '销售人员', '关联单号'],
  },
  contracts: {
    file: '合同台账_20261031.csv',
    headers: [
      '合同编号',
      '客户编号',
      '客户名称',
      '合同类型',
      '产品/服务',
      '开始日期',
      '结束日期',
      '计费方式',
      '年度合同金额',
      '月费',
      '合同状态',
      '终止日期',
      '续签原合同编号',
      '签约人',
    ],
  },
  interactions: {
    file: '客户沟通记录_20231101-20261031.csv',
    headers: ['客户编号', '客户名称', '沟通日期', '沟通渠道', '沟通目的', '方向', '是否回复', '负责人', '沟通内容'],
  },
  tickets: {
    file: '服务工单_20231101-20261031.csv',
    headers: ['工单编号', '客户编号', '客户名称', '创建时间', '首次响应时间', '解决时间', '优先级', '工单类别', '工单状态', '是否升级', '满意度', '处理工程师'],
  },
  surveys: {
    file: 'NPS满意度调研_2024-2026.csv',
    headers: ['客户编号', '客户名称', '调查日期', 'NPS评分', '满意度', '意见'],
  },
  usage: {
    file: '平台使用统计_月度.csv',
    headers: ['客户编号', '月份', '指标', '数值'],
  },
  projects: {
    file: '项目交付台账_20261031.csv',
    headers: [
      '项目编号',
      '客户编号',
      '客户名称',
      '项目名称',
      '项目经理',
      '计划开始日期',
      '计划结束日期',
      '实际开始日期',
      '实际结束日期',
      '项目状态',
      '未关闭问题数',
      '风险等级',
    ],
  },
};

/** The manifest written next to the data: counts and the customers behind each planted pattern. */
export const DEMO_MANIFEST_FILE = 'planted-patterns.json';

/** The date the exports were taken; every "last 90 days" in README.md counts back from here. */
export const DEMO_AS_OF = '2026-10-31';

/** Engagement metadata for `rwb demo` and the first-start offer, per UI locale. */
export const DEMO_ENGAGEMENT = {
  'zh-CN': { clientName: '苏州衡川智联科技有限公司（演示）', industry: '工业物联网设备与SaaS服务', consultant: '演示顾问' },
  en: { clientName: 'Suzhou Hengchuan IoT Technology (demo)', industry: 'Industrial IoT equipment & SaaS services', consultant: 'Demo consultant' },
  currency: 'CNY',
  // The engagement starts the first working day after the exports were taken.
  startDate: '2026-11-02',
} as const;
