// The tickets file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, customerName } from './shared-fields';

export const TICKETS: EntityFields = {
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
