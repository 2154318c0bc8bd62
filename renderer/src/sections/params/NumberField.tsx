import type { ParamIssue } from '../../../../shared/params/validate';
import { IssueText } from './IssueText';

interface Props {
  label: string;
  value: number | null;
  /** The value is a share stored as 0..1 and typed in percent (scale 100). */
  scale?: number;
  /** An empty input means "not used" (null). */
  nullable?: boolean;
  issues: readonly ParamIssue[];
  testId: string;
  onChange: (v: number | null) => void;
}

/** A rule number with its label and, below it, what is wrong with it. */
export function NumberField({ label, value, scale = 1, nullable = false, issues, testId, onChange }: Props) {
  const shown = value === null ? '' : String(Number((value * scale).toPrecision(12)));
  return (
    <label className={`field${issues.some((i) => i.level === 'error') ? ' pm-invalid' : ''}`}>
      <span className="field-label">{label}</span>
      <input
        type="number"
        value={shown}
        onChange={(e) => onChange(e.target.value === '' ? (nullable ? null : Number.NaN) : Number(e.target.value) / scale)}
        aria-invalid={issues.some((i) => i.level === 'error')}
        data-testid={testId}
      />
      <IssueText issues={issues} scale={scale} />
    </label>
  );
}
