import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportExportResult } from '../../../shared/reports/definition';
import { defaultReportDefinition } from '../../../shared/reports/definition';
import { fillTokens } from '../../../electron/backend/reports/deck/template';
import { createTranslator } from '../../../shared/i18n/translate';
import { MIN_CHURNED, MIN_CUSTOMERS } from '../../../shared/churn/pipeline';
import { tempDir } from '../../helpers/temp';
import { AS_OF, engagementWithHealthRun, type Engagement } from './report-fixture';

// The deck opened again as a package: slide XML, notes XML, the layout each slide points at.

const dir = tempDir();
let e: Engagement;
let accepted: string[];
const EDITED = '重点关注：华东精密机械1号有限公司的订单已中断';

interface Deck {
  zip: JSZip;
  slides: string[];
  notes: string[];
  titles: string[];
  all: string;
}

const slideNo = (p: string) => Number(/(\d+)\.xml$/.exec(p)?.[1]);
async function openDeck(path: string): Promise<Deck> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const pres = await zip.file('ppt/presentation.xml')!.async('string');
  const rels = await zip.file('ppt/_rels/presentation.xml.rels')!.async('string');
  // In presentation order, through the relationships (a template's slide files need not be numbered in order).
  const order = [...pres.matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)].map((m) => new RegExp(`Id="${m[1]}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '');
  const slideParts = order.map((t) => `ppt/${t.replace(/^\/?ppt\//, '')}`);
  const slides = await Promise.all(slideParts.map((p) => zip.file(p)!.async('string')));
  const notes = await Promise.all(
    slideParts.map(async (p) => {
      const r = await zip.file(p.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels'))!.async('string');
      const target = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(r)?.[1];
      return target ? zip.file(`ppt/notesSlides/${target}`)!.async('string') : '';
    }),
  );
  const text = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]).join('');
  const titles = slides.map((x) => {
    const title = /<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\b[^>]*\btype="title"[\s\S]*?<\/p:sp>/.exec(x)?.[0];
    return title ? text(title) : '';
  });
  const all = (
    await Promise.all(
      Object.keys(zip.files)
        .filter((n) => n.endsWith('.xml'))
        .map((n) => zip.file(n)!.async('string')),
    )
  ).join('\n');
  void slideNo;
  return { zip, slides: slides.map(text), notes: notes.map(text), titles, all };
}

beforeAll(async () => {
  e = await engagementWithHealthRun(dir);
  await e.call('diagnostics.run', { params: { asOf: AS_OF } });
  const list = await e.call('findings.list', { minCustomers: 5 });
  accepted = list.findings.slice(0, 2).map((f) => f.id);
  await e.call('findings.decide', {
    changes: [...accepted.map((id) => ({ id, status: 'accepted' as const })), { id: accepted[1]!, text: { 'zh-CN': EDITED } }],
  });
}, 300_000);

describe('the executive deck', () => {
  it('has the title, agenda, KPI, one slide per accepted finding, the picked sections, the action plan and the appendix; notes hold the formulas', async () => {
    const path = join(dir, 'deck.pptx');
    const def = {
      ...defaultReportDefinition('zh-CN'),
      sections: defaultReportDefinition('zh-CN').sections.map((s) => ({ ...s, included: ['summary', 'retention', 'health', 'methods'].includes(s.id) })),
    };
    const r: ReportExportResult = await e.call('report.exportPptx', { path, definition: def });
    expect(r.kind).toBe('pptx');
    const deck = await openDeck(path);
    expect(deck.slides.length).toBe(r.pages);
    const [title, agenda, kpis] = deck.titles;
    expect(title).toBe('客户留存诊断报告');
    expect(agenda).toBe('议程');
    expect(kpis).toBe('关键指标');
    const findings = await e.call('findings.list', { minCustomers: 5 });
    const first = findings.findings.find((f) => f.id === accepted[0])!;
    // The accepted findings, in the consultant's order, one per slide right after the KPIs.
    expect(deck.titles[3]).toBe(`1. ${first.text['zh-CN']}`);
    expect(deck.titles[4]).toBe(`2. ${EDITED}`);
    // Its speaker notes: the formula with its denominator, and the run.
    expect(deck.notes[3]).toContain(first.formula['zh-CN']);
    expect(deck.notes[3]).toContain(`#${first.evidence.run.id}`);
    // The KPI slide's notes carry each figure's formula and denominator.
    expect(deck.notes[2]).toMatch(/留存率.*期初/);
    // Picked sections follow, then the plan and the appendix.
    expect(deck.titles.some((t) => t.startsWith('客户留存与流失'))).toBe(true);
    expect(deck.titles.some((t) => t.startsWith('健康度与预警信号'))).toBe(true);
    expect(deck.titles).toContain('行动计划');
    expect(deck.titles.at(-1)!.startsWith('附录：定义与公式')).toBe(true);
    expect(deck.slides.join('\n')).toContain('(E − N) ÷ S');
    // 16:9 and every run tagged zh-CN with an East Asian face.
    expect(deck.all).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const runs = [...deck.all.matchAll(/<a:rPr\b[^>]*>[\s\S]*?<\/a:rPr>/g)].map((m) => m[0]);
    expect(runs.length).toBeGreaterThan(50);
    for (const rPr of runs.filter((x) => x.includes('typeface'))) {
      expect(rPr).toMatch(/lang="zh-CN"/);
      expect(rPr).toMatch(/<a:ea typeface="Microsoft YaHei"/);
    }
    // The edited wording names a customer: it is there when not pseudonymised.
    expect(deck.slides.join('\n')).toContain('华东精密机械1号有限公司');
  }, 300_000);

  it('pseudonymised: no original name, contact, phone or email anywhere in the package', async () => {
    const path = join(dir, 'deck-p.pptx');
    const r = await e.call('report.exportPptx', { path, definition: { ...defaultReportDefinition('zh-CN'), pseudonymise: true } });
    expect(r.pseudonymised).toBe(true);
    const deck = await openDeck(path);
    for (const p of e.people) {
      for (const v of [p.name, p.contact, p.phone, p.email]) expect(deck.all).not.toContain(v);
    }
    expect(deck.slides.join('\n')).toMatch(/重点关注：客户-\d+/);
  }, 300_000);

  it('in English: titles, notes and the finding in English', async () => {
    const path = join(dir, 'deck-en.pptx');
    await e.call('report.exportPptx', { path, definition: { ...defaultReportDefinition('en'), sections: [] } });
    const deck = await openDeck(path);
    expect(deck.titles.slice(1, 3)).toEqual(['Agenda', 'Key figures']);
    const list = await e.call('findings.list', { minCustomers: 5 });
    expect(deck.titles[3]).toBe(`1. ${list.findings.find((f) => f.id === accepted[0])!.text.en}`);
  }, 300_000);

  it("on the client's template: its master and layouts, its tokens filled, its sample slides gone", async () => {
    const t = new PptxGenJS();
    t.layout = 'LAYOUT_WIDE';
    t.defineSlideMaster({
      title: 'CLIENT_MASTER',
      background: { color: 'F2F2F2' },
      objects: [
        { rect: { x: 0, y: 7.0, w: 13.333, h: 0.5, fill: { color: 'C00000' } } },
        { text: { text: 'ACME-TEMPLATE-LOGO', options: { x: 10.5, y: 7.05, w: 2.5, h: 0.4, color: 'FFFFFF' } } },
        { placeholder: { options: { name: 'title', type: 'title', x: 0.4, y: 0.3, w: 12.5, h: 1 }, text: '' } },
      ],
    });
    const cover = t.addSlide({ masterName: 'CLIENT_MASTER' });
    // Split over runs, as PowerPoint stores a token typed with autocorrect on.
    cover.addText([{ text: '{cli' }, { text: 'ent} · ' }, { text: '{date}' }], { x: 1, y: 2, w: 10, h: 1 });
    cover.addText('{title}', { x: 1, y: 3, w: 10, h: 1 });
    const sample = t.addSlide({ masterName: 'CLIENT_MASTER' });
    sample.addText('SAMPLE CONTENT TO BE REMOVED', { x: 1, y: 2, w: 10, h: 1 });
    const templatePath = join(dir, 'client-template.pptx');
    writeFileSync(templatePath, (await t.write({ outputType: 'nodebuffer' })) as Buffer);

    const path = join(dir, 'deck-t.pptx');
    const r = await e.call('report.exportPptx', { path, templatePath, definition: { ...defaultReportDefinition('zh-CN'), sections: [] } });
    const deck = await openDeck(path);
    expect(deck.slides.length).toBe(r.pages);
    // The template's cover stands in for the drawn title slide, tokens filled.
    expect(deck.slides[0]).toContain(`华东制造集团 · ${r.at.slice(0, 10)}`);
    expect(deck.slides[0]).toContain('客户留存诊断报告');
    expect(deck.all).not.toContain('SAMPLE CONTENT TO BE REMOVED');
    expect(deck.all).not.toContain('{client}');
    expect(deck.titles[1]).toBe('议程');
    // Every drawn slide sits on the template's content layout, whose master object (the logo) shows.
    const layoutOf = async (i: number) => {
      const pres = await deck.zip.file('ppt/presentation.xml')!.async('string');
      const rels = await deck.zip.file('ppt/_rels/presentation.xml.rels')!.async('string');
      const rid = [...pres.matchAll(/<p:sldId\b[^>]*r:id="([^"]+)"/g)][i]![1];
      const part = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1]!;
      const slideRels = await deck.zip.file(`ppt/${part.replace(/slides\/(slide\d+\.xml)$/, 'slides/_rels/$1.rels')}`)!.async('string');
      const layout = /Target="\.\.\/slideLayouts\/(slideLayout\d+\.xml)"/.exec(slideRels)![1]!;
      return deck.zip.file(`ppt/slideLayouts/${layout}`)!.async('string');
    };
    for (const i of [1, 2, deck.slides.length - 1]) expect(await layoutOf(i)).toContain('ACME-TEMPLATE-LOGO');
    // The drawn title placeholder has no position of its own: the layout places it.
    const pres = await deck.zip.file('ppt/presentation.xml')!.async('string');
    expect(pres).toContain('<p:notesMasterIdLst>');
    expect(deck.notes[3]).not.toBe('');
  }, 300_000);

  it('refuses a template that is not a presentation, or not 16:9, saying what to do', async () => {
    const bad = join(dir, 'not-a-deck.pptx');
    writeFileSync(bad, 'hello');
    await expect(e.call('report.exportPptx', { path: join(dir, 'x.pptx'), templatePath: bad })).rejects.toThrow(/PPTX_TEMPLATE_INVALID/);
    const t = new PptxGenJS();
    t.layout = 'LAYOUT_4x3';
    t.addSlide().addText('{client}', { x: 1, y: 1, w: 5, h: 1 });
    const narrow = join(dir, 'four-three.pptx');
    writeFileSync(narrow, (await t.write({ outputType: 'nodebuffer' })) as Buffer);
    await expect(e.call('report.exportPptx', { path: join(dir, 'y.pptx'), templatePath: narrow })).rejects.toThrow(/PPTX_TEMPLATE_INVALID/);
  }, 300_000);

  // Last: it stores a churn run, which the other exports above must not see.
  it("puts the churn model's verdict and its reason beside AUC and Brier, on the slide and first in its notes", async () => {
    const run = await e.call('churn.fit', { params: {} });
    for (const locale of ['zh-CN', 'en'] as const) {
      const t = createTranslator(locale);
      const verdict = `${t('churn:report.status')}: ${t(`churn:status.${run.status}`, { min: run.status === 'too-small' ? MIN_CUSTOMERS : MIN_CHURNED })}`;
      const path = join(dir, `deck-churn-${locale}.pptx`);
      const def = defaultReportDefinition(locale);
      await e.call('report.exportPptx', { path, definition: { ...def, sections: def.sections.map((s) => ({ ...s, included: s.id === 'churn' })) } });
      const deck = await openDeck(path);
      const i = deck.titles.indexOf(t('reports:sections.churn'));
      expect(i).toBeGreaterThan(0);
      const plain = (x: string) =>
        x
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&apos;/g, "'");
      expect(plain(deck.slides[i]!)).toContain(verdict);
      expect(plain(deck.slides[i]!)).toContain(t('churn:evaluation.brier'));
      expect(plain(deck.notes[i]!).startsWith(verdict)).toBe(true);
    }
  }, 300_000);
});

describe('fillTokens', () => {
  it('fills a token split over runs, keeps the first run’s formatting, escapes the value, leaves unknown braces', () => {
    const xml =
      '<p:txBody><a:p><a:r><a:rPr b="1"/><a:t>客户：{cli</a:t></a:r><a:r><a:rPr/><a:t>ent}</a:t></a:r></a:p><a:p><a:r><a:t>{unknown} {date}</a:t></a:r></a:p></p:txBody>';
    const { xml: out, filled } = fillTokens(xml, { client: 'A&B <集团>', date: '2026-12-04' });
    expect(filled).toBe(2);
    expect(out).toContain('<a:rPr b="1"/><a:t>客户：A&amp;B &lt;集团&gt;</a:t>');
    expect(out).toContain('<a:rPr/><a:t></a:t>');
    expect(out).toContain('<a:t>{unknown} 2026-12-04</a:t>');
  });
});
