import { describe, expect, it } from 'vitest';
import { renderChartSvg } from '../../../electron/backend/reports/chart-svg';
import { escapeHtml, textToParagraphs } from '../../../electron/backend/reports/html-escape';
import { renderReportHtml } from '../../../electron/backend/reports/html';
import { pdfPageOptions } from '../../../electron/backend/reports/pdf';
import { buildCohortHeatmap, buildDistributionChart } from '../../../shared/charts';
import { HOSTILE_NAME, SCRIPT_NAME, sampleModel } from '../../integration/reports/sample-model';

describe('chart SVG (ECharts SSR)', () => {
  it('draws the translated labels and percentages as SVG text, with a parseable font attribute', () => {
    const svg = renderChartSvg(
      buildDistributionChart({
        kind: 'bar',
        title: '健康度分布',
        locale: 'zh-CN',
        seriesName: '客户数',
        unit: 'integer',
        items: [
          { label: '红', value: 37, tone: 'red' },
          { label: '绿', value: 955, tone: 'green' },
        ],
      }),
      { width: 480, height: 260 },
    );
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="480"');
    expect(svg).toMatch(/>健康度分布</);
    expect(svg).toMatch(/>955</);
    expect(svg).toContain('#D64545');
    expect(svg).not.toMatch(/font-family:"/);
  });

  it('heatmap SVG marks partial cells', () => {
    const svg = renderChartSvg(
      buildCohortHeatmap({ locale: 'en', cohorts: ['2024-01'], periods: ['M0', 'M1'], values: [[1, 0.5]], partial: [[false, true]], unit: 'percent' }),
      { width: 400, height: 200 },
    );
    expect(svg).toMatch(/>100%</);
    expect(svg).toMatch(/>50%\*</);
    expect(svg).toContain('stroke-dasharray');
  });
});

describe('report HTML', () => {
  it.each([
    ['<b>&"\'', '&lt;b&gt;&amp;&quot;&#39;'],
    ['普通', '普通'],
  ])('escapes %j', (raw, escaped) => {
    expect(escapeHtml(raw)).toBe(escaped);
  });

  it('keeps the consultant line breaks but not their markup', () => {
    expect(textToParagraphs('第一段<i>\n续行\n\n第二段')).toBe('<p>第一段&lt;i&gt;<br>续行</p>\n<p>第二段</p>');
  });

  const html = renderReportHtml(sampleModel(), { chartSvg: (b) => `<svg data-test="${b.width}x${b.height}"></svg>` });

  it('client data never becomes markup', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;华信');
    expect(html).toContain(escapeHtml(HOSTILE_NAME));
    expect(SCRIPT_NAME).toContain('<script>');
  });

  it('has a cover, a table of contents, numbered sections with page breaks and a locked-down CSP', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="zh-CN">/);
    expect(html).toContain("default-src 'none'");
    expect(html).toContain('<section class="cover">');
    expect(html).toMatch(/<nav class="toc"><h2>目录<\/h2>/);
    expect(html.match(/<section class="report-section"/g)).toHaveLength(6);
    expect(html).toContain('<a href="#sec-4">健康度与预警信号</a>');
    expect(html).toContain('break-before: page');
    expect(html).toContain('display: table-header-group');
    expect(html).toContain('"Noto Sans CJK SC"');
    expect(html).toContain('<svg data-test="640x320"></svg>');
  });

  it('formats figures, colours bands and flags partial cells', () => {
    expect(html).toContain('<div class="figure-value">87.3%</div>');
    expect(html).toContain('<div class="figure-value">¥18,650,000</div>');
    expect(html).toContain('(E − N) / S，S = 期初活跃客户 1,204');
    // 32.5 is in the red band (below 51): light red fill.
    expect(html).toMatch(/<td class="r" style="background:#F8D7D7">32\.5<\/td>/);
    expect(html).toMatch(/<td class="r partial"[^>]*>60\.0%\*<\/td>/);
    expect(html).toContain('* 未完整周期');
  });

  it('English labels come from the catalogue', () => {
    const en = renderReportHtml(sampleModel('en'), { chartSvg: () => '' });
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('<h2>Contents</h2>');
    expect(en).toContain('Consultant&#39;s view');
  });

  it('header and footer templates escape the client and carry page X / Y', () => {
    const model = sampleModel();
    model.cover.client = 'A&B <公司>';
    const page = pdfPageOptions(model.cover);
    expect(page.headerTemplate).toContain('A&amp;B &lt;公司&gt;');
    expect(page.footerTemplate).toContain('第 <span class="pageNumber"></span> 页 / 共 <span class="totalPages"></span> 页');
    expect(page.footerTemplate).toContain('2025-06-30');
    expect(page.format).toBe('A4');
  });
});
