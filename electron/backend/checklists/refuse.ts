import { WorkbenchError } from '../errors';
import { formatTemplateIssue, type ChecklistLocale, type TemplateIssue } from '../../../shared/checklists/template-issues';

/**
 * A template the app will not take: VALIDATION_FAILED whose detail lists every problem as
 * "file › path: what was expected", one per line, so the consultant can fix the file in one pass.
 */
export function templateRefused(issues: readonly TemplateIssue[], locale: ChecklistLocale): WorkbenchError {
  const detail = issues.map((issue) => formatTemplateIssue(issue, locale)).join('\n');
  return new WorkbenchError('VALIDATION_FAILED', { detail, count: issues.length });
}
