import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerValue } from '../../../../shared/checklists/answers';
import { isNotApplicable } from '../../../../shared/checklists/answers';
import type { ChecklistQuestion } from '../../../../shared/checklists/template-schema';
import type { AnswerRecord } from '../../../../shared/checklists/wire';
import { useBi } from './text';

export interface AnswerPatch {
  value?: AnswerValue | null;
  note?: string | null;
  evidence?: string | null;
  links?: string[];
}

interface Props {
  number: number;
  question: ChecklistQuestion;
  record: AnswerRecord;
  /** immediate: a click (saved now); otherwise typing (saved after a pause). */
  onChange: (patch: AnswerPatch, immediate: boolean) => void;
}

export function QuestionCard({ number, question, record, onChange }: Props) {
  const { t } = useTranslation('checklists');
  const bi = useBi();
  const value = record.value;
  const na = isNotApplicable(value);
  const [open, setOpen] = useState(Boolean(record.note || record.evidence || record.links.length));
  const pick = (next: AnswerValue) => onChange({ value: value !== null && JSON.stringify(value) === JSON.stringify(next) ? null : next }, true);
  const answered = value !== null;

  return (
    <article className={`cl-question${answered ? ' answered' : ''}`} data-testid={`question-${question.id}`}>
      <div className="cl-question-head">
        <span className="cl-question-number">{number}</span>
        <div className="cl-question-text">
          <div>{bi(question.text)}</div>
          {question.help && <div className="muted small">{bi(question.help)}</div>}
        </div>
        <span className="cl-kind">{t(`kind.${question.kind}`)}</span>
      </div>

      <div className="cl-question-body">
        {question.kind === 'scale' && (
          <div className="cl-scale" role="radiogroup">
            {(['1', '2', '3', '4', '5'] as const).map((level) => (
              <button
                key={level}
                role="radio"
                aria-checked={value === Number(level)}
                className={`cl-scale-option${value === Number(level) ? ' selected' : ''}`}
                data-testid={`q-${question.id}-${level}`}
                onClick={() => pick(Number(level))}
              >
                <span className="cl-scale-level">{level}</span>
                <span className="cl-scale-anchor">{bi(question.anchors[level])}</span>
              </button>
            ))}
          </div>
        )}
        {question.kind === 'yesno' && (
          <div className="cl-choice-row" role="radiogroup">
            {[true, false].map((v) => (
              <button
                key={String(v)}
                role="radio"
                aria-checked={value === v}
                className={`cl-pill${value === v ? ' selected' : ''}`}
                data-testid={`q-${question.id}-${v ? 'yes' : 'no'}`}
                onClick={() => pick(v)}
              >
                {t(v ? 'answer.yes' : 'answer.no')}
              </button>
            ))}
          </div>
        )}
        {question.kind === 'choice' && (
          <div className="cl-choice-row" role="radiogroup">
            {question.options.map((option) => (
              <button
                key={option.id}
                role="radio"
                aria-checked={value === option.id}
                className={`cl-pill${value === option.id ? ' selected' : ''}`}
                data-testid={`q-${question.id}-${option.id}`}
                onClick={() => pick(option.id)}
              >
                {bi(option.label)}
              </button>
            ))}
          </div>
        )}
        {question.kind === 'numeric' && (
          <NumericInput
            testId={`q-${question.id}-input`}
            value={typeof value === 'number' ? value : null}
            unit={bi(question.unit)}
            min={question.min}
            max={question.max}
            onChange={(n) => onChange({ value: n }, false)}
          />
        )}
        {question.kind === 'text' && (
          <textarea
            rows={3}
            data-testid={`q-${question.id}-input`}
            defaultValue={typeof value === 'string' ? value : ''}
            onChange={(e) => onChange({ value: e.target.value.trim() === '' ? null : e.target.value }, false)}
          />
        )}
        <div className="cl-question-tools">
          {question.kind !== 'text' && (
            <button
              className={`cl-pill cl-pill-small${na ? ' selected' : ''}`}
              data-testid={`q-${question.id}-na`}
              onClick={() => pick({ notApplicable: true })}
            >
              {t('answer.notApplicable')}
            </button>
          )}
          <button className="cl-link small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
            {open ? '▾' : '▸'} {t('ui.noteEvidence')}
            {(record.note || record.evidence || record.links.length > 0) && !open && <span className="cl-dot" aria-hidden />}
          </button>
        </div>
        {open && (
          <div className="cl-note-grid">
            <label className="field">
              <span className="field-label">{t('ui.note')}</span>
              <textarea
                rows={2}
                defaultValue={record.note ?? ''}
                data-testid={`q-${question.id}-note`}
                onChange={(e) => onChange({ note: e.target.value }, false)}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('ui.evidence')}</span>
              <textarea
                rows={2}
                defaultValue={record.evidence ?? ''}
                placeholder={t('ui.evidencePlaceholder')}
                onChange={(e) => onChange({ evidence: e.target.value }, false)}
              />
            </label>
            <label className="field cl-note-links">
              <span className="field-label">{t('ui.links')}</span>
              <textarea
                rows={2}
                defaultValue={record.links.join('\n')}
                placeholder={t('ui.linksPlaceholder')}
                onChange={(e) =>
                  onChange(
                    {
                      links: e.target.value
                        .split('\n')
                        .map((l) => l.trim())
                        .filter((l) => l !== ''),
                    },
                    false,
                  )
                }
              />
            </label>
          </div>
        )}
      </div>
    </article>
  );
}

function NumericInput(props: {
  testId: string;
  value: number | null;
  unit: string;
  min: number | undefined;
  max: number | undefined;
  onChange: (n: number | null) => void;
}) {
  const [text, setText] = useState(props.value === null ? '' : String(props.value));
  return (
    <div className="cl-numeric">
      <input
        type="number"
        inputMode="decimal"
        data-testid={props.testId}
        value={text}
        min={props.min}
        max={props.max}
        onChange={(e) => {
          setText(e.target.value);
          const n = e.target.value.trim() === '' ? null : Number(e.target.value);
          if (n === null || Number.isFinite(n)) props.onChange(n);
        }}
      />
      {props.unit && <span className="muted">{props.unit}</span>}
    </div>
  );
}
