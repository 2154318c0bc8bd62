// The surveys file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, customerName } from './shared-fields';

export const SURVEYS: EntityFields = {
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
