import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentWorkspace } from '../../../shared/contract/documents';
import { useWorkbench } from '../app/context';
import { formatBytes, formatDateTime } from '../format';
import './documents-picker.css';

/**
 * Browser mode's file picker: the workspaces in the documents folder, newest first. A click picks
 * one (the path field below shows it), a double click opens it. The typed path stays for the rest.
 */
export function DocumentsPicker({ selected, onPick, onOpen }: { selected: string; onPick(path: string): void; onOpen(path: string): void }) {
  const { t } = useTranslation('workbench');
  const wb = useWorkbench();
  const [list, setList] = useState<{ folder: string; workspaces: DocumentWorkspace[] } | null>(null);
  useEffect(() => {
    wb.api['documents.workspaces']({}).then(setList, wb.reportError);
  }, [wb.api, wb.reportError]);
  if (!list) return <p className="muted small">{t('picker.loading')}</p>;
  return (
    <div className="docs-picker" data-testid="documents-picker">
      <div className="muted small">{t('picker.folder', { folder: list.folder })}</div>
      {list.workspaces.length === 0 ? (
        <p className="muted small">{t('picker.empty')}</p>
      ) : (
        <ul role="listbox" aria-label={t('picker.title')}>
          {list.workspaces.map((w) => (
            <li key={w.path}>
              <button
                type="button"
                role="option"
                aria-selected={selected === w.path}
                className={selected === w.path ? 'selected' : ''}
                onClick={() => onPick(w.path)}
                onDoubleClick={() => onOpen(w.path)}
                title={w.path}
                data-testid="documents-picker-item"
              >
                <span className="docs-picker-name">
                  {w.clientName ? <strong>{w.clientName}</strong> : null}
                  <span className={w.clientName ? 'muted small mono' : 'mono'}>{w.name}</span>
                </span>
                <span className="muted small">
                  {formatBytes(w.bytes)} · {formatDateTime(w.modifiedAt, wb.locale)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
