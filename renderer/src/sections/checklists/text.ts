import { useCallback } from 'react';
import type { BilingualText } from '../../../../shared/checklists/template-schema';
import type { Locale } from '../../../../shared/errors';
import { useWorkbench } from '../../app/context';

/** Template text in the UI language (templates carry both). */
export function bi(text: BilingualText | null | undefined, locale: Locale): string {
  if (!text) return '';
  return locale === 'zh-CN' ? text.zh : text.en;
}

export function useBi(): (text: BilingualText | null | undefined) => string {
  const { locale } = useWorkbench();
  return useCallback((text) => bi(text, locale), [locale]);
}

export function score1(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(1);
}

export function pct(n: number | null | undefined): string {
  return n === null || n === undefined ? '–' : `${Math.round(n)}%`;
}

/** Heat colour of a 0-100 score, from the stylesheet's red → yellow → green, soft enough for text on top. */
export function heat(score: number | null | undefined): string {
  if (score === null || score === undefined) return '#f3f5f8';
  if (score < 20) return '#f8d7d3';
  if (score < 40) return '#fbe3c4';
  if (score < 60) return '#fbf0c2';
  if (score < 80) return '#dcefd8';
  return '#bfe3c6';
}

/** Sub-routes of the section: #/e/checklists/<view>/<id>. */
export type ChecklistRoute =
  | { view: 'list' }
  | { view: 'answer'; id: number }
  | { view: 'results'; id: number }
  | { view: 'present'; id: number }
  | { view: 'matrix'; templateId: string | null }
  | { view: 'templates' }
  | { view: 'edit'; templateId: string };

export function parseRoute(route: string): ChecklistRoute {
  const [, , , view, arg] = route.split('/');
  const id = Number(arg);
  switch (view) {
    case 'answer':
    case 'results':
    case 'present':
      return Number.isInteger(id) && id > 0 ? { view, id } : { view: 'list' };
    case 'matrix':
      return { view: 'matrix', templateId: arg ? decodeURIComponent(arg) : null };
    case 'templates':
      return { view: 'templates' };
    case 'edit':
      return arg ? { view: 'edit', templateId: decodeURIComponent(arg) } : { view: 'templates' };
    default:
      return { view: 'list' };
  }
}

export function routeTo(r: ChecklistRoute): string {
  switch (r.view) {
    case 'list':
      return '/e/checklists';
    case 'answer':
    case 'results':
    case 'present':
      return `/e/checklists/${r.view}/${r.id}`;
    case 'matrix':
      return `/e/checklists/matrix${r.templateId ? `/${encodeURIComponent(r.templateId)}` : ''}`;
    case 'templates':
      return '/e/checklists/templates';
    case 'edit':
      return `/e/checklists/edit/${encodeURIComponent(r.templateId)}`;
  }
}
