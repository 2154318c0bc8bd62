// voc.customer: one customer's answers, the signal sentences in their notes, and the stored churn
// reviews that list them (the customer card's entry).

import type { ReadableDB } from '../workspace/connection';
import { WorkbenchError } from '../errors';
import { segmenterWords, type VocConfig } from '../../../shared/voc/config';
import { anyWordPattern, findCommunicationSignals } from '../../../shared/voc/communication';
import type { CommunicationFinding, CustomerVoice } from '../../../shared/voc/types';
import { domainSegmenter } from './segment';

const RECENT = 5;
const NOTE_DAYS = 365;

export function customerVoice(sqlite: ReadableDB, customerKey: string, config: VocConfig): CustomerVoice {
  const exists = sqlite.prepare(`select 1 from customers where customer_key = ?`).get(customerKey);
  if (!exists) throw new WorkbenchError('CUSTOMER_NOT_FOUND', { key: customerKey });
  const answers = Number(sqlite.prepare(`select count(*) from surveys where customer_key = ?`).pluck().get(customerKey) ?? 0);
  const recent = sqlite
    .prepare(`select substr(date, 1, 10) as date, nps, csat, comment from surveys where customer_key = ? order by date desc, id desc limit ?`)
    .all(customerKey, RECENT) as CustomerVoice['recent'];
  const seg = domainSegmenter(segmenterWords(config));
  const any = anyWordPattern(config.signals);
  const notes = sqlite
    .prepare(
      `select id, substr(date, 1, 10) as date, text from interactions
        where customer_key = ? and text is not null and date >= date((select max(date) from interactions where customer_key = ?), ?)
        order by date desc, id desc`,
    )
    .all(customerKey, customerKey, `-${NOTE_DAYS} days`) as { id: number; date: string; text: string }[];
  const communication: CommunicationFinding[] = [];
  for (const n of notes) {
    if (!any.test(n.text)) continue;
    for (const h of findCommunicationSignals(n.text, (s) => seg.cut(s), config.signals, config.negators))
      communication.push({ kind: h.kind, source: 'interaction', rowId: n.id, customerKey, date: n.date, term: h.term, sentence: h.sentence });
  }
  const reviews = (sqlite.prepare(`select id, period, results from churn_review order by id desc`).all() as { id: number; period: string; results: string }[])
    .filter((r) => r.results.includes(`"customerKey":${JSON.stringify(customerKey)}`))
    .map((r) => ({ id: r.id, period: r.period }));
  return { customerKey, answers, recent, communication, reviews };
}
