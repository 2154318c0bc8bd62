import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../components/Modal';
import { sections } from '../sections/registry';
import { useWorkbench } from './context';

// Keyboard shortcuts for the frequent moves. They act only when no field has the focus (typing a
// "1" in a search box must not switch sections), and never with Ctrl, Alt or Meta (the browser's
// and the OS's own shortcuts stay theirs).

/** The run buttons of the sections, in the order tried: the one on screen is pressed. */
const RUN_BUTTONS = [
  '[data-shortcut="run"]',
  '[data-testid="diag-run"]',
  '[data-testid="health-run"]',
  '[data-testid="churn-fit-run"]',
  '[data-testid="clv-fit-run"]',
];
/** The customer search fields: the one on screen gets the focus, else the diagnostics table's. */
const SEARCH_FIELDS = ['[data-shortcut="search"]', '[data-testid="diag-search"]', 'input.table-search', 'input[type="search"]'];

function visible(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.offsetParent !== null && !(el as HTMLButtonElement).disabled;
}

function first(selectors: readonly string[]): HTMLElement | null {
  for (const s of selectors) for (const el of document.querySelectorAll(s)) if (visible(el)) return el;
  return null;
}

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export const SHORTCUTS = [
  { keys: ['1', '…', '9'], action: 'section' },
  { keys: ['/'], action: 'search' },
  { keys: ['r'], action: 'run' },
  { keys: ['e'], action: 'export' },
  { keys: ['s'], action: 'saveView' },
  { keys: ['?'], action: 'help' },
  { keys: ['Esc'], action: 'escape' },
] as const;

/** Listens for the shortcuts on the engagement page; returns whether the help panel is open. */
export function useShortcuts(): { help: boolean; setHelp(open: boolean): void } {
  const wb = useWorkbench();
  const [help, setHelp] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || typing(e.target)) return;
      // A dialog or the customer card has the page: only Esc (handled by them) applies.
      if (document.querySelector('.modal-backdrop, .card-drawer-backdrop') && e.key !== '?') return;
      const n = Number(e.key);
      if (Number.isInteger(n) && n >= 1 && n <= 9 && sections[n - 1]) {
        wb.navigate(`/e/${sections[n - 1]!.id}`);
      } else if (e.key === '?') {
        setHelp((h) => !h);
      } else if (e.key === '/') {
        const field = first(SEARCH_FIELDS);
        if (field) field.focus();
        else {
          // No search on this page: the diagnostics customer table's, once it is drawn.
          wb.navigate('/e/diagnostics');
          let tries = 0;
          const wait = setInterval(() => {
            const f = first(SEARCH_FIELDS);
            if (f || ++tries > 50) clearInterval(wait);
            if (f) {
              f.scrollIntoView({ block: 'center' });
              f.focus();
            }
          }, 100);
        }
      } else if (e.key === 'r') {
        first(RUN_BUTTONS)?.click();
      } else if (e.key === 'e') {
        const button = first(['[data-export-table] > button']);
        if (button) {
          button.scrollIntoView({ block: 'center' });
          button.click();
        }
      } else if (e.key === 's') {
        first(['[data-testid="view-save"]'])?.click();
      } else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [wb]);
  return { help, setHelp };
}

export function ShortcutHelp({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('workbench');
  const { t: tc } = useTranslation();
  return (
    <Modal
      title={t('shortcuts.title')}
      onClose={onClose}
      footer={
        <button className="btn btn-primary" onClick={onClose} data-testid="shortcuts-close">
          {t('shortcuts.close')}
        </button>
      }
    >
      <table className="table compact shortcut-table" data-testid="shortcuts-help">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.action}>
              <td className="nowrap">{s.keys.map((k) => (k === '…' ? ' … ' : <kbd key={k}>{k}</kbd>))}</td>
              <td>{t(`shortcuts.${s.action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {t('shortcuts.sections', {
          list: sections
            .slice(0, 9)
            .map((s, i) => `${i + 1} ${tc(s.labelKey)}`)
            .join(' · '),
        })}
      </p>
      <p className="muted small">{t('shortcuts.note')}</p>
    </Modal>
  );
}
