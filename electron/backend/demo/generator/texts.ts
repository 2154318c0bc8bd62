import type { Rng } from './prng';

// Free text as a CRM holds it: short notes by sales reps and survey comments by customers.
// Sentences are assembled from fragments so word-frequency themes emerge without every row being
// identical. The risk phrases (竞品, 对手报价, 新任采购总监, 原负责人离职...) are the ones the
// early-warning rules and the churn review look for.

export interface TextContext {
  contact: string;
  short: string;
  industry: string;
}

export type NoteKind =
  | 'value'
  | 'care'
  | 'demandOut'
  | 'demandIn'
  | 'serviceIn'
  | 'unanswered'
  | 'competitor'
  | 'decisionMaker'
  | 'complaint'
  | 'renewal'
  | 'winback'
  | 'onboarding';

type Template = (c: TextContext, rng: Rng) => string;

const FOLLOW_UPS = ['', '', '', '，下周跟进', '，已同步给项目组', '，约定月底再沟通', '，已录入需求池', '，待内部评估后回复', '，会后发送纪要'];

const TEMPLATES: Record<NoteKind, readonly Template[]> = {
  value: [
    (c) => `向${c.contact}分享${c.industry}行业预测性维护案例，客户对停机预警功能比较感兴趣`,
    (c, r) => `季度业务复盘：设备综合效率提升${r.int(3, 12)}%，非计划停机减少${r.int(10, 35)}%，客户认可`,
    (c) => `发送《设备运行月报》并讲解异常停机分析，${c.contact}提出希望按车间拆分报表`,
    (c) => `邀请${c.contact}参加衡川年度用户大会，介绍新版能耗看板`,
    (c, r) => `与客户生产部复盘上季度告警数据，共识别${r.int(4, 20)}台高风险设备`,
    (c) => `提供${c.industry}同行数字化对标报告，客户希望了解能耗管理模块的落地效果`,
    () => `与客户梳理下一阶段设备联网范围，客户有意扩大接入点位`,
  ],
  care: [
    (c) => `节日问候${c.contact}，顺便了解近期设备运行情况，反馈正常`,
    (c) => `回访上次工单处理结果，${c.contact}表示问题已解决`,
    () => `例行关怀回访，了解平台使用情况，暂无新问题`,
    (c) => `给${c.contact}寄送新版操作手册，提醒电池包更换周期`,
    () => `提醒客户账号密码即将到期，协助管理员完成重置`,
    (c) => `问候${c.contact}，了解新产线投产进度`,
  ],
  demandOut: [
    () => `了解客户明年设备改造预算，初步判断有扩容需求`,
    (c) => `询问${c.contact}对数据报表的改进意见，收集到${'两'}条需求`,
    () => `探询新工厂建设计划，客户表示明年二季度启动`,
    () => `与客户讨论备件年度框架采购的可能性`,
  ],
  demandIn: [
    (c, r) => `客户提出新增${r.int(2, 8)}条产线接入需求，需出报价`,
    () => `客户咨询能耗管理模块的功能和价格`,
    () => `客户希望增加报表导出到ERP的接口`,
    (c, r) => `${c.contact}联系我方需采购传感器${r.int(20, 80)}个，要求两周内到货`,
    () => `客户询问平台能否支持移动端审批告警`,
    () => `客户希望安排新员工的设备操作培训`,
  ],
  serviceIn: [
    () => `客户反馈网关离线，已转技术支持处理`,
    () => `客户反映部分传感器数据延迟，已建工单`,
    (c) => `${c.contact}询问发票开具进度，已转财务`,
    () => `客户反馈告警短信过多，协助调整阈值`,
  ],
  // Unanswered outreach is written per channel (see UNANSWERED); this list is the fallback.
  unanswered: [(c) => `约${c.contact}上门拜访，对方未确认时间`],
  competitor: [
    (c, r) => `${c.contact}透露竞品报价比我方低约${r.int(12, 30)}%，正在比价`,
    () => `客户采购部收到对手报价，要求我方重新报价并延长质保`,
    () => `客户提到正在试用竞品的设备管理平台，对方承诺免费实施`,
    (c) => `${c.contact}表示集团统一选型，友商方案也在评估中，对手报价更低`,
    () => `得知竞品网关已在二车间试点`,
  ],
  decisionMaker: [
    () => `客户新任采购总监上任，要求重新评估所有数字化供应商`,
    () => `原负责人离职，新对接人对项目背景不了解，需重新建立关系`,
    () => `客户生产副总调岗，新任负责人尚未见面`,
    () => `得知客户新任采购总监来自同行企业，倾向原有供应商`,
    () => `原负责人离职交接不完整，续约审批人待定`,
  ],
  complaint: [
    (c) => `${c.contact}抱怨工单响应太慢，上周故障两天才有人到场`,
    () => `客户对实施进度不满，认为交付团队人手不足`,
    () => `客户投诉平台频繁掉线，影响夜班监控`,
    () => `客户反映数据与现场不一致，要求给出书面说明`,
  ],
  renewal: [
    (c) => `与${c.contact}沟通续约，盘点本年度合作成果`,
    () => `发送《续约价值白皮书》，客户内部走审批流程`,
    () => `续约谈判：客户希望打包能耗管理模块给予折扣`,
  ],
  winback: [
    (c) => `老客户回访，${c.contact}表示新产线上马，考虑重新合作`,
    () => `召回沟通：提供旧设备免费巡检，客户同意恢复采购`,
    () => `客户新任负责人主动联系，希望重新接入平台`,
  ],
  onboarding: [(c) => `项目启动会，明确${c.short}首期接入范围与验收标准`, () => `实施周会，同步网关安装与点位调试进度`, () => `完成管理员培训，客户开始试运行`],
};

const UNANSWERED: Readonly<Record<string, readonly Template[]>> = {
  电话: [(c) => `致电${c.contact}沟通续约方案，电话未接通`, () => `再次电话跟进，前台称负责人不在`, (c) => `电话联系${c.contact}确认巡检时间，无人接听`],
  微信: [() => `微信发送季度运行报告，客户未回复`, () => `微信询问使用问题，已读未回`, (c) => `微信约${c.contact}上门拜访，对方未确认时间`],
  邮件: [() => `邮件发送升级方案及报价，暂无回复`, () => `邮件发送续约提醒，客户未回复`],
};

export function noteText(kind: NoteKind, c: TextContext, rng: Rng, channel?: string): string {
  const pool = kind === 'unanswered' && channel !== undefined ? (UNANSWERED[channel] ?? TEMPLATES.unanswered) : TEMPLATES[kind];
  const base = rng.pick(pool)(c, rng);
  // Follow-ups only fit notes where something happened.
  const tail = kind === 'unanswered' || kind === 'competitor' || kind === 'decisionMaker' ? '' : rng.pick(FOLLOW_UPS);
  return base + tail;
}

export type Theme = '响应速度' | '实施周期' | '价格' | '培训' | '售后' | '稳定性' | '数据准确' | '报表' | '客户经理' | '易用性';

export const THEMES: readonly Theme[] = ['响应速度', '实施周期', '价格', '培训', '售后', '稳定性', '数据准确', '报表', '客户经理', '易用性'];

const PRAISE: Record<Theme, readonly string[]> = {
  响应速度: ['响应速度很快', '工程师响应及时', '问题当天就有人响应'],
  实施周期: ['实施周期比预期短', '项目按期上线', '实施团队很专业，交付顺利'],
  价格: ['性价比高', '价格合理'],
  培训: ['培训很到位', '操作培训讲得清楚，员工上手快'],
  售后: ['售后服务好', '售后工程师很负责'],
  稳定性: ['平台运行稳定', '设备稳定性好，很少掉线'],
  数据准确: ['数据准确，帮我们发现了不少隐患', '告警准确率高'],
  报表: ['报表清晰，管理层每周都看', '月报很有参考价值'],
  客户经理: ['客户经理很用心', '客户经理经常主动沟通'],
  易用性: ['界面简单好用', '手机端查看很方便'],
};

const COMPLAIN: Record<Theme, readonly string[]> = {
  响应速度: ['响应速度太慢', '报修后响应速度慢，经常要催', '工单响应慢，影响生产'],
  实施周期: ['实施周期太长', '实施周期拖了好几个月', '项目延期，实施周期远超合同约定'],
  价格: ['价格偏高', '续费价格涨得太多', '价格比同类产品贵'],
  培训: ['培训不够，新员工不会用', '缺少系统的培训'],
  售后: ['售后不及时', '售后服务需要加强', '售后工程师更换频繁'],
  稳定性: ['平台经常掉线，稳定性差', '网关不稳定，数据时有时无', '稳定性有待提高'],
  数据准确: ['数据不准，误报太多', '告警误报多，现场不信任'],
  报表: ['报表不能自定义', '报表导出格式不方便'],
  客户经理: ['客户经理换了几次，沟通断档', '客户经理很少来'],
  易用性: ['操作复杂', '界面不够直观'],
};

const SUGGEST: readonly string[] = [
  '希望加强培训',
  '希望响应速度再快一些',
  '希望价格更优惠',
  '希望增加报表自定义',
  '建议定期上门巡检',
  '希望售后能有专人对接',
  '希望缩短实施周期',
  '希望提升平台稳定性',
];

/** A survey comment whose tone follows the score; detractors complain about their own issues. */
export function surveyComment(nps: number, issues: readonly Theme[], rng: Rng): string {
  if (rng.chance(nps >= 9 ? 0.3 : 0.18)) return ''; // many respondents leave the box empty
  if (nps >= 9) {
    const themes = rng.shuffle(THEMES).slice(0, rng.int(1, 2));
    const parts = themes.map((t) => rng.pick(PRAISE[t]));
    if (rng.chance(0.25)) parts.push('会推荐给同行');
    return parts.join('，') + '。';
  }
  if (nps >= 7) {
    const good = rng.pick(PRAISE[rng.pick(THEMES)]);
    const wish = issues.length > 0 && rng.chance(0.6) ? rng.pick(COMPLAIN[rng.pick(issues)]) : rng.pick(SUGGEST);
    return `${good}，${wish}。`;
  }
  const pool: Theme[] = issues.length > 0 ? [...issues, ...issues, rng.pick(THEMES)] : rng.shuffle(THEMES).slice(0, 3);
  const first = rng.pick(pool);
  const parts = [rng.pick(COMPLAIN[first])];
  if (rng.chance(0.5)) {
    const second = rng.pick(pool);
    if (second !== first) parts.push(rng.pick(COMPLAIN[second]));
  }
  if (nps <= 3 && rng.chance(0.4)) parts.push(rng.pick(['考虑更换供应商', '再不改进就不续约了', '非常失望']));
  return parts.join('，') + '。';
}
