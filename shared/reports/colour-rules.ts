import type { Tone } from '../charts/theme';
import { CHART_THEME } from '../charts/theme';
import type { CellValue, ColourRule } from './model';

/** The tone a band or tone rule gives a value; null when the rule does not colour it. */
export function toneFor(rule: ColourRule, value: CellValue): Tone | null {
  switch (rule.kind) {
    case 'bands':
      if (typeof value !== 'number' || !Number.isFinite(value)) return null;
      return value < rule.yellowFrom ? 'red' : value < rule.greenFrom ? 'yellow' : 'green';
    case 'tones':
      return typeof value === 'string' ? (rule.tones[value] ?? null) : null;
    case 'scale':
      return null;
  }
}

/** Background for HTML: the same 5-step ramp the heatmap uses, picked by position in [min, max]. */
export function scaleColour(rule: { min: number; max: number }, value: CellValue): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return null;
  const span = rule.max - rule.min;
  const t = span > 0 ? Math.min(1, Math.max(0, (value - rule.min) / span)) : 0;
  const ramp = CHART_THEME.heatRamp;
  return ramp[Math.min(ramp.length - 1, Math.floor(t * ramp.length))] ?? null;
}

/** Light fills for tones in tables (the saturated chart colours are too dark behind text). */
export const TONE_FILLS: Readonly<Record<Tone, string>> = {
  red: '#F8D7D7',
  yellow: '#FBEFC9',
  green: '#D5EEDC',
  neutral: '#E9ECF1',
};

/** Text colour readable on a scale colour: white on the two darkest steps. */
export function textOnScale(background: string): string {
  const dark = CHART_THEME.heatRamp.slice(3) as readonly string[];
  return dark.includes(background) ? '#FFFFFF' : CHART_THEME.text;
}
