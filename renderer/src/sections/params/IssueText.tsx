import { useTranslation } from 'react-i18next';
import type { ParamIssue } from '../../../../shared/params/validate';

/** The issues of one field or row, in the user's language; errors in red, warnings in amber. */
export function IssueText({ issues, scale = 1 }: { issues: readonly ParamIssue[]; scale?: number }) {
  const { t } = useTranslation('params');
  if (issues.length === 0) return null;
  return (
    <>
      {issues.map((i, k) => {
        // A share typed as a percentage states its range in percent too.
        const params = i.code === 'range' && i.params ? { ...i.params, min: Number(i.params.min) * scale, max: Number(i.params.max) * scale } : i.params;
        return (
          <span key={k} className={`field-help pm-issue ${i.level === 'error' ? 'pm-error' : 'warn'}`} data-testid={`params-issue-${i.path}`}>
            {t(`ui.issues.${i.code}`, params ?? {})}
          </span>
        );
      })}
    </>
  );
}
