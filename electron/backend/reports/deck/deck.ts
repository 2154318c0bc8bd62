import type PptxGenJS from 'pptxgenjs';
import type { CancelSignal } from '../../../../shared/contract/define';
import type { Locale } from '../../../../shared/errors';
import { createTranslator } from '../../../../shared/i18n/translate';
import type { ChartBlock, KeyFigure, ReportModel } from '../../../../shared/reports/model';
import { checkpoint } from '../../jobs';
import { lazyModule } from '../../lazy-module';
import { renderChartSvg } from '../chart-svg';
import type { PngRasteriser } from '../chart-png';
import type { DeckContext, Slide, TextOptions } from './context';
import { addFigureCards, addTable, figureNotes, fitSize, sectionSlides } from './sections';
import { deckText, hasEastAsian } from './text';
import { DECK_FONT, DEFAULT_DECK_THEME, deckLang, SLIDE, type DeckTheme } from './theme';

// The executive deck: pptxgenjs writes native, editable text, shapes and tables with a slide master
// of our own; charts come from the same ECharts option builders as the dashboard and the PDF, drawn
// as PNGs at three times their CSS size (about 250 dpi on the slide). A client's template is applied
// afterwards (template.ts): its master, layouts, theme and logo take over, its {tokens} are filled.

const Pptx = lazyModule<{ default: typeof PptxGenJS }>('pptxgenjs');

const MASTER = 'RWB_CONTENT';
const TITLE_MASTER = 'RWB_TITLE';

export interface DeckOptions {
  rasteriser: PngRasteriser | null;
  signal?: CancelSignal;
  onSlide?: (done: number, total: number) => void;
  theme?: DeckTheme;
}

export interface DeckResult {
  buffer: Buffer;
  slides: number;
  /** Each slide's title, in order (tests and the CLI's summary read them). */
  titles: string[];
}

/** Sections that are not repeated as content slides: the summary is the KPI and findings slides, methods the appendix, actions the plan. */
const OWN_SLIDES = new Set(['summary', 'methods', 'actions']);

export async function writeDeck(model: ReportModel, options: DeckOptions): Promise<DeckResult> {
  const locale: Locale = model.cover.language;
  const t = createTranslator(locale);
  const theme = options.theme ?? DEFAULT_DECK_THEME;
  const lang = deckLang(locale);
  const mod = Pptx();
  const Ctor = (mod.default ?? (mod as unknown as typeof PptxGenJS)) as typeof PptxGenJS;
  const pptx = new Ctor();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = deckText(model.cover.title);
  pptx.company = deckText(model.cover.client);
  pptx.author = deckText(model.cover.consultant);
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };

  const footer = deckText(`${model.cover.client} · ${model.cover.title}${model.pseudonymised ? ` · ${t('reports:deck.pseudonymised')}` : ''}`);
  const textOptions = (o: TextOptions): TextOptions => ({ fontFace: DECK_FONT, lang, color: theme.text, ...o });
  pptx.defineSlideMaster({
    title: MASTER,
    background: { color: 'FFFFFF' },
    objects: [
      { rect: { x: 0, y: 0, w: SLIDE.w, h: 0.12, fill: { color: theme.primary } } },
      { line: { x: 0.5, y: 1.18, w: SLIDE.w - 1, h: 0, line: { color: theme.rule, width: 0.75 } } },
      { text: { text: footer, options: textOptions({ x: 0.5, y: SLIDE.h - 0.42, w: SLIDE.w - 2, h: 0.3, fontSize: 9, color: theme.muted }) } },
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: 0.5,
            y: 0.3,
            w: SLIDE.w - 1,
            h: 0.8,
            fontFace: DECK_FONT,
            fontSize: 24,
            bold: true,
            color: theme.primary,
            valign: 'middle',
          },
          text: '',
        },
      },
    ],
    slideNumber: { x: SLIDE.w - 1.2, y: SLIDE.h - 0.42, w: 0.7, h: 0.3, fontFace: DECK_FONT, fontSize: 9, color: theme.muted, align: 'right' },
  });
  pptx.defineSlideMaster({
    title: TITLE_MASTER,
    background: { color: theme.primary },
    objects: [
      {
        placeholder: {
          options: {
            name: 'title',
            type: 'title',
            x: 0.8,
            y: 2.0,
            w: SLIDE.w - 1.6,
            h: 1.2,
            fontFace: DECK_FONT,
            fontSize: 40,
            bold: true,
            color: 'FFFFFF',
            align: 'left',
          },
          text: '',
        },
      },
    ],
  });

  const titles: string[] = [];
  const formulas: string[] = [];
  const addText = (slide: Slide, text: string, o: TextOptions) => {
    const safe = deckText(text);
    // Every run carries the deck's lang tag and the East Asian face (context.ts); Chinese runs in an
    // English deck are tagged zh-CN so WPS and LibreOffice pick a CJK face for them too.
    slide.addText(safe, textOptions({ ...o, ...(lang === 'en-US' && hasEastAsian(safe) ? { lang: 'zh-CN' } : {}) }));
  };
  const notesOf = (lines: readonly (string | null | undefined)[]) =>
    lines
      .filter((l): l is string => typeof l === 'string' && l.trim() !== '')
      .map(deckText)
      .join('\n');
  const contentSlide = (title: string, notes: readonly (string | null | undefined)[]): Slide => {
    const slide = pptx.addSlide({ masterName: MASTER });
    const safe = deckText(title);
    slide.addText(
      safe,
      textOptions({ placeholder: 'title', fontSize: safe.length > 70 ? 16 : safe.length > 40 ? 20 : 24, bold: true, color: theme.primary, align: 'left' }),
    );
    titles.push(safe);
    const n = notesOf(notes);
    if (n) slide.addNotes(n);
    return slide;
  };
  const addChart = async (slide: Slide, block: ChartBlock, box: { x: number; y: number; w: number; h: number }): Promise<boolean> => {
    if (!options.rasteriser) return false;
    const svg = renderChartSvg(block.option, { width: block.width, height: block.height });
    const png = await options.rasteriser.rasterise(svg, { width: block.width, height: block.height });
    // Keep the chart's proportions inside the box.
    const ratio = block.width / block.height;
    const w = Math.min(box.w, box.h * ratio);
    const h = w / ratio;
    slide.addImage({
      data: `image/png;base64,${png.toString('base64')}`,
      x: box.x + (box.w - w) / 2,
      y: box.y + (box.h - h) / 2,
      w,
      h,
      altText: deckText(block.title ?? ''),
    });
    return true;
  };
  const ctx: DeckContext = {
    pptx,
    model,
    locale,
    theme,
    label: (key, params) => String(t(key, params ?? {})),
    contentSlide,
    textOptions,
    addText,
    addChart,
    noteFormula: (text) => {
      const v = text?.trim();
      if (v && !formulas.includes(v)) formulas.push(v);
    },
  };

  const findings = model.findings?.items ?? [];
  const picked = model.sections.filter((s) => !OWN_SLIDES.has(s.id));
  const summary = model.sections.find((s) => s.id === 'summary');
  const kpis: KeyFigure[] =
    summary?.blocks.flatMap((b) => (b.kind === 'keyFigures' ? b.figures : [])) ??
    model.sections.flatMap((s) => s.blocks.flatMap((b) => (b.kind === 'keyFigures' ? b.figures : []))).slice(0, 8);
  const total = 3 + findings.length + picked.length + 2;
  let done = 0;
  const step = async () => {
    done++;
    options.onSlide?.(done, total);
    if (options.signal) await checkpoint(options.signal);
  };

  // 1. Title.
  {
    const slide = pptx.addSlide({ masterName: TITLE_MASTER });
    const white = { color: 'FFFFFF' };
    addText(slide, model.cover.client, { x: 0.8, y: 1.3, w: SLIDE.w - 1.6, h: 0.6, fontSize: 18, ...white });
    // In the title placeholder, so a template's title layout places and styles it.
    slide.addText(deckText(model.cover.title), textOptions({ placeholder: 'title', fontSize: 40, bold: true, align: 'left', ...white }));
    if (model.cover.subtitle) addText(slide, model.cover.subtitle, { x: 0.8, y: 3.2, w: SLIDE.w - 1.6, h: 0.6, fontSize: 20, ...white });
    const meta = [model.cover.consultant, model.cover.date, model.pseudonymised ? t('reports:document.pseudonymisedNotice') : null]
      .filter(Boolean)
      .join('  ·  ');
    addText(slide, meta, { x: 0.8, y: 5.6, w: SLIDE.w - 1.6, h: 0.5, fontSize: 14, ...white });
    const n = notesOf([...(model.cover.runs ?? [])]);
    if (n) slide.addNotes(n);
    titles.push(deckText(model.cover.title));
    await step();
  }
  // 2. Agenda.
  {
    const items = [
      t('reports:deck.kpis'),
      ...(findings.length > 0 ? [t('findings:report.heading')] : []),
      ...picked.map((s) => s.title),
      t('reports:deck.actionPlan'),
      t('reports:deck.appendix'),
    ];
    const slide = contentSlide(t('reports:deck.agenda'), []);
    // Two columns past seven items, so a long agenda still reads at 18 points.
    const perColumn = items.length > 7 ? Math.ceil(items.length / 2) : items.length;
    const columns = [items.slice(0, perColumn), items.slice(perColumn)].filter((c) => c.length > 0);
    columns.forEach((column, ci) =>
      slide.addText(
        column.map((text, i) => ({
          text: `${ci * perColumn + i + 1}.  ${deckText(text)}`,
          options: textOptions({ breakLine: true, fontSize: items.length > 7 ? 18 : 20, paraSpaceAfter: 10 }),
        })),
        textOptions({ x: 0.9 + ci * ((SLIDE.w - 1.8) / 2), y: 1.5, w: (SLIDE.w - 1.8) / columns.length, h: SLIDE.h - 2.3, valign: 'top' }),
      ),
    );
    await step();
  }
  // 3. KPIs.
  {
    const slide = contentSlide(t('reports:deck.kpis'), figureNotes(ctx, kpis));
    kpis.forEach((f) => ctx.noteFormula(f.note ? `${f.label}: ${f.note}` : null));
    if (kpis.length > 0) addFigureCards(ctx, slide, kpis);
    else addText(slide, t('reports:summary.noFindings'), { x: 0.5, y: 1.5, w: SLIDE.w - 1, h: 1, fontSize: 16, color: theme.muted });
    await step();
  }
  // 4. One finding per slide: the headline as the title, the figure, evidence and action beside its chart.
  for (const [i, f] of findings.entries()) {
    const slide = contentSlide(`${i + 1}. ${f.text}`, [
      `${t('findings:ui.figure')}: ${f.figure}`,
      f.formula,
      `${t('findings:report.evidenceLabel')}: ${f.evidence}`,
      f.weak,
      model.findings?.drafted ? t('findings:report.draftNote') : null,
    ]);
    ctx.noteFormula(f.formula);
    addText(slide, f.figure, {
      x: 0.5,
      y: 1.45,
      w: 3.9,
      h: 1.1,
      fontSize: fitSize(f.figure, 3.8, 40),
      bold: true,
      color: f.weak ? theme.muted : theme.primary,
    });
    const side = [
      ...(f.weak ? [{ label: t('findings:report.weakLabel'), text: f.weak, color: theme.red }] : []),
      { label: t('findings:report.evidenceLabel'), text: f.evidence, color: theme.text },
      { label: t('findings:report.actionLabel'), text: f.action, color: theme.text },
    ];
    slide.addText(
      side.flatMap((s) => [
        { text: deckText(s.label), options: textOptions({ bold: true, fontSize: 12, color: theme.muted, breakLine: true }) },
        { text: deckText(s.text), options: textOptions({ fontSize: 12, color: s.color, breakLine: true, paraSpaceAfter: 8 }) },
      ]),
      textOptions({ x: 0.5, y: 2.7, w: 3.9, h: SLIDE.h - 3.4, valign: 'top' }),
    );
    if (f.chart) await addChart(slide, f.chart, { x: 4.7, y: 1.4, w: SLIDE.w - 5.2, h: SLIDE.h - 2.1 });
    await step();
  }
  // 5. The sections the consultant picked, each through its slide maker.
  for (const section of picked) {
    await sectionSlides(section.id)(ctx, section);
    await step();
  }
  // 6. Action plan: each finding's suggested action from the playbook, and the open actions' count.
  {
    const slide = contentSlide(
      t('reports:deck.actionPlan'),
      findings.map((f, i) => `${i + 1}. ${f.action}`),
    );
    const rows = findings.map((f, i) => [
      { text: String(i + 1), options: textOptions({ fontSize: 11 }) },
      { text: deckText(f.text), options: textOptions({ fontSize: 11 }) },
      { text: deckText(f.action), options: textOptions({ fontSize: 11 }) },
    ]);
    if (rows.length > 0) {
      const head = [t('findings:report.findingLabel'), t('findings:report.actionLabel')];
      slide.addTable(
        [
          [
            { text: '#', options: textOptions({ bold: true, color: 'FFFFFF', fill: { color: theme.primary }, fontSize: 12 }) },
            ...head.map((h) => ({ text: deckText(h), options: textOptions({ bold: true, color: 'FFFFFF', fill: { color: theme.primary }, fontSize: 12 }) })),
          ],
          ...rows.slice(0, 8),
        ],
        {
          x: 0.5,
          y: 1.4,
          w: SLIDE.w - 1,
          colW: [0.5, (SLIDE.w - 1.5) * 0.5, (SLIDE.w - 1.5) * 0.5],
          border: { type: 'solid', pt: 0.5, color: theme.rule },
          valign: 'top',
        },
      );
    } else {
      addText(slide, t('reports:deck.noActions'), { x: 0.5, y: 1.5, w: SLIDE.w - 1, h: 1, fontSize: 16, color: theme.muted });
    }
    const actions = model.sections.find((s) => s.id === 'actions');
    if (actions) {
      const figs = actions.blocks.flatMap((b) => (b.kind === 'keyFigures' ? b.figures : []));
      if (figs.length > 0)
        addText(slide, figureNotes(ctx, figs).join('   ·   '), { x: 0.5, y: SLIDE.h - 0.95, w: SLIDE.w - 1, h: 0.45, fontSize: 11, color: theme.muted });
    }
    await step();
  }
  // 7. Appendix: every formula and definition quoted on the way, once; then the methods section's tables.
  {
    const methods = model.sections.find((s) => s.id === 'methods');
    const perSlide = 9;
    const pages = Math.max(1, Math.ceil(formulas.length / perSlide));
    for (let p = 0; p < pages; p++) {
      const part = formulas.slice(p * perSlide, (p + 1) * perSlide);
      const slide = contentSlide(pages > 1 ? `${t('reports:deck.appendix')} (${p + 1}/${pages})` : t('reports:deck.appendix'), part);
      slide.addText(
        part.map((text) => ({ text: deckText(text), options: textOptions({ fontSize: 11, breakLine: true, paraSpaceAfter: 6, bullet: true }) })),
        textOptions({ x: 0.5, y: 1.35, w: SLIDE.w - 1, h: SLIDE.h - 1.95, valign: 'top' }),
      );
    }
    if (methods) {
      // The definitions (the health model's measures, the diagnostic formulas with their
      // denominators): the methods section's last two tables; data coverage and import records stay in the PDF.
      for (const b of methods.blocks.filter((x) => x.kind === 'table').slice(-2)) {
        if (b.kind !== 'table') continue;
        const slide = contentSlide(`${t('reports:deck.appendix')} · ${b.title ?? methods.title}`, [b.note]);
        addTable(ctx, slide, b, 1.4, 14);
      }
    }
    await step();
  }

  const out = (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  return { buffer: out, slides: titles.length, titles };
}
