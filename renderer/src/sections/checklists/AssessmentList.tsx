import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { Field } from '../../components/Modal';
import { formatDateTime } from '../../format';
import type { AssessmentSummary, TemplateSummary } from '../../../../shared/checklists/wire';
import { pct, routeTo, score1, useBi } from './text';
import { useLoad } from './useLoad';

export function AssessmentList() {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const bi = useBi();
  const { data, reload } = useLoad(async () => {
    const [assessments, templates] = await Promise.all([wb.api['checklist.list']({}), wb.api['checklist.templates']({})]);
    return { assessments, templates };
  }, 'list');
  const [starting, setStarting] = useState<TemplateSummary | null>(null);
  if (!data) return <p className="muted">{t('ui.loading')}</p>;
  const perSubject = data.templates.filter((tpl) => tpl.subjectLabel !== null);

  return (
    <div className="section-stack cl">
      <div className="card">
        <div className="card-header">
          <div>
            <h2>{t('ui.startTitle')}</h2>
            <p className="muted small cl-tight">{t('ui.startHelp')}</p>
          </div>
          <div className="cl-actions">
            {perSubject.length > 0 && (
              <button className="btn" data-testid="open-matrix" onClick={() => wb.navigate(routeTo({ view: 'matrix', templateId: perSubject[0]!.id }))}>
                {t('ui.matrix')}
              </button>
            )}
            <button className="btn" data-testid="open-templates" onClick={() => wb.navigate(routeTo({ view: 'templates' }))}>
              {t('ui.manageTemplates')}
            </button>
          </div>
        </div>
        <div className="cl-template-grid">
          {data.templates.map((tpl) => (
            <button
              key={tpl.id}
              className={`cl-template-card${starting?.id === tpl.id ? ' selected' : ''}`}
              data-testid={`start-${tpl.id}`}
              onClick={() => setStarting(tpl)}
            >
              <span className="cl-template-title">{bi(tpl.title)}</span>
              <span className="cl-template-desc">{bi(tpl.description)}</span>
              <span className="cl-template-meta">
                {t('ui.sectionsQuestions', { sections: tpl.sectionCount, questions: tpl.questionCount })}
                {tpl.subjectLabel && <span className="badge">{t('ui.perSubject', { label: bi(tpl.subjectLabel) })}</span>}
                {tpl.origin !== 'builtin' && <span className="badge cl-badge-muted">{t(`ui.origin.${tpl.origin}`)}</span>}
              </span>
            </button>
          ))}
        </div>
        {starting && <StartForm template={starting} onCancel={() => setStarting(null)} onStarted={(id) => wb.navigate(routeTo({ view: 'answer', id }))} />}
      </div>

      <div className="card">
        <div className="card-header">
          <h2>{t('ui.assessments')}</h2>
        </div>
        {data.assessments.length === 0 ? (
          <p className="muted" data-testid="no-assessments">
            {t('ui.noAssessments')}
          </p>
        ) : (
          <table className="table" data-testid="assessment-list">
            <thead>
              <tr>
                <th>{t('ui.title')}</th>
                <th>{t('ui.template')}</th>
                <th>{t('result.respondents')}</th>
                <th className="num">{t('result.completion')}</th>
                <th className="num">{t('result.score')}</th>
                <th>{t('result.stage')}</th>
                <th>{t('ui.status')}</th>
                <th>{t('ui.updated')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.assessments.map((a) => (
                <Row key={a.id} a={a} onChanged={reload} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}

function Row({ a, onChanged }: { a: AssessmentSummary; onChanged: () => Promise<void> }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const bi = useBi();
  async function remove() {
    if (!window.confirm(t('ui.confirmDelete', { title: a.title }))) return;
    try {
      await wb.api['checklist.delete']({ id: a.id });
      await onChanged();
    } catch (err) {
      wb.reportError(err);
    }
  }
  return (
    <tr data-testid={`assessment-${a.id}`}>
      <td>
        <button className="cl-link" onClick={() => wb.navigate(routeTo({ view: 'results', id: a.id }))}>
          {a.title}
        </button>
        {a.subject && <div className="muted small">{a.subject}</div>}
      </td>
      <td className="small">
        {bi(a.templateTitle)} <span className="muted mono">v{a.templateVersion}</span>
      </td>
      <td className="small">{a.respondents.map((r) => r.name).join('、')}</td>
      <td className="num">{pct(a.completion)}</td>
      <td className="num">{score1(a.score)}</td>
      <td>{a.stage ? <span className={`cl-stage cl-stage-${a.stage.level}`}>{bi(a.stage.label)}</span> : <span className="muted">–</span>}</td>
      <td className="nowrap">
        <span className={`badge ${a.status === 'complete' ? 'cl-badge-done' : 'cl-badge-muted'}`}>{t(`ui.statusName.${a.status}`)}</span>
      </td>
      <td className="small muted nowrap">{formatDateTime(a.updatedAt, wb.locale)}</td>
      <td className="nowrap">
        <div className="cl-row-actions">
          <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'answer', id: a.id }))}>
            {t('ui.answer')}
          </button>
          <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'results', id: a.id }))}>
            {t('ui.results')}
          </button>
          <button className="btn btn-ghost btn-danger" onClick={remove} title={t('ui.delete')}>
            ✕
          </button>
        </div>
      </td>
    </tr>
  );
}

function StartForm({ template, onCancel, onStarted }: { template: TemplateSummary; onCancel: () => void; onStarted: (id: number) => void }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const bi = useBi();
  const [title, setTitle] = useState('');
  const [subject, setSubject] = useState('');
  const [names, setNames] = useState<string[]>(['', '']);
  const [busy, setBusy] = useState(false);
  const respondents = names.map((n) => n.trim()).filter((n) => n !== '');
  const needsSubject = template.subjectLabel !== null;
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (respondents.length === 0 || (needsSubject && subject.trim() === '')) return;
    setBusy(true);
    try {
      const started = await wb.api['checklist.start']({
        templateId: template.id,
        respondents,
        locale: wb.locale,
        ...(title.trim() ? { title: title.trim() } : {}),
        ...(needsSubject ? { subject: subject.trim() } : {}),
      });
      onStarted(started.summary.id);
    } catch (err) {
      wb.reportError(err);
      setBusy(false);
    }
  }
  return (
    <form className="cl-start-form form-grid" onSubmit={submit} data-testid="start-form">
      <h3>{t('ui.startFrom', { title: bi(template.title) })}</h3>
      <div className="form-row">
        <Field label={t('ui.title')} help={t('ui.titleHelp')}>
          <input name="title" value={title} onChange={(e) => setTitle(e.target.value)} placeholder={bi(template.title)} />
        </Field>
        {needsSubject && (
          <Field label={bi(template.subjectLabel)} help={t('ui.subjectHelp')}>
            <input name="subject" required value={subject} onChange={(e) => setSubject(e.target.value)} />
          </Field>
        )}
      </div>
      <div className="field">
        <span className="field-label">{t('result.respondents')}</span>
        <span className="field-help">{t('ui.respondentsHelp')}</span>
        <div className="cl-respondent-inputs">
          {names.map((name, i) => (
            <input
              key={i}
              name={`respondent-${i}`}
              value={name}
              placeholder={t('ui.respondentPlaceholder', { n: i + 1 })}
              onChange={(e) => setNames(names.map((n, j) => (j === i ? e.target.value : n)))}
            />
          ))}
          <button type="button" className="btn" onClick={() => setNames([...names, ''])}>
            ＋ {t('ui.addRespondent')}
          </button>
        </div>
      </div>
      <div className="cl-actions">
        <button className="btn btn-primary" type="submit" disabled={busy || respondents.length === 0} data-testid="start-assessment">
          {t('ui.start')}
        </button>
        <button className="btn" type="button" onClick={onCancel}>
          {t('ui.cancel')}
        </button>
      </div>
    </form>
  );
}
