import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportExportResult } from '../../../../shared/reports/definition';
import { useWorkbench } from '../../app/context';
import { useJob } from '../../hooks/useJob';
import { downloadUrl } from '../reports/download';

/** The review pack: the report's churn-review section alone, as XLSX or PDF (the report's own export). */
export function ExportPack() {
  const { t } = useTranslation('voc');
  const wb = useWorkbench();
  const xlsx = useJob('report.exportXlsx');
  const pdf = useJob('report.exportPdf');
  const [done, setDone] = useState<ReportExportResult | null>(null);
  const run = async (kind: 'xlsx' | 'pdf') => {
    try {
      const saved = await wb.api['report.definition']({});
      const definition = {
        ...saved,
        language: wb.locale,
        sections: saved.sections.map((s) => ({ ...s, included: s.id === 'churnReview' })),
      };
      const out = await (kind === 'xlsx' ? xlsx.run({ definition }) : pdf.run({ definition }));
      if (out.ok) setDone(out.value);
      else if (!out.cancelled) wb.reportError(out.error);
    } catch (e) {
      wb.reportError(e);
    }
  };
  const busy = xlsx.running || pdf.running;
  return (
    <span className="voc-controls">
      <button className="btn" disabled={busy} onClick={() => run('xlsx')} data-testid="cr-export-xlsx">
        {t('review.export')} · XLSX
      </button>
      <button className="btn" disabled={busy} onClick={() => run('pdf')} data-testid="cr-export-pdf">
        PDF
      </button>
      {done && (
        <span className="small muted" data-testid="cr-exported">
          {done.downloadable ? <a href={downloadUrl(done.path)}>{done.path.split(/[\\/]/).pop()}</a> : done.path}
        </span>
      )}
    </span>
  );
}
