import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { callShell } from '../../api/client';
import { useWorkbench } from '../../app/context';

interface Props {
  busy: string | null;
  onPicked(path: string): void;
  onBusy(message: string | null): void;
}

const ACCEPT = '.csv,.tsv,.txt,.xlsx,.xls';

/** Drop zone and file chooser. Browser mode uploads the file and gets the server-side path; Electron uses the native dialog. */
export function FilePicker({ busy, onPicked, onBusy }: Props) {
  const { t } = useTranslation('import');
  const wb = useWorkbench();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [path, setPath] = useState('');
  const web = wb.transport.host === 'web';

  const useFile = async (file: File) => {
    try {
      if (wb.transport.upload) {
        onBusy(t('ui.uploading', { name: file.name }));
        onPicked(await wb.transport.upload(file));
        return;
      }
      // Electron: the preload resolves a dropped file's path on disk.
      const onDisk = wb.transport.pathForFile?.(file);
      if (onDisk) onPicked(onDisk);
    } catch (err) {
      onBusy(null);
      wb.reportError(err);
    }
  };

  const choose = async () => {
    if (web) {
      input.current?.click();
      return;
    }
    try {
      const chosen = await callShell(wb.transport, 'dialog.openDataFile', {});
      if (chosen) onPicked(chosen);
    } catch (err) {
      wb.reportError(err);
    }
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const file = e.dataTransfer.files[0];
    if (file) void useFile(file);
  };

  return (
    <div
      className={`imp-drop${over ? ' over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="import-drop"
    >
      <div className="imp-drop-icon">⇪</div>
      <div className="imp-drop-title">{t('ui.drop')}</div>
      <div className="muted small">CSV · TSV · TXT · XLSX</div>
      <div>
        <span className="muted">{t('ui.or')} </span>
        <button className="btn btn-primary" onClick={() => void choose()} disabled={busy !== null} data-testid="import-choose">
          {t('ui.choose')}
        </button>
      </div>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        hidden
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void useFile(file);
        }}
      />
      <form
        className="imp-path"
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) onPicked(path.trim());
        }}
      >
        <input
          value={path}
          onChange={(e) => setPath(e.target.value)}
          placeholder={t('ui.pathLabel')}
          aria-label={t('ui.pathLabel')}
          data-testid="import-path"
        />
        <button className="btn" type="submit" disabled={busy !== null || path.trim() === ''}>
          {t('ui.pathOpen')}
        </button>
      </form>
      {busy ? <div className="imp-busy">{busy}</div> : null}
    </div>
  );
}
