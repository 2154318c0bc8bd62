import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedView, ViewSection, ViewState } from '../../../shared/views/saved-view';
import { ApiError } from '../api/client';
import { useWorkbench } from './context';
import './saved-views.css';

interface Registration {
  get(): ViewState;
  apply(state: ViewState): void;
}

interface SavedViewsApi {
  views: SavedView[];
  /** The section on screen that can save its view now (null: it has not opted in). */
  current: ViewSection | null;
  register(section: ViewSection, r: Registration): () => void;
  /** A view waiting for its section to mount (reopened from the sidebar). */
  takePending(section: ViewSection): ViewState | null;
  open(view: SavedView): void;
  saveCurrent(name: string, replace?: boolean): Promise<SavedView>;
  rename(id: number, name: string): Promise<void>;
  remove(id: number): Promise<void>;
}

const SavedViewsContext = createContext<SavedViewsApi | null>(null);

export function useSavedViews(): SavedViewsApi {
  const ctx = useContext(SavedViewsContext);
  if (!ctx) throw new Error('useSavedViews outside SavedViewsProvider');
  return ctx;
}

/**
 * A section opts into saved views with this hook: `get` returns its view state (filters, sort,
 * columns, run, parameters: a JSON object), `apply` puts a saved state back on screen. A view
 * reopened from the sidebar while another section is showing is applied when this one mounts.
 */
export function useSavedView(section: ViewSection, get: () => ViewState, apply: (state: ViewState) => void, ready = true): void {
  const ctx = useContext(SavedViewsContext);
  const getRef = useRef(get);
  const applyRef = useRef(apply);
  getRef.current = get;
  applyRef.current = apply;
  useEffect(() => {
    if (!ctx || !ready) return;
    const off = ctx.register(section, { get: () => getRef.current(), apply: (s) => applyRef.current(s) });
    const pending = ctx.takePending(section);
    if (pending) applyRef.current(pending);
    return off;
    // ctx changes whenever the list of views does; registering again is cheap and keeps it current.
  }, [ctx, section, ready]);
}

export function SavedViewsProvider({ children }: { children: ReactNode }) {
  const wb = useWorkbench();
  const [views, setViews] = useState<SavedView[]>([]);
  const registrations = useRef(new Map<ViewSection, Registration>());
  const pending = useRef<{ section: ViewSection; state: ViewState } | null>(null);
  const [current, setCurrent] = useState<ViewSection | null>(null);
  const activeSection = wb.route.split('/')[2] ?? 'overview';

  const reload = useCallback(async () => setViews(await wb.api['views.list']({})), [wb.api]);
  useEffect(() => {
    reload().catch(wb.reportError);
  }, [reload, wb.reportError, wb.workspace?.path]);

  const register = useCallback((section: ViewSection, r: Registration) => {
    registrations.current.set(section, r);
    setCurrent(section);
    return () => {
      if (registrations.current.get(section) === r) registrations.current.delete(section);
      setCurrent((c) => (c === section ? null : c));
    };
  }, []);

  const takePending = useCallback((section: ViewSection) => {
    const p = pending.current;
    if (!p || p.section !== section) return null;
    pending.current = null;
    return p.state;
  }, []);

  const open = useCallback(
    (view: SavedView) => {
      // A view may name a tab of its section (the health lists): it is applied in place only when
      // that very page is showing, else after navigating there, when the page registers.
      const route = `/e/${view.section}${typeof view.state.tab === 'string' ? `/${view.state.tab}` : ''}`;
      const reg = registrations.current.get(view.section);
      if (reg && (wb.route === route || wb.route.startsWith(`${route}/`) || (route === `/e/${view.section}` && activeSection === view.section))) {
        reg.apply(view.state);
        return;
      }
      pending.current = { section: view.section, state: view.state };
      wb.navigate(route);
    },
    [activeSection, wb],
  );

  const saveCurrent = useCallback(
    async (name: string, replace = false) => {
      const section = current;
      const reg = section ? registrations.current.get(section) : undefined;
      if (!section || !reg) throw new Error('this section keeps no views');
      const saved = await wb.api['views.save']({ section, name, state: reg.get(), replace });
      await reload();
      return saved;
    },
    [current, reload, wb.api],
  );

  const rename = useCallback(
    async (id: number, name: string) => {
      await wb.api['views.rename']({ id, name });
      await reload();
    },
    [reload, wb.api],
  );
  const remove = useCallback(
    async (id: number) => {
      await wb.api['views.delete']({ id });
      await reload();
    },
    [reload, wb.api],
  );

  const api = useMemo<SavedViewsApi>(
    () => ({ views, current: current === activeSection ? current : null, register, takePending, open, saveCurrent, rename, remove }),
    [views, current, activeSection, register, takePending, open, saveCurrent, rename, remove],
  );
  return <SavedViewsContext.Provider value={api}>{children}</SavedViewsContext.Provider>;
}

const SECTION_ICON: Record<ViewSection, string> = { diagnostics: '▤', health: '♥', import: '⇪', churn: '◢', checklists: '☑' };

/** The sidebar's saved views: one click reopens one; save the current section's view; rename, delete. */
export function SavedViewsPanel() {
  const { t } = useTranslation('workbench');
  const wb = useWorkbench();
  const sv = useSavedViews();
  const [naming, setNaming] = useState<{ id: number | null; name: string } | null>(null);

  const submit = async () => {
    if (!naming) return;
    const name = naming.name.trim();
    if (!name) return;
    try {
      if (naming.id === null) {
        try {
          await sv.saveCurrent(name);
        } catch (err) {
          if (err instanceof ApiError && err.wire.code === 'SAVED_VIEW_NAME_TAKEN' && window.confirm(t('views.replaceConfirm', { name })))
            await sv.saveCurrent(name, true);
          else throw err;
        }
      } else await sv.rename(naming.id, name);
      setNaming(null);
    } catch (err) {
      wb.reportError(err);
    }
  };

  return (
    <div className="saved-views" data-testid="saved-views">
      <div className="saved-views-head">
        <span>{t('views.title')}</span>
        <button
          type="button"
          className="saved-views-add"
          disabled={sv.current === null}
          title={sv.current === null ? t('views.cannotSave') : t('views.saveHint')}
          onClick={() => setNaming({ id: null, name: '' })}
          data-testid="view-save"
        >
          ＋ {t('views.save')}
        </button>
      </div>
      {naming ? (
        <form
          className="saved-views-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <input
            autoFocus
            value={naming.name}
            maxLength={80}
            placeholder={t('views.namePlaceholder')}
            onChange={(e) => setNaming({ ...naming, name: e.target.value })}
            onKeyDown={(e) => e.key === 'Escape' && setNaming(null)}
            data-testid="view-name"
          />
          <button type="submit" data-testid="view-name-ok">
            ✓
          </button>
          <button type="button" onClick={() => setNaming(null)} aria-label={t('views.cancel')}>
            ✕
          </button>
        </form>
      ) : null}
      {sv.views.length === 0 && !naming ? <p className="saved-views-empty">{t('views.empty')}</p> : null}
      <ul>
        {sv.views.map((v) => (
          <li key={v.id} className="saved-view" data-testid="saved-view">
            <button
              type="button"
              className="saved-view-open"
              title={t('views.openHint', { name: v.name })}
              onClick={() => sv.open(v)}
              data-testid={`saved-view-open-${v.id}`}
            >
              <span className="nav-icon" aria-hidden>
                {SECTION_ICON[v.section]}
              </span>
              <span className="saved-view-name">{v.name}</span>
            </button>
            <span className="saved-view-tools">
              <button type="button" title={t('views.rename')} aria-label={t('views.rename')} onClick={() => setNaming({ id: v.id, name: v.name })}>
                ✎
              </button>
              <button
                type="button"
                title={t('views.delete')}
                aria-label={t('views.delete')}
                onClick={() => window.confirm(t('views.deleteConfirm', { name: v.name })) && void sv.remove(v.id).catch(wb.reportError)}
                data-testid={`saved-view-delete-${v.id}`}
              >
                ✕
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
