import type PptxGenJS from 'pptxgenjs';
import type { Locale } from '../../../../shared/errors';
import type { ChartBlock, ReportModel, ReportSection } from '../../../../shared/reports/model';
import type { DeckTheme } from './theme';

// What a section's slide maker gets: the deck being built, the report model it renders, and small
// helpers that put the deck's font, language tag and safe text on everything they add.

export type Slide = PptxGenJS.Slide;
export type TextOptions = PptxGenJS.TextPropsOptions;

export interface DeckContext {
  pptx: PptxGenJS;
  model: ReportModel;
  locale: Locale;
  theme: DeckTheme;
  /** The deck's reports/findings labels in its language. */
  label(key: string, params?: Record<string, string | number>): string;
  /** A content slide with its title in the title placeholder (a template's layout styles it) and its speaker notes. */
  contentSlide(title: string, notes: readonly (string | null | undefined)[]): Slide;
  /** Font face, lang tag and colour defaults on top of the given options. */
  textOptions(options: TextOptions): TextOptions;
  /** Adds text (made safe: see text.ts) with the deck's font and language. */
  addText(slide: Slide, text: string, options: TextOptions): void;
  /** Adds the chart as a PNG at print resolution; false when no rasteriser is available. */
  addChart(slide: Slide, block: ChartBlock, box: { x: number; y: number; w: number; h: number }): Promise<boolean>;
  /** Formulas and definitions seen on the way, for the appendix (each once). */
  noteFormula(text: string | null | undefined): void;
}

/** One section's slides; the registry (sections.ts) maps a section id to its maker. */
export type SectionSlides = (ctx: DeckContext, section: ReportSection) => Promise<void>;
