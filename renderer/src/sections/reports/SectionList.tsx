import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportDefinition, ReportSectionChoice, ReportSectionSource } from '../../../../shared/reports/definition';

interface Props {
  definition: ReportDefinition;
  sources: readonly ReportSectionSource[];
  onChange(next: ReportDefinition): void;
}

/** The sections with include boxes, up/down order (and drag and drop), and the consultant's text per section. */
export function SectionList({ definition, sources, onChange }: Props) {
  const { t } = useTranslation('reports');
  const [open, setOpen] = useState<string | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const sections = definition.sections;
  const set = (next: ReportSectionChoice[]) => onChange({ ...definition, sections: next });
  const update = (i: number, patch: Partial<ReportSectionChoice>) => set(sections.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (from: number, to: number) => {
    if (to < 0 || to >= sections.length || from === to) return;
    const next = [...sections];
    const [item] = next.splice(from, 1);
    if (item) next.splice(to, 0, item);
    set(next);
  };
  return (
    <ol className="rp-sections" data-testid="report-sections">
      {sections.map((s, i) => {
        const src = sources.find((x) => x.id === s.id);
        const expanded = open === s.id;
        return (
          <li
            key={s.id}
            className={`rp-section${s.included ? '' : ' excluded'}${dragging === i ? ' dragging' : ''}`}
            draggable
            onDragStart={() => setDragging(i)}
            onDragOver={(e) => e.preventDefault()}
            onDrop={() => {
              if (dragging !== null) move(dragging, i);
              setDragging(null);
            }}
            onDragEnd={() => setDragging(null)}
            data-testid={`report-section-${s.id}`}
          >
            <div className="rp-section-row">
              <span className="rp-grip" aria-hidden="true">
                ⋮⋮
              </span>
              <label className="rp-include">
                <input type="checkbox" checked={s.included} onChange={(e) => update(i, { included: e.target.checked })} aria-label={t('ui.include')} />
                <span className="rp-num">{i + 1}</span>
                <span className="rp-title" title={t(`sections.${s.id}`)}>
                  {t(`sections.${s.id}`)}
                </span>
              </label>
              {s.included && src ? (
                <span className={`rp-status ${src.status}`} title={src.source ?? ''}>
                  {t(`ui.status.${src.status}`)}
                </span>
              ) : null}
              <span className="rp-row-actions">
                <button
                  className={`btn btn-ghost rp-icon${s.text.trim() !== '' ? ' rp-has-text' : ''}${expanded ? ' active' : ''}`}
                  onClick={() => setOpen(expanded ? null : s.id)}
                  title={expanded ? t('ui.hideText') : s.text.trim() !== '' ? `${t('ui.hasText')}: ${s.text.slice(0, 80)}` : t('ui.editText')}
                  aria-label={expanded ? t('ui.hideText') : t('ui.editText')}
                  aria-expanded={expanded}
                  data-testid={`report-text-toggle-${s.id}`}
                >
                  ✎
                </button>
                <button className="btn btn-ghost rp-icon" onClick={() => move(i, i - 1)} disabled={i === 0} aria-label={t('ui.moveUp')} title={t('ui.moveUp')}>
                  ↑
                </button>
                <button
                  className="btn btn-ghost rp-icon"
                  onClick={() => move(i, i + 1)}
                  disabled={i === sections.length - 1}
                  aria-label={t('ui.moveDown')}
                  title={t('ui.moveDown')}
                  data-testid={`report-down-${s.id}`}
                >
                  ↓
                </button>
              </span>
            </div>
            {expanded ? (
              <label className="field rp-text">
                <span className="field-help">{t('ui.textLabel')}</span>
                <textarea
                  rows={5}
                  value={s.text}
                  placeholder={t('ui.textPlaceholder')}
                  onChange={(e) => update(i, { text: e.target.value })}
                  data-testid={`report-text-${s.id}`}
                />
              </label>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
