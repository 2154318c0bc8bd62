import { buildCohortHeatmap, buildDistributionChart, buildRadarChart, buildTrendChart } from '../../../shared/charts';
import type { ReportLanguage, ReportModel, TableCell } from '../../../shared/reports/model';

// A small engagement as a later phase would build it from stored runs: Chinese headings, hand-made
// numbers, one hostile customer name (formula + markup) and real-looking personal data to pseudonymise.
export const HOSTILE_NAME = "=cmd|' /C calc'!A0";
export const SCRIPT_NAME = '<script>alert("x")</script>华信';

export function sampleModel(language: ReportLanguage = 'zh-CN'): ReportModel {
  const periods = ['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2'];
  const cohorts = ['2024-01', '2024-02', '2024-03', '2024-04'];
  const matrix: (number | null)[][] = [
    [1, 0.82, 0.74, 0.7],
    [1, 0.79, 0.71, null],
    [1, 0.85, null, null],
    [1, 0.6, null, null],
  ];
  const partial = [
    [false, false, false, false],
    [false, false, true, false],
    [false, true, false, false],
    [false, true, false, false],
  ];
  const matrixRows: TableCell[][] = cohorts.map((c, y) => [
    c,
    [412, 388, 405, 377][y] ?? 0,
    ...(matrix[y] ?? []).map((v, x) => (partial[y]?.[x] ? { value: v, partial: true } : v)),
  ]);
  return {
    cover: {
      title: '客户留存诊断报告',
      subtitle: '2024 年度回顾与 2025 行动建议',
      client: '华东精密机械有限公司',
      industry: '工业设备',
      consultant: '李明（留存顾问）',
      date: '2025-06-30',
      language,
    },
    currency: 'CNY',
    pseudonymised: false,
    sections: [
      {
        id: 'summary',
        title: '摘要与主要发现',
        consultantText:
          '整体留存率保持在 87% 以上，但战略级客户中有 3 家出现沟通频次骤降。\n\n建议在 7 月底前完成 48 小时改进方案。联系人王建国（13812345678）已确认参会。',
        blocks: [
          {
            kind: 'keyFigures',
            figures: [
              { label: '客户留存率', value: 0.873, format: 'percent', note: '(E − N) / S，S = 期初活跃客户 1,204', tone: 'green' },
              { label: '净收入留存率 NRR', value: 1.042, format: 'percent', note: '期末经常性收入 / 期初经常性收入（同一批客户）' },
              { label: '年度经常性收入', value: 18_650_000, format: 'currency', decimals: 0, note: '合同 MRR × 12' },
              { label: '红色健康度客户', value: 37, format: 'integer', note: '健康分 0-50', tone: 'red' },
            ],
          },
          { kind: 'bullets', items: ['战略级客户留存 100%，核心级 91.2%。', '2024-04 同期群次季度留存仅 60%，明显低于其他月份。'] },
        ],
      },
      {
        id: 'retention',
        title: '客户留存与流失',
        consultantText: null,
        blocks: [
          {
            kind: 'chart',
            title: '季度留存率与期初活跃客户',
            width: 640,
            height: 320,
            option: buildTrendChart({
              locale: language,
              categories: periods,
              leftAxis: { name: '留存率', unit: 'percent', min: 70, max: 100 },
              rightAxis: { name: '客户数', unit: 'integer' },
              series: [
                { name: '期初活跃客户', kind: 'bar', axis: 'right', values: [1120, 1150, 1178, 1204, 1190, 1215] },
                { name: '留存率', kind: 'line', values: [0.861, 0.858, 0.872, 0.873, 0.881, null], showLabels: true },
              ],
            }),
            caption: '留存率 = (E − N) / S；2025-Q2 尚未结束，不计算。',
          },
          {
            kind: 'table',
            title: '季度明细',
            columns: [
              { key: 'period', label: '期间', format: 'text' },
              { key: 's', label: '期初客户 S', format: 'integer' },
              { key: 'n', label: '新增 N', format: 'integer' },
              { key: 'e', label: '期末客户 E', format: 'integer' },
              { key: 'r', label: '留存率', format: 'percent', colour: { kind: 'bands', yellowFrom: 0.8, greenFrom: 0.86 } },
            ],
            rows: [
              ['2024-Q1', 1120, 114, 1078, 0.8607],
              ['2024-Q2', 1150, 115, 1102, 0.8583],
              ['2024-Q3', 1178, 99, 1126, 0.8718],
            ],
            note: '来源：留存诊断运行 #12（2025-06-28），活跃定义：合同有效。',
          },
        ],
      },
      {
        id: 'cohorts',
        title: '同期群分析',
        consultantText: null,
        blocks: [
          {
            kind: 'chart',
            title: '按首单月份的客户留存',
            width: 640,
            height: 300,
            option: buildCohortHeatmap({
              locale: language,
              cohorts,
              periods: ['M0', 'M1', 'M2', 'M3'],
              values: matrix,
              partial,
              unit: 'percent',
              subtitle: '* 未完整周期',
            }),
          },
          {
            kind: 'table',
            columns: [
              { key: 'cohort', label: '同期群', format: 'text' },
              { key: 'size', label: '客户数', format: 'integer' },
              ...['M0', 'M1', 'M2', 'M3'].map((m) => ({ key: m, label: m, format: 'percent' as const, colour: { kind: 'scale' as const, min: 0, max: 1 } })),
            ],
            rows: matrixRows,
          },
        ],
      },
      {
        id: 'health',
        title: '健康度与预警信号',
        consultantText: '红色客户需在 48 小时内由高管牵头制定改进方案。',
        blocks: [
          {
            kind: 'chart',
            title: '健康度分布',
            width: 640,
            height: 280,
            option: buildDistributionChart({
              kind: 'bar',
              locale: language,
              seriesName: '客户数',
              unit: 'integer',
              items: [
                { label: '红（0-50）', value: 37, tone: 'red' },
                { label: '黄（51-75）', value: 212, tone: 'yellow' },
                { label: '绿（76-100）', value: 955, tone: 'green' },
              ],
            }),
          },
          {
            kind: 'table',
            title: '高风险客户',
            columns: [
              { key: 'name', label: '客户名称', format: 'text', pii: 'customer', width: 26 },
              { key: 'contact', label: '联系人', format: 'text', pii: 'contact' },
              { key: 'phone', label: '电话', format: 'text', pii: 'phone', width: 15 },
              { key: 'email', label: '邮箱', format: 'text', pii: 'email', width: 24 },
              { key: 'score', label: '健康分', format: 'number', decimals: 1, colour: { kind: 'bands', yellowFrom: 51, greenFrom: 76 } },
              { key: 'band', label: '健康带', format: 'text', colour: { kind: 'tones', tones: { 红: 'red', 黄: 'yellow', 绿: 'green' } } },
              { key: 'since', label: '最近联系', format: 'date' },
              { key: 'arr', label: '年度收入', format: 'currency', decimals: 0 },
            ],
            rows: [
              ['苏州远航自动化有限公司', '王建国', '138-1234-5678', 'wang.jg@yuanhang.cn', 32.5, '红', '2025-02-14', 1_280_000],
              [HOSTILE_NAME, '张伟', '13900001111', 'zhang.wei@example.com', 48, '红', '2025-03-02', 560_000],
              [SCRIPT_NAME, '陈静', '021-55556666', 'chen.j@huaxin.com', 63.2, '黄', '2025-05-20', 930_000],
            ],
            note: '健康分 = Σ wᵢmᵢ / Σ wᵢ（仅计有值的指标），预设：关系维护健康度模型。',
          },
        ],
      },
      {
        id: 'checklists',
        title: '自检清单结果',
        consultantText: null,
        blocks: [
          {
            kind: 'chart',
            title: '客户留存率自检清单',
            width: 520,
            height: 360,
            option: buildRadarChart({
              indicators: ['组织准备', '数据基础', '技术工具', '流程设计'].map((name) => ({ name, max: 5 })),
              series: [
                { name: '本次自评', values: [3.2, 2.4, 2.8, 3.6] },
                { name: '目标', values: [4, 4, 4, 4], style: 'reference' },
              ],
            }),
          },
        ],
      },
      {
        id: 'methods',
        title: '数据质量与方法说明',
        consultantText: null,
        blocks: [
          { kind: 'paragraph', text: '导入订单 48,211 行，拒绝 37 行（日期无法识别 29 行，金额为空 8 行）。\n所有拒绝行已列入数据质量附表。' },
          { kind: 'bullets', items: ['留存率：(E − N) / S × 100%，S 为期初活跃客户。', '流失率：1 − 留存率。'] },
        ],
      },
    ],
  };
}
