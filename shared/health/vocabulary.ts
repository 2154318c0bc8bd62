// Words shared by signals and the playbook, in their own file so neither imports the other at run time.
// Labels live in the 'health' catalogue: severities.<id>, actions.<id>.title, ownerRoles.<id>.

/** Seed 001 分级响应策略: 轻度风险(预警级) / 中度风险(干预级) / 重度风险(抢救级). */
export const SEVERITIES = ['light', 'medium', 'heavy'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ACTION_TEMPLATE_IDS = [
  'executiveImprovementPlan', // seed 000 高风险客户: CEO直管, 48小时内出具改善方案
  'executiveNegotiation', // seed 001 重度: 高层谈判 + 定制化补偿 + 《竞品对比白皮书》
  'executiveEscalation', // seed 001 满意度连续两次低于阈值: 高层介入流程
  'crossTeamMeeting', // seed 001 中度: 跨部门需求攻坚会, 客户总监牵头致歉并承诺改进时效
  'serviceImprovementNote', // seed 001 轻度: 服务优化闪电战, 24小时内出具《服务改进方案》
  'retentionOffer', // seed 002 预警客户: 专属权益包; seed 003 登录下降: 优惠券模板推送至销售待办
  'demandActivation', // seed 001 需求激活预警: 推送至专属客户经理
  'renewalValueReview', // seed 001 续约前置管理: 到期前3个月启动续约价值盘点
  'winBack', // seed 002 沉睡客户: 触发式唤醒 + 轻量级福利
] as const;
export type ActionTemplateId = (typeof ACTION_TEMPLATE_IDS)[number];

export const OWNER_ROLES = ['executive', 'accountDirector', 'accountManager', 'serviceLead'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];
