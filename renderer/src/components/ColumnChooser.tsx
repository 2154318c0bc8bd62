import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import './export-table.css';

interface Props {
  columns: readonly { id: string; label: string }[];
  hidden: readonly string[];
  onChange(hidden: string[]): void;
  testId?: string;
}

/** Which columns a table shows: a checkbox per column (at least one stays). Exports and saved views follow it. */
export function ColumnChooser({ columns, hidden, onChange, testId = 'columns' }: Props) {
  const { t } = useTranslation('workbench');
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement | null>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (box.current && !box.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);
  const shown = columns.length - hidden.length;
  return (
    <div className="export-table" ref={box}>
      <button type="button" className="btn btn-small" aria-expanded={open} onClick={() => setOpen((o) => !o)} data-testid={`${testId}-button`}>
        {t('columns.button', { shown, total: columns.length })} ▾
      </button>
      {open ? (
        <div className="export-table-menu column-menu" role="menu">
          {columns.map((c) => {
            const on = !hidden.includes(c.id);
            return (
              <label key={c.id} className="column-option">
                <input
                  type="checkbox"
                  checked={on}
                  disabled={on && shown === 1}
                  onChange={() => onChange(on ? [...hidden, c.id] : hidden.filter((h) => h !== c.id))}
                  data-testid={`${testId}-${c.id}`}
                />
                {c.label}
              </label>
            );
          })}
        </div>
      ) : null}
    </div>
  );
}
