import { describe, expect, it } from 'vitest';
import { defaultVocConfig, mergeThemes, renameTheme, segmenterWords, splitTheme, VocConfigSchema } from '../../../shared/voc/config';
import { TOPIC_LIBRARY } from '../../../shared/voc/lexicon';
import { normaliseTokens } from '../../../shared/voc/tokens';
import { sentimentOf } from '../../../shared/voc/themes';
import { findCommunicationSignals, sentenceAt, sentences } from '../../../shared/voc/communication';

describe('the shipped lexicon', () => {
  it('validates, and holds the topics the issue lists', () => {
    const c = VocConfigSchema.parse(defaultVocConfig());
    const names = c.themes.map((t) => t.name['zh-CN']);
    for (const n of ['价格', '售后响应', '稳定性', '实施', '培训', '续约', '竞品']) expect(names).toContain(n);
    expect(segmenterWords(c)).toContain('售后');
    expect(segmenterWords(c)).not.toContain('换了负责人'); // phrases (over four characters) stay out of the segmenter
  });

  it('refuses a library with a theme id twice', () => {
    const c = defaultVocConfig();
    c.themes.push({ ...c.themes[0]! });
    expect(VocConfigSchema.safeParse(c).success).toBe(false);
  });
});

describe('theme edits', () => {
  const lib = TOPIC_LIBRARY.map((t) => ({ ...t, terms: [...t.terms] }));
  it('rename keeps the terms', () => {
    const out = renameTheme(lib, 'price', { 'zh-CN': '价格与折扣', en: 'Price & discounts' });
    expect(out.find((t) => t.id === 'price')).toMatchObject({ name: { 'zh-CN': '价格与折扣' }, terms: lib[0]!.terms });
  });
  it('merge adds the terms once and removes the merged theme', () => {
    const out = mergeThemes(lib, 'serviceResponse', 'stability');
    expect(out).toHaveLength(lib.length - 1);
    const svc = out.find((t) => t.id === 'serviceResponse')!;
    expect(svc.terms).toContain('掉线');
    expect(new Set(svc.terms).size).toBe(svc.terms.length);
  });
  it('split moves the chosen terms into a new theme right after it', () => {
    const out = splitTheme(lib, 'serviceResponse', ['巡检', '维保'], 'maintenance', { 'zh-CN': '维保巡检', en: 'Maintenance' });
    const i = out.findIndex((t) => t.id === 'serviceResponse');
    expect(out[i + 1]).toMatchObject({ id: 'maintenance', terms: ['维保', '巡检'] });
    expect(out[i]!.terms).not.toContain('巡检');
    // moving every term, or an id in use, changes nothing
    expect(splitTheme(lib, 'billing', lib.find((t) => t.id === 'billing')!.terms, 'x', { 'zh-CN': 'x', en: 'x' })).toEqual(lib);
    expect(splitTheme(lib, 'serviceResponse', ['巡检'], 'price', { 'zh-CN': 'x', en: 'x' })).toEqual(lib);
  });
});

describe('tokens and sentiment', () => {
  const lex = { terms: { 慢: -1, 合理: 1, 及时: 1 }, negators: ['不', '没有'], intensifiers: { 太: 1.5 } };
  it('splits 太慢 and 不合理 but keeps 更换 and 不错', () => {
    expect(normaliseTokens(['太慢', '不合理', '更换', '不错', '最近'], new Set())).toEqual(['太', '慢', '不', '合理', '更换', '不错', '最近']);
  });
  it('intensifier strengthens, negator flips', () => {
    expect(sentimentOf(['太', '慢'], lex).score).toBeCloseTo(-1.5 / 2.5, 9);
    expect(sentimentOf(['不', '合理'], lex).score).toBeCloseTo(-0.5, 9);
    expect(sentimentOf(['没有', '很', '及时'], lex).score).toBeCloseTo(-0.5, 9);
    expect(sentimentOf(['服务'], lex)).toEqual({ score: 0, hits: 0 });
  });
});

describe('communication signals', () => {
  it('reports the sentence that holds the word', () => {
    const text = '例行回访。客户新任采购总监上任，要求重新评估供应商！对手报价更低';
    expect(sentences(text)).toEqual(['例行回访', '客户新任采购总监上任，要求重新评估供应商', '对手报价更低']);
    expect(sentenceAt(text, text.indexOf('新任'))).toBe('客户新任采购总监上任，要求重新评估供应商');
    const cut = (s: string) => s.split(/(新任|对手报价)/).filter(Boolean);
    const hits = findCommunicationSignals(text, cut, { competitor: ['对手报价'], decisionMaker: ['新任'], complaint: ['投诉'] });
    expect(hits).toEqual([
      { kind: 'decisionMaker', term: '新任', sentence: '客户新任采购总监上任，要求重新评估供应商' },
      { kind: 'competitor', term: '对手报价', sentence: '对手报价更低' },
    ]);
  });
  it('a two-character word must be a whole word (新任 inside 新任务 is not a change of decision-maker)', () => {
    const hits = findCommunicationSignals('客户布置了新任务', (s) => ['客户', '布置', '了', '新任务'].filter(() => s.length > 0), {
      competitor: [],
      decisionMaker: ['新任'],
      complaint: [],
    });
    expect(hits).toEqual([]);
  });
});
