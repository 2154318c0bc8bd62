import { describe, expect, it } from 'vitest';
import { renderReportHtml } from '../../../electron/backend/reports/html';
import type { ReportModel, TableBlock } from '../../../shared/reports/model';
import { sampleModel } from '../../integration/reports/sample-model';
import { HEAD_ROWS, KEEP_WHOLE_ROWS, TAIL_ROWS, keepTableWhole, tableRowGroups } from '../../../electron/backend/reports/html-table-groups';

// The print row groups: every row in exactly one group, in order; the first HEAD_ROWS and last
// TAIL_ROWS rows unbreakable, so no page can hold only a table's last one to three rows.

describe('tableRowGroups', () => {
  it('covers every row once, in order, for any table length', () => {
    for (let n = 0; n <= 60; n++) {
      const groups = tableRowGroups(n);
      let next = 0;
      for (const g of groups) {
        expect(g.start).toBe(next);
        expect(g.end).toBeGreaterThan(g.start);
        next = g.end;
      }
      expect(next).toBe(n);
    }
  });

  it('keeps the first rows with the header and the last rows together', () => {
    const groups = tableRowGroups(40);
    expect(groups).toEqual([
      { start: 0, end: HEAD_ROWS, keep: true },
      { start: HEAD_ROWS, end: 40 - TAIL_ROWS, keep: false },
      { start: 40 - TAIL_ROWS, end: 40, keep: true },
    ]);
    // A break can only fall inside the middle group or between groups: a continued page holds at least TAIL_ROWS rows.
    expect(TAIL_ROWS).toBeGreaterThanOrEqual(4);
    // Eight rows: head and tail meet, no breakable middle.
    expect(tableRowGroups(HEAD_ROWS + TAIL_ROWS + 1)).toEqual([
      { start: 0, end: HEAD_ROWS, keep: true },
      { start: HEAD_ROWS, end: HEAD_ROWS + 1, keep: false },
      { start: HEAD_ROWS + 1, end: HEAD_ROWS + TAIL_ROWS + 1, keep: true },
    ]);
    expect(tableRowGroups(5)).toEqual([{ start: 0, end: 5, keep: true }]);
  });

  it('keeps short tables whole', () => {
    expect(keepTableWhole(KEEP_WHOLE_ROWS)).toBe(true);
    expect(keepTableWhole(KEEP_WHOLE_ROWS + 1)).toBe(false);
  });
});

describe('report HTML row groups', () => {
  it('a long table prints as a kept head group, a breakable middle and a kept tail, striped by row index; a short one is kept whole', () => {
    const model: ReportModel = sampleModel();
    const long: TableBlock = {
      kind: 'table',
      title: '长表',
      columns: [{ key: 'n', label: '序号', format: 'integer' }],
      rows: Array.from({ length: 30 }, (_, i) => [i + 1]),
    };
    const short: TableBlock = { ...long, title: '短表', rows: [[1], [2]] };
    model.sections[0]!.blocks.push(long, short);
    const html = renderReportHtml(model, { chartSvg: () => '' });
    const longHtml = html.slice(html.indexOf('长表'), html.indexOf('短表'));
    const bodies = [...longHtml.matchAll(/<tbody( class="keep")?>([\s\S]*?)<\/tbody>/g)].map((m) => ({
      keep: Boolean(m[1]),
      rows: (m[2]!.match(/<tr/g) ?? []).length,
    }));
    expect(bodies).toEqual([
      { keep: true, rows: HEAD_ROWS },
      { keep: false, rows: 30 - HEAD_ROWS - TAIL_ROWS },
      { keep: true, rows: TAIL_ROWS },
    ]);
    // Row 2, 4, … striped, across the group boundaries.
    expect((longHtml.match(/<tr class="alt">/g) ?? []).length).toBe(15);
    const shortStart = html.lastIndexOf('<div class="block', html.indexOf('短表'));
    expect(html.slice(shortStart, shortStart + 30)).toContain('<div class="block keep">');
    expect(html).toContain('table.data tbody.keep { break-inside: avoid;');
  });
});
