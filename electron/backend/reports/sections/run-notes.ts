import { windowStatement, type DiagnosticRunResult } from '../../../../shared/analytics';
import type { ReportBlock } from '../../../../shared/reports/model';
import type { SectionContext } from './context';

// What a reader must know before quoting a diagnostic run's retention: the activity window and its
// basis, and the run's notices about the edges of the data (left-censored periods, an as-of date
// outside the data, tenure rules the history is too short to judge). The dashboard shows the same.

export function runNoteBlocks(ctx: SectionContext, r: DiagnosticRunResult): ReportBlock[] {
  const int = (n: number) => new Intl.NumberFormat(ctx.locale).format(n);
  const w = windowStatement(r.window, int);
  const blocks: ReportBlock[] = [{ kind: 'paragraph', text: ctx.t(w.key, w.params) }];
  if (r.notices.length > 0) {
    blocks.push({
      kind: 'bullets',
      items: r.notices.map((n) =>
        ctx.t(`analytics:notices.${n.code}`, Object.fromEntries(Object.entries(n.params).map(([k, v]) => [k, typeof v === 'number' ? int(v) : v]))),
      ),
    });
  }
  return blocks;
}
