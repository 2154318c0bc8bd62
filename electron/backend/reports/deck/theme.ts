import { CHART_THEME } from '../../../../shared/charts/theme';
import type { Locale } from '../../../../shared/errors';

// The deck's look when no client template is given: the charts' own palette, so slides and charts
// match the PDF. With a template, its theme colours replace these (template.ts reads them).

const hex = (c: string) => c.replace('#', '').toUpperCase();

export interface DeckTheme {
  primary: string;
  accent: string;
  text: string;
  muted: string;
  rule: string;
  red: string;
  yellow: string;
  green: string;
}

export const DEFAULT_DECK_THEME: DeckTheme = {
  primary: hex(CHART_THEME.palette[0] ?? '#1F4E79'),
  accent: hex(CHART_THEME.palette[1] ?? '#2E8B8B'),
  text: hex(CHART_THEME.text),
  muted: hex(CHART_THEME.mutedText),
  rule: hex(CHART_THEME.axisLine),
  red: hex(CHART_THEME.tones.red),
  yellow: hex(CHART_THEME.tones.yellow),
  green: hex(CHART_THEME.tones.green),
};

/**
 * One face for every run, Latin and East Asian alike. pptxgenjs writes the face into <a:latin>,
 * <a:ea> and <a:cs> with the GB2312 charset on <a:ea>; 微软雅黑 has Latin glyphs too, so a run
 * mixing 客户 and NRR never falls back. PowerPoint and WPS on Windows have it; LibreOffice and
 * macOS substitute their own CJK face (fontconfig picks Noto Sans CJK SC by the zh-CN lang tag).
 */
export const DECK_FONT = 'Microsoft YaHei';

/** The lang tag of every run: zh-CN for a Chinese deck (altLang en-US), en-US for an English one. */
export function deckLang(locale: Locale): string {
  return locale === 'zh-CN' ? 'zh-CN' : 'en-US';
}

/** 16:9, in inches (pptxgenjs' LAYOUT_WIDE: 12,192,000 × 6,858,000 EMU). */
export const SLIDE = { w: 13.333, h: 7.5 } as const;
