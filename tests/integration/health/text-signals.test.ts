// The text rules read the engagement's lexicon: complaints found by the voice-of-the-customer
// machinery (jieba, the complaint words, negations dropped) in interaction notes and ticket
// categories fire the complaint rule with the sentences as evidence, and a word the consultant adds to
// the lexicon's competitor words makes the competitor rule fire on the next run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../helpers/temp';
import { newWorkspace } from '../../helpers/workspace';
import type { Workspace } from '../../../electron/backend/workspace/workspace';
import { runHealth } from '../../../electron/backend/health/run';
import { listSignals } from '../../../electron/backend/health/queries';
import { resetVocConfig, saveVocConfig } from '../../../electron/backend/voc/config-store';
import { defaultSignalRules } from '../../../shared/health/signal-rules';
import { DEFAULT_HEALTH_MODEL } from '../../../shared/health/presets';
import { defaultVocConfig } from '../../../shared/voc/config';

const AS_OF = '2026-06-30';
let ws: Workspace;
const dir = tempDir();
let seq = 0;

beforeAll(async () => {
  ws = await newWorkspace(dir);
  const db = ws.sqlite;
  const customer = db.prepare(`insert into customers (row_key, customer_key, name, owner, segment) values (?, ?, ?, '王经理', '中型')`);
  const note = db.prepare(
    `insert into interactions (row_key, customer_key, date, channel, purpose, direction, text) values (?, ?, ?, '电话', '关怀型', 'inbound', ?)`,
  );
  const ticket = db.prepare(`insert into tickets (row_key, ticket_key, customer_key, opened_at, category) values (?, ?, ?, ?, ?)`);
  const add = (k: string) => customer.run(`c${++seq}`, k, `客户${k}`);
  const n = (k: string, date: string, text: string) => note.run(`i${++seq}`, k, date, text);
  const t = (k: string, date: string, category: string) => ticket.run(`t${++seq}`, `T${seq}`, k, date, category);

  // Two complaint sentences within 90 days: a note and a ticket.
  add('GRUMBLE');
  n('GRUMBLE', '2026-05-12', '季度回访。客户投诉工程师上门太慢，已经是第三次了。其余正常。');
  t('GRUMBLE', '2026-06-08', '服务投诉');
  // Complaint words only under negation, one old complaint (outside 90 days), and a survey comment
  // (satisfaction has its own rule): none counts.
  add('CALM');
  n('CALM', '2026-05-20', '系统运行稳定，客户说没有问题，本季度没有投诉。');
  n('CALM', '2026-06-10', '客户表示不再抱怨响应速度了。');
  n('CALM', '2026-03-01', '客户抱怨报表导出出错。');
  db.prepare(`insert into surveys (row_key, customer_key, date, nps, comment) values ('s1', 'CALM', '2026-06-01', 8, '对培训安排很不满')`).run();
  // Complaints in words only the consultant's lexicon will hold.
  add('NEWWORD');
  n('NEWWORD', '2026-05-05', '客户说交付团队不靠谱。');
  n('NEWWORD', '2026-06-05', '上线一拖再拖，客户直言太不靠谱了。');
  // A rival named only by a word the shipped lists lack.
  add('RIVAL');
  n('RIVAL', '2026-06-15', '客户说华为云那边报价低了两成，正在比较。');
});
afterAll(async () => ws?.close());

const run = (now: string) => runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules: defaultSignalRules(), asOf: AS_OF, now });
const openOf = (customerKey: string) => listSignals(ws.sqlite, { status: 'open', customerKey, limit: 100, offset: 0 }).items;

describe('text signals from the engagement lexicon', () => {
  it('fires the complaint rule with the complaint sentences, dates and sources as evidence', async () => {
    await run('2026-07-01T09:00:00');
    const s = openOf('GRUMBLE').find((x) => x.ruleId === 'complaint');
    expect(s?.severity).toBe('medium');
    expect(s?.triggeredOn).toBe('2026-06-08');
    expect(s?.evidence.params).toMatchObject({ count: 2, minSentences: 2, withinDays: 90, date: '2026-06-08', sentence: '服务投诉' });
    expect(s?.evidence.data).toEqual([
      { fact: 'texts[0].text', value: '客户投诉工程师上门太慢，已经是第三次了', date: '2026-05-12', source: 'interaction' },
      { fact: 'texts[1].text', value: '服务投诉', date: '2026-06-08', source: 'ticket' },
    ]);
    expect(openOf('CALM').map((x) => x.ruleId)).not.toContain('complaint');
  });

  it('a word added to the lexicon makes the competitor rule fire, and the threshold is editable', async () => {
    expect(openOf('RIVAL').map((x) => x.ruleId)).not.toContain('competitorMention');
    const config = defaultVocConfig();
    config.signals.competitor.push('华为云');
    saveVocConfig(ws.sqlite, config, '2026-07-02T09:00:00');
    try {
      await run('2026-07-02T10:00:00');
      const s = openOf('RIVAL').find((x) => x.ruleId === 'competitorMention');
      expect(s?.evidence.data[0]).toMatchObject({ keyword: '华为云', value: '客户说华为云那边报价低了两成，正在比较', date: '2026-06-15' });
      // The threshold is a rule parameter: at three sentences GRUMBLE's two no longer fire.
      const rules = defaultSignalRules().map((r) => (r.id === 'complaint' ? { ...r, params: { ...r.params, minSentences: 3 } } : r));
      await runHealth(ws.sqlite, { model: DEFAULT_HEALTH_MODEL, rules, asOf: AS_OF, now: '2026-07-02T11:00:00' });
      expect(openOf('GRUMBLE').map((x) => x.ruleId)).not.toContain('complaint');
    } finally {
      resetVocConfig(ws.sqlite);
    }
  });

  it('a complaint word added to the lexicon is counted', async () => {
    expect(openOf('NEWWORD').map((x) => x.ruleId)).not.toContain('complaint');
    const config = defaultVocConfig();
    config.signals.complaint.push('不靠谱');
    saveVocConfig(ws.sqlite, config, '2026-07-03T09:00:00');
    try {
      await run('2026-07-03T10:00:00');
      const s = openOf('NEWWORD').find((x) => x.ruleId === 'complaint');
      expect(s?.evidence.data.map((d) => d.value)).toEqual(['客户说交付团队不靠谱', '上线一拖再拖，客户直言太不靠谱了']);
      expect(openOf('CALM').map((x) => x.ruleId)).not.toContain('complaint');
    } finally {
      resetVocConfig(ws.sqlite);
    }
  });
});
