// The interactions file's importable fields and the headers clients write for them.
import type { EntityFields } from './types';
import { customerKey, customerName, owner } from './shared-fields';

export const INTERACTIONS: EntityFields = {
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
