import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { ApiError, callShell } from '../../api/client';
import { Modal, Field } from '../../components/Modal';
import type { TemplateSummary } from '../../../../shared/checklists/wire';
import { routeTo, useBi } from './text';
import { useLoad } from './useLoad';

/** The problems of a refused template, one per line as the backend lists them; null for other errors. */
export function refusalLines(err: unknown): string[] | null {
  if (err instanceof ApiError && err.wire.code === 'VALIDATION_FAILED') return String(err.wire.params['detail'] ?? '').split('\n');
  return null;
}

export function RefusalPanel({ lines, onDismiss }: { lines: string[]; onDismiss: () => void }) {
  const { t } = useTranslation('checklists');
  return (
    <div className="cl-refusal" role="alert" data-testid="template-refusal">
      <div className="cl-refusal-head">
        <strong>{t('ui.refusedTitle', { n: lines.length })}</strong>
        <button className="btn btn-ghost" onClick={onDismiss}>
          ✕
        </button>
      </div>
      <ul>
        {lines.map((line, i) => (
          <li key={i} className="mono">
            {line}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function TemplatesView() {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const b = useBi();
  const { data, reload } = useLoad(() => wb.api['checklist.templates']({}), 'templates');
  const [refusal, setRefusal] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exporting, setExporting] = useState<TemplateSummary | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function importFrom(args: { path?: string; text?: string; fileName?: string }) {
    setRefusal(null);
    setNotice(null);
    try {
      const r = await wb.api['checklist.importTemplate']({ ...args, locale: wb.locale });
      setNotice(t(r.replaced ? 'ui.importReplaced' : 'ui.imported', { title: b(r.title), version: r.version }));
      await reload();
    } catch (err) {
      const lines = refusalLines(err);
      if (lines) setRefusal(lines);
      else wb.reportError(err);
    }
  }

  async function pickFile() {
    const picked = await callShell(wb.transport, 'dialog.openDataFile', {});
    if (picked === undefined) fileInput.current?.click();
    else if (picked !== null) await importFrom({ path: picked });
  }

  async function onFile(file: File | undefined) {
    if (!file) return;
    try {
      // Browser mode: the file goes to the local server, which reads it like any other path.
      const path = wb.transport.upload ? await wb.transport.upload(file) : null;
      if (path) await importFrom({ path, fileName: file.name });
      else await importFrom({ text: await file.text(), fileName: file.name });
    } catch (err) {
      wb.reportError(err);
    } finally {
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  async function copy(tpl: TemplateSummary) {
    try {
      const c = await wb.api['checklist.copyTemplate']({ id: tpl.id });
      wb.navigate(routeTo({ view: 'edit', templateId: c.id }));
    } catch (err) {
      wb.reportError(err);
    }
  }

  async function remove(tpl: TemplateSummary) {
    if (!window.confirm(t('ui.confirmDeleteTemplate', { title: b(tpl.title) }))) return;
    try {
      await wb.api['checklist.deleteTemplate']({ id: tpl.id });
      await reload();
    } catch (err) {
      wb.reportError(err);
    }
  }

  return (
    <div className="section-stack cl">
      <div className="card">
        <div className="card-header">
          <div>
            <h2>{t('ui.manageTemplates')}</h2>
            <p className="muted small cl-tight">{t('ui.templatesHelp')}</p>
          </div>
          <div className="cl-actions">
            <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'list' }))}>
              {t('ui.back')}
            </button>
            <button className="btn btn-primary" onClick={() => void pickFile()} data-testid="import-template">
              {t('ui.importTemplate')}
            </button>
            <input
              ref={fileInput}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="template-file"
              onChange={(e) => void onFile(e.target.files?.[0])}
            />
          </div>
        </div>
        {notice && (
          <p className="success" data-testid="template-notice">
            {notice}
          </p>
        )}
        {refusal && <RefusalPanel lines={refusal} onDismiss={() => setRefusal(null)} />}
        {!data ? (
          <p className="muted">{t('ui.loading')}</p>
        ) : (
          <table className="table" data-testid="template-list">
            <thead>
              <tr>
                <th>{t('ui.template')}</th>
                <th>{t('ui.templateId')}</th>
                <th>{t('ui.version')}</th>
                <th>{t('ui.origin.label')}</th>
                <th className="num">{t('ui.questions')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {data.map((tpl) => (
                <tr key={tpl.id}>
                  <td>
                    <div className="cl-strong">{b(tpl.title)}</div>
                    <div className="muted small">{b(tpl.description)}</div>
                  </td>
                  <td className="mono nowrap">{tpl.id}</td>
                  <td className="mono">{tpl.version}</td>
                  <td>
                    <span className={`badge${tpl.origin === 'builtin' ? '' : ' cl-badge-muted'}`}>{t(`ui.origin.${tpl.origin}`)}</span>
                    {tpl.basedOn && <div className="muted small">{t('ui.basedOn', { id: tpl.basedOn })}</div>}
                  </td>
                  <td className="num">{tpl.questionCount}</td>
                  <td className="nowrap">
                    <div className="cl-row-actions">
                      <button className="btn" onClick={() => void copy(tpl)} data-testid={`copy-${tpl.id}`}>
                        {t('ui.copyEdit')}
                      </button>
                      {tpl.editable && (
                        <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'edit', templateId: tpl.id }))}>
                          {t('ui.edit')}
                        </button>
                      )}
                      <button className="btn" onClick={() => setExporting(tpl)}>
                        {t('ui.export')}
                      </button>
                      {tpl.editable && (
                        <button className="btn btn-ghost btn-danger" onClick={() => void remove(tpl)}>
                          ✕
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {exporting && <ExportDialog template={exporting} onClose={() => setExporting(null)} />}
    </div>
  );
}

function ExportDialog({ template, onClose }: { template: TemplateSummary; onClose: () => void }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const dir = wb.app.defaultDir.replace(/[\\/]+$/, '');
  const [path, setPath] = useState(`${dir}/${template.id}-${template.version}.json`);
  const [done, setDone] = useState<string | null>(null);
  async function browse() {
    const picked = await callShell(wb.transport, 'dialog.saveFile', { suggestedName: `${template.id}.json`, kind: 'json' });
    if (picked) setPath(picked);
  }
  async function save() {
    try {
      const r = await wb.api['checklist.exportTemplate']({ id: template.id, path });
      setDone(r.path);
    } catch (err) {
      wb.reportError(err);
    }
  }
  return (
    <Modal
      title={t('ui.exportTitle')}
      onClose={onClose}
      footer={
        done ? (
          <button className="btn btn-primary" onClick={onClose}>
            {t('ui.done')}
          </button>
        ) : (
          <>
            <button className="btn" onClick={onClose}>
              {t('ui.cancel')}
            </button>
            <button className="btn btn-primary" onClick={() => void save()}>
              {t('ui.export')}
            </button>
          </>
        )
      }
    >
      {done ? (
        <p className="success">{t('ui.exported', { path: done })}</p>
      ) : (
        <Field label={t('ui.exportPath')}>
          <div className="input-with-button">
            <input value={path} onChange={(e) => setPath(e.target.value)} />
            {wb.transport.shell && (
              <button className="btn" onClick={() => void browse()}>
                …
              </button>
            )}
          </div>
        </Field>
      )}
    </Modal>
  );
}
