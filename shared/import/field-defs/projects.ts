// The projects file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, customerName, status } from './shared-fields';

export const PROJECTS: EntityFields = {
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
