// The complaint rule's detector: jieba with the shipped lexicon, the complaint words of the
// communication signals, negations dropped. Realistic B2B notes: complaints the consultant would count,
// sentences that only look like one (没有问题, 没有投诉, 不再抱怨), and ordinary service notes.
import { describe, expect, it } from 'vitest';
import { complaintDetector, findCommunicationSignals } from '../../../shared/voc/communication';
import { defaultVocConfig, segmenterWords } from '../../../shared/voc/config';
import { domainSegmenter } from '../../../electron/backend/voc/segment';

const config = defaultVocConfig();
const seg = domainSegmenter(segmenterWords(config));
const cut = (s: string) => seg.cut(s);
const detect = complaintDetector(config.signals.complaint, config.negators);

describe('complaint detection', () => {
  it.each([
    ['客户投诉工程师上门太慢，已经是第三次了', '客户投诉工程师上门太慢，已经是第三次了'],
    ['采购经理对报表导出频繁出错很不满', '采购经理对报表导出频繁出错很不满'],
    ['张总说对这次升级非常失望', '张总说对这次升级非常失望'],
    ['客户抱怨响应速度越来越慢', '客户抱怨响应速度越来越慢'],
    ['客户来电催了三次备件到货时间', '客户来电催了三次备件到货时间'],
    ['对方要求我们就宕机事故出具书面说明', '对方要求我们就宕机事故出具书面说明'],
    ['季度回访顺利。客户表示如果价格不降就不续约了。', '客户表示如果价格不降就不续约了'],
  ])('counts %s', (text, sentence) => {
    expect(detect(text, cut)).toEqual([sentence]);
  });

  it.each([
    '系统运行稳定，客户说没有问题',
    '本季度客户没有投诉，满意度较高',
    '客户表示不再抱怨响应速度了',
    '回访时客户并不失望，愿意继续合作',
    '客户没有再催交付进度',
    '完成二期需求调研，约定下周演示',
    '客户布置了新任务，要求月底前上线',
  ])('does not count %s', (text) => {
    expect(detect(text, cut)).toEqual([]);
  });

  it('one sentence per complaint: two complaints in one note are two sentences, the calm one is left out', () => {
    expect(detect('客户投诉掉线频繁。其余模块正常！另外对培训安排也很不满。', cut)).toEqual(['客户投诉掉线频繁', '另外对培训安排也很不满']);
  });

  it('a negated and a plain complaint word in one sentence still count', () => {
    expect(detect('以前没有投诉，这次客户投诉了两次', cut)).toEqual(['以前没有投诉，这次客户投诉了两次']);
  });

  it('negation only drops complaints: a negated competitor mention still names the rival', () => {
    const hits = findCommunicationSignals('客户说暂时没有考虑竞品', cut, config.signals, config.negators);
    expect(hits.map((h) => h.kind)).toEqual(['competitor']);
  });

  it('a word added to the complaint list is found', () => {
    const more = complaintDetector([...config.signals.complaint, '不靠谱'], config.negators);
    expect(more('客户说你们的交付团队不靠谱', cut)).toEqual(['客户说你们的交付团队不靠谱']);
    expect(detect('客户说你们的交付团队不靠谱', cut)).toEqual([]);
  });
});
