import {
  cellIsPartial,
  cellValue,
  type ChartBlock,
  type KeyFiguresBlock,
  type ReportBlock,
  type ReportModel,
  type TableBlock,
  type TableColumn,
  type TableCell,
} from '../../../shared/reports/model';
import { scaleColour, textOnScale, TONE_FILLS, toneFor } from '../../../shared/reports/colour-rules';
import { assertNever, formatValue, type ValueFormat } from '../../../shared/reports/format';
import { reportText } from '../../../shared/reports/messages';
import { renderChartSvg } from './chart-svg';
import { escapeHtml, textToParagraphs } from './html-escape';
import { REPORT_CSS, REPORT_FONT_STACK } from './html-style';
import { keepTableWhole, tableRowGroups } from './html-table-groups';

export interface RenderHtmlOptions {
  /** Override for tests or the Electron app; default is ECharts SSR via chart-svg.ts. */
  chartSvg?: (block: ChartBlock) => string;
  /**
   * Print only (pdf.ts): an @font-face rule for the font the app ships and its family, put first for
   * the text and the charts' SVG text, so the PDF embeds that font by name. The preview leaves it out
   * (megabytes in an iframe for nothing: the screen has fonts).
   */
  font?: { face: string; family: string };
}

const NUMERIC: ReadonlySet<ValueFormat> = new Set(['integer', 'number', 'currency', 'percent']);

// No network, no scripts: the page is client data printed offline. The SVGs are inline, fonts are
// the system's Noto Sans CJK (the PDF embeds the subset it uses).
const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * The shipped font first for the text and the charts' SVG text. Chart labels drawn with a white halo
 * (an SVG stroke) lose it in print: Skia writes stroked text as Type 3 glyph outlines, not as text in
 * the embedded font, and the labels sit clear of the lines anyway.
 */
function printFontCss(font: { face: string; family: string }): string {
  return `${font.face}
body, svg text, svg tspan { font-family: '${font.family}', ${REPORT_FONT_STACK} !important; }
svg text[stroke] { stroke: none !important; }
`;
}

/** The whole report as one standalone HTML document with its print stylesheet. */
export function renderReportHtml(model: ReportModel, options: RenderHtmlOptions = {}): string {
  const locale = model.cover.language;
  const t = (key: Parameters<typeof reportText>[1], params?: Record<string, string | number>) => reportText(locale, key, params);
  const svgFor = options.chartSvg ?? ((b: ChartBlock) => renderChartSvg(b.option, { width: b.width, height: b.height }));
  const fmt = (value: TableCell | string | number | null, format: ValueFormat, decimals?: number): string =>
    formatValue(typeof value === 'object' && value !== null ? value.value : value, format, {
      locale,
      currency: model.currency,
      ...(decimals === undefined ? {} : { decimals }),
    });

  const cover = model.cover;
  const meta: [string, string | null][] = [
    [t('document.coverClient'), cover.client],
    [t('document.coverIndustry'), cover.industry],
    [t('document.coverConsultant'), cover.consultant],
    [t('document.coverDate'), cover.date],
    ...(cover.runs ?? []).map((line, i): [string, string] => [i === 0 ? t('document.coverRuns') : '', line]),
  ];
  const coverHtml = `<section class="cover">
  <div class="cover-band">
    <div class="cover-kicker">${escapeHtml(cover.client)}</div>
    <h1>${escapeHtml(cover.title)}</h1>
    ${cover.subtitle ? `<div class="cover-subtitle">${escapeHtml(cover.subtitle)}</div>` : ''}
    <table class="cover-meta">${meta
      .filter((m): m is [string, string] => m[1] !== null && m[1] !== '')
      .map(([k, v]) => `<tr><th>${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`)
      .join('')}</table>
  </div>
  <div class="cover-foot">
    ${model.pseudonymised ? `<p class="notice">${escapeHtml(t('document.pseudonymisedNotice'))}</p>` : ''}
    <p>${escapeHtml(t('document.coverConfidential'))}</p>
    <p>${escapeHtml(t('document.generatedBy'))}</p>
  </div>
</section>`;

  const tocHtml = `<nav class="toc"><h2>${escapeHtml(t('document.toc'))}</h2><ol>${model.sections
    .map((s, i) => `<li><span class="toc-num">${i + 1}</span><a href="#sec-${i + 1}">${escapeHtml(s.title)}</a></li>`)
    .join('')}</ol></nav>`;

  const keyFigures = (block: KeyFiguresBlock): string =>
    `<div class="block figures">${block.figures
      .map(
        (f) => `<div class="figure${f.tone ? ` tone-${f.tone}` : ''}">
  <div class="figure-label">${escapeHtml(f.label)}</div>
  <div class="figure-value">${escapeHtml(fmt(f.value, f.format, f.decimals))}</div>
  ${f.note ? `<div class="figure-note">${escapeHtml(f.note)}</div>` : ''}
</div>`,
      )
      .join('')}</div>`;

  const cellHtml = (col: TableColumn, cell: TableCell): string => {
    const value = cellValue(cell);
    const classes: string[] = [];
    const styles: string[] = [];
    if (NUMERIC.has(col.format)) classes.push('r');
    else if (col.format === 'date' || col.format === 'datetime') classes.push('d');
    const partial = cellIsPartial(cell);
    if (partial) classes.push('partial');
    if (col.colour) {
      if (col.colour.kind === 'scale') {
        const bg = scaleColour(col.colour, value);
        if (bg) styles.push(`background:${bg}`, `color:${textOnScale(bg)}`);
      } else {
        const tone = toneFor(col.colour, value);
        if (tone) styles.push(`background:${TONE_FILLS[tone]}`);
      }
    }
    const text = fmt(value, col.format, col.decimals) + (partial ? '*' : '');
    return `<td${classes.length ? ` class="${classes.join(' ')}"` : ''}${styles.length ? ` style="${styles.join(';')}"` : ''}>${escapeHtml(text)}</td>`;
  };

  const table = (block: TableBlock): string => {
    const totalWidth = block.columns.reduce((s, c) => s + (c.width ?? 12), 0);
    const hasPartial = block.rows.some((r) => r.some(cellIsPartial));
    // Striping by row index (class alt), not :nth-child, which would restart in every row group.
    const rowHtml = (row: TableCell[], i: number): string =>
      `<tr${i % 2 === 1 ? ' class="alt"' : ''}>${block.columns.map((col, ci) => cellHtml(col, row[ci] ?? null)).join('')}</tr>`;
    const body =
      block.rows.length === 0
        ? `<tbody class="keep"><tr><td class="empty" colspan="${block.columns.length}">${escapeHtml(t('document.emptyTable'))}</td></tr></tbody>`
        : tableRowGroups(block.rows.length)
            .map(
              (g) =>
                `<tbody${g.keep ? ' class="keep"' : ''}>\n${block.rows
                  .slice(g.start, g.end)
                  .map((row, i) => rowHtml(row, g.start + i))
                  .join('\n')}\n</tbody>`,
            )
            .join('\n');
    return `<div class="block${keepTableWhole(block.rows.length) ? ' keep' : ''}">
${block.title ? `<h3 class="block-title">${escapeHtml(block.title)}</h3>` : ''}
<table class="data"><colgroup>${block.columns.map((c) => `<col style="width:${(((c.width ?? 12) / totalWidth) * 100).toFixed(1)}%">`).join('')}</colgroup>
<thead><tr>${block.columns.map((c) => `<th${NUMERIC.has(c.format) ? ' class="r"' : ''}>${escapeHtml(c.label)}</th>`).join('')}</tr></thead>
${body}
</table>
${block.note ? `<div class="block-note">${escapeHtml(block.note)}</div>` : ''}
${hasPartial ? `<div class="block-note">${escapeHtml(t('document.partialNote'))}</div>` : ''}
</div>`;
  };

  const blockHtml = (block: ReportBlock): string => {
    switch (block.kind) {
      case 'paragraph':
        return `<div class="block">${textToParagraphs(block.text)}</div>`;
      case 'bullets':
        return `<ul class="block bullets">${block.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
      case 'keyFigures':
        return keyFigures(block);
      case 'table':
        return table(block);
      case 'chart':
        // The SVG comes from ECharts, which escapes the text it draws; nothing else is raw here.
        return `<figure class="chart" role="img" aria-label="${escapeHtml(block.title ?? t('document.chart'))}">
${block.title ? `<h3 class="block-title">${escapeHtml(block.title)}</h3>` : ''}
${svgFor(block)}
${block.caption ? `<figcaption>${escapeHtml(block.caption)}</figcaption>` : ''}
</figure>`;
      default:
        return assertNever(block);
    }
  };

  const sections = model.sections
    .map(
      (s, i) => `<section class="report-section${s.pending ? ' pending' : ''}" id="sec-${i + 1}" data-section="${escapeHtml(s.id)}">
<h1><span class="sec-num">${i + 1}</span>${escapeHtml(s.title)}</h1>
${s.consultantText && s.consultantText.trim() !== '' ? `<div class="consultant"><h3>${escapeHtml(t('document.consultantText'))}</h3>${textToParagraphs(s.consultantText)}</div>` : ''}
${s.blocks.map(blockHtml).join('\n')}
</section>`,
    )
    .join('\n');

  return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(`${cover.title} · ${cover.client}`)}</title>
<style>${options.font ? printFontCss(options.font) : ''}${REPORT_CSS}</style>
</head>
<body>
${coverHtml}
${tocHtml}
${sections}
</body>
</html>`;
}
