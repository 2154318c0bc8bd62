import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { Field } from '../../components/Modal';
import type { BilingualText, ChecklistTemplate } from '../../../../shared/checklists/template-schema';
import { RefusalPanel, refusalLines } from './TemplatesView';
import { routeTo, useBi } from './text';
import { useLoad } from './useLoad';

/**
 * The basic edits a consultant makes to a copied template: titles, version, target stage and the
 * weights of sections and questions. Anything deeper is done in the JSON file (export, edit, import).
 */
export function TemplateEditor({ templateId }: { templateId: string }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const b = useBi();
  const { data } = useLoad(() => wb.api['checklist.template']({ id: templateId }), templateId);
  const [draft, setDraft] = useState<ChecklistTemplate | null>(null);
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (data) setDraft(structuredClone(data.template));
  }, [data]);
  if (!data || !draft) return <p className="muted">{t('ui.loading')}</p>;
  if (!data.summary.editable) {
    return (
      <div className="card">
        <p className="muted">{t('ui.builtinReadOnly')}</p>
      </div>
    );
  }
  const update = (fn: (d: ChecklistTemplate) => void) => {
    const next = structuredClone(draft);
    fn(next);
    setDraft(next);
    setSaved(false);
  };
  const textFields = (label: string, value: BilingualText, set: (v: BilingualText) => void, multiline = false) => (
    <div className="form-row">
      <Field label={`${label}（中文）`}>
        {multiline ? (
          <textarea rows={3} value={value.zh} onChange={(e) => set({ ...value, zh: e.target.value })} />
        ) : (
          <input value={value.zh} onChange={(e) => set({ ...value, zh: e.target.value })} />
        )}
      </Field>
      <Field label={`${label} (English)`}>
        {multiline ? (
          <textarea rows={3} value={value.en} onChange={(e) => set({ ...value, en: e.target.value })} />
        ) : (
          <input value={value.en} onChange={(e) => set({ ...value, en: e.target.value })} />
        )}
      </Field>
    </div>
  );
  async function save() {
    setRefusal(null);
    try {
      await wb.api['checklist.saveTemplate']({ template: draft, locale: wb.locale });
      setSaved(true);
    } catch (err) {
      const lines = refusalLines(err);
      if (lines) setRefusal(lines);
      else wb.reportError(err);
    }
  }
  return (
    <div className="section-stack cl">
      <div className="card">
        <div className="card-header">
          <div>
            <h2>{t('ui.editTemplate')}</h2>
            <p className="muted small cl-tight mono">{draft.id}</p>
          </div>
          <div className="cl-actions">
            {saved && <span className="success">✓ {t('ui.saved')}</span>}
            <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'templates' }))}>
              {t('ui.back')}
            </button>
            <button className="btn btn-primary" onClick={() => void save()} data-testid="save-template">
              {t('ui.save')}
            </button>
          </div>
        </div>
        {refusal && <RefusalPanel lines={refusal} onDismiss={() => setRefusal(null)} />}
        <div className="form-grid">
          {textFields(t('ui.title'), draft.title, (v) => update((d) => void (d.title = v)))}
          {textFields(t('ui.description'), draft.description, (v) => update((d) => void (d.description = v)), true)}
          <div className="form-row">
            <Field label={t('ui.version')} help={t('ui.versionHelp')}>
              <input value={draft.version} onChange={(e) => update((d) => void (d.version = e.target.value))} />
            </Field>
            <Field label={t('ui.targetStage')}>
              <select
                value={draft.targetStage ?? ''}
                onChange={(e) =>
                  update((d) => {
                    if (e.target.value) d.targetStage = e.target.value;
                    else delete d.targetStage;
                  })
                }
              >
                <option value="">{t('ui.targetFull')}</option>
                {draft.stages.map((s) => (
                  <option key={s.id} value={s.id}>
                    {b(s.label)} (≥ {s.min})
                  </option>
                ))}
              </select>
            </Field>
          </div>
        </div>
      </div>
      {draft.sections.map((section, s) => (
        <div className="card" key={section.id}>
          <div className="cl-edit-section-head">
            <h2>
              {s + 1}. {b(section.title)}
            </h2>
            <label className="cl-weight">
              {t('ui.weight')}
              <input
                type="number"
                min={0}
                step="any"
                value={section.weight}
                onChange={(e) => update((d) => void (d.sections[s]!.weight = Number(e.target.value)))}
              />
            </label>
          </div>
          {textFields(t('ui.sectionTitle'), section.title, (v) => update((d) => void (d.sections[s]!.title = v)))}
          <table className="table cl-edit-questions">
            <tbody>
              {section.questions.map((q, i) => (
                <tr key={q.id}>
                  <td className="mono muted small">{q.id}</td>
                  <td>
                    {b(q.text)}
                    <div className="muted small">{t(`kind.${q.kind}`)}</div>
                  </td>
                  <td className="num">
                    {q.kind !== 'text' && (
                      <input
                        className="cl-weight-input"
                        type="number"
                        min={0}
                        step="any"
                        value={q.weight}
                        aria-label={t('ui.weight')}
                        onChange={(e) =>
                          update((d) => {
                            const target = d.sections[s]!.questions[i]!;
                            if (target.kind !== 'text') target.weight = Number(e.target.value);
                          })
                        }
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
