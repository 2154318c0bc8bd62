// The fictional client's world: what it sells, to whom, where, and who sells it.
// Values are Chinese because they ARE the client's data (industry names, product names).

export interface Industry {
  name: string;
  weight: number;
  /** Words that end a company name in this industry. */
  suffixes: readonly string[];
  /** Added to the renewal / survival probability: the planted industry differences. */
  retentionShift: number;
}

export const INDUSTRIES: readonly Industry[] = [
  { name: '汽车零部件', weight: 22, suffixes: ['汽车零部件', '汽车部件', '汽配科技', '精密机械'], retentionShift: 0.04 },
  { name: '电子制造', weight: 20, suffixes: ['电子科技', '精密电子', '电子', '电路科技'], retentionShift: 0.0 },
  { name: '食品饮料', weight: 11, suffixes: ['食品', '饮料', '乳业', '食品科技'], retentionShift: -0.07 },
  { name: '医药', weight: 9, suffixes: ['药业', '制药', '生物医药', '医疗器械'], retentionShift: 0.02 },
  { name: '新能源', weight: 13, suffixes: ['新能源科技', '储能科技', '光伏科技', '锂电科技'], retentionShift: 0.06 },
  { name: '纺织', weight: 9, suffixes: ['纺织', '织造', '印染', '纺织科技'], retentionShift: -0.13 },
  { name: '机械装备', weight: 10, suffixes: ['机械', '装备制造', '重工', '智能装备'], retentionShift: 0.01 },
  { name: '化工新材料', weight: 6, suffixes: ['化工', '新材料', '高分子材料', '化学'], retentionShift: -0.02 },
];

export interface Region {
  name: string;
  weight: number;
  cities: readonly (readonly [province: string, city: string])[];
  owners: readonly string[];
}

// 衡川 is based in Suzhou, so 华东 dominates; 西南 is served remotely by one rep (the planted
// owner/region weakness: slower service, more churn).
export const REGIONS: readonly Region[] = [
  {
    name: '华东',
    weight: 46,
    cities: [
      ['江苏', '苏州'],
      ['江苏', '无锡'],
      ['江苏', '常州'],
      ['江苏', '南京'],
      ['江苏', '南通'],
      ['浙江', '宁波'],
      ['浙江', '杭州'],
      ['浙江', '嘉兴'],
      ['浙江', '绍兴'],
      ['浙江', '台州'],
      ['上海', '上海'],
      ['安徽', '合肥'],
      ['山东', '青岛'],
      ['山东', '烟台'],
    ],
    owners: ['陈思远', '王晓丽', '周建国', '李娜'],
  },
  {
    name: '华南',
    weight: 19,
    cities: [
      ['广东', '深圳'],
      ['广东', '东莞'],
      ['广东', '佛山'],
      ['广东', '广州'],
      ['广东', '中山'],
      ['福建', '厦门'],
      ['福建', '泉州'],
    ],
    owners: ['黄志强', '林雅婷'],
  },
  {
    name: '华北',
    weight: 12,
    cities: [
      ['天津', '天津'],
      ['北京', '北京'],
      ['河北', '廊坊'],
      ['河北', '石家庄'],
      ['河北', '唐山'],
    ],
    owners: ['张伟'],
  },
  {
    name: '华中',
    weight: 10,
    cities: [
      ['湖北', '武汉'],
      ['湖南', '长沙'],
      ['河南', '郑州'],
      ['湖北', '襄阳'],
    ],
    owners: ['孙浩'],
  },
  {
    name: '西南',
    weight: 8,
    cities: [
      ['四川', '成都'],
      ['重庆', '重庆'],
      ['四川', '绵阳'],
      ['四川', '宜宾'],
    ],
    owners: ['赵磊'],
  },
  {
    name: '东北',
    weight: 3,
    cities: [
      ['辽宁', '沈阳'],
      ['吉林', '长春'],
      ['辽宁', '大连'],
    ],
    owners: ['张伟'],
  },
  {
    name: '西北',
    weight: 2,
    cities: [
      ['陕西', '西安'],
      ['陕西', '宝鸡'],
    ],
    owners: ['赵磊'],
  },
];

/** The key-account manager who owns the strategic accounts. */
export const KEY_ACCOUNT_OWNER = '吴敏';
/** The rep whose book churns more (planted owner effect). */
export const WEAK_OWNER = '赵磊';

export const PROJECT_MANAGERS: readonly string[] = ['郑凯', '马骁', '何静', '罗斌', '许文涛'];
export const SERVICE_ENGINEERS: readonly string[] = ['蒋涛', '韩雪', '冯宇', '曹磊', '彭丽', '邓超'];

export interface Product {
  name: string;
  category: string;
  price: number;
  /** Typical quantity per line for a scale-1 customer. */
  qty: number;
}

export const HARDWARE: readonly Product[] = [
  { name: '边缘计算网关 HC-EG200', category: '智能硬件', price: 8800, qty: 2 },
  { name: '无线振动传感器 HC-VS10', category: '智能硬件', price: 1280, qty: 12 },
  { name: '温振一体传感器 HC-TV20', category: '智能硬件', price: 1680, qty: 8 },
  { name: '能耗采集终端 HC-EM30', category: '智能硬件', price: 3200, qty: 4 },
  { name: '工业视觉相机 HC-CAM5', category: '智能硬件', price: 12600, qty: 1 },
  { name: 'PLC数据采集模块 HC-DA8', category: '智能硬件', price: 4500, qty: 2 },
];

export const SPARES: readonly Product[] = [
  { name: '传感器电池包', category: '备件耗材', price: 168, qty: 20 },
  { name: '通讯线缆(10米)', category: '备件耗材', price: 120, qty: 15 },
  { name: '防护外壳', category: '备件耗材', price: 260, qty: 6 },
  { name: '安装磁座', category: '备件耗材', price: 85, qty: 20 },
];

export const SERVICES: readonly Product[] = [
  { name: '现场实施服务(人天)', category: '实施服务', price: 2800, qty: 5 },
  { name: '数据接入调试(点位)', category: '实施服务', price: 350, qty: 20 },
  { name: '设备操作培训(场)', category: '培训服务', price: 6000, qty: 1 },
  { name: '管理员认证培训', category: '培训服务', price: 9800, qty: 1 },
];

/** A zero-priced gift line: must not count as purchase activity. */
export const GIFT: Product = { name: '安装磁座(赠品)', category: '备件耗材', price: 0, qty: 10 };

export const ORDER_CHANNELS: readonly (readonly [string, number])[] = [
  ['直销', 62],
  ['代理商', 24],
  ['线上商城', 9],
  ['电话订购', 5],
];

export const PLATFORM_EDITIONS = [
  { name: '衡川云平台-标准版', yearly: 36000 },
  { name: '衡川云平台-专业版', yearly: 96000 },
  { name: '衡川云平台-旗舰版', yearly: 240000 },
] as const;

export const MODULES = [
  { name: '预测性维护模块', yearly: 48000 },
  { name: '能耗管理模块', yearly: 36000 },
] as const;

export const MAINTENANCE_CONTRACT = '年度维保服务';

export const CHURN_REASONS = {
  price: '价格因素，转向低价竞品',
  implementation: '实施周期过长，项目未达预期',
  service: '售后响应慢，问题长期未解决',
  fit: '产品功能不满足新需求',
  shrink: '客户业务收缩/产线停产',
  decisionMaker: '关键决策人变更，新负责人更换供应商',
  budget: '预算削减，暂停数字化项目',
  competitor: '被竞品替代',
} as const;
export type ChurnReasonKey = keyof typeof CHURN_REASONS;

export const TICKET_CATEGORIES: readonly (readonly [string, number])[] = [
  ['设备故障', 28],
  ['平台使用', 22],
  ['数据异常', 18],
  ['安装调试', 12],
  ['账号权限', 8],
  ['功能咨询', 9],
  ['发票合同', 3],
];

export const TICKET_PRIORITIES: readonly (readonly [string, number])[] = [
  ['紧急', 8],
  ['高', 22],
  ['中', 45],
  ['低', 25],
];

/** Median first-response minutes by priority at the normal service level. */
export const RESPONSE_MEDIAN_MIN: Readonly<Record<string, number>> = { 紧急: 30, 高: 90, 中: 240, 低: 480 };
