import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useWorkbench } from '../../app/context';
import { scoreAssessment } from '../../../../shared/checklists/scoring';
import type { AnswerValue } from '../../../../shared/checklists/answers';
import type { AnswerRecord, AssessmentDetail } from '../../../../shared/checklists/wire';
import type { ArgsOf } from '../../../../shared/contract';
import { QuestionCard, type AnswerPatch } from './QuestionCard';
import { pct, routeTo, useBi } from './text';
import { useLoad } from './useLoad';

type SaveState = { status: 'idle' } | { status: 'saving' } | { status: 'saved'; at: string } | { status: 'error' };
type AnswersByRespondent = Record<string, Record<string, AnswerRecord>>;

const EMPTY: AnswerRecord = { value: null, note: null, evidence: null, links: [], updatedAt: '' };
const TEXT_DELAY_MS = 700;

/** Answering a checklist, one respondent at a time; every change is saved as it is made. */
export function AnswerView({ id }: { id: number }) {
  const { t } = useTranslation('checklists');
  const wb = useWorkbench();
  const bi = useBi();
  const { data, reload } = useLoad(() => wb.api['checklist.get']({ id }), String(id));
  const [answers, setAnswers] = useState<AnswersByRespondent>({});
  const [respondent, setRespondent] = useState<string | null>(null);
  const [save, setSave] = useState<SaveState>({ status: 'idle' });
  const pending = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const inFlight = useRef(0);

  useEffect(() => {
    if (!data) return;
    setAnswers(Object.fromEntries(data.respondents.map((r) => [r.name, r.answers])));
    setRespondent((current) => (current && data.respondents.some((r) => r.name === current) ? current : (data.respondents[0]?.name ?? null)));
  }, [data]);

  // Leaving the page must not drop a note typed less than TEXT_DELAY_MS ago.
  const flushers = useRef(new Map<string, () => void>());
  useEffect(
    () => () => {
      for (const [key, timer] of pending.current) {
        clearTimeout(timer);
        flushers.current.get(key)?.();
      }
    },
    [],
  );

  const completion = useMemo(() => {
    const out: Record<string, number> = {};
    if (!data) return out;
    for (const r of data.respondents) {
      const set: Record<string, AnswerValue | null> = {};
      for (const [q, rec] of Object.entries(answers[r.name] ?? {})) set[q] = rec.value;
      out[r.name] = scoreAssessment(data.template, set).completion.percent;
    }
    return out;
  }, [answers, data]);

  if (!data || respondent === null) return <p className="muted">{t('ui.loading')}</p>;
  const detail: AssessmentDetail = data;
  const mine = answers[respondent] ?? {};

  async function send(args: ArgsOf<'checklist.answer'>) {
    inFlight.current += 1;
    setSave({ status: 'saving' });
    try {
      const saved = await wb.api['checklist.answer'](args);
      inFlight.current -= 1;
      if (inFlight.current === 0) setSave({ status: 'saved', at: saved.updatedAt });
    } catch (err) {
      inFlight.current -= 1;
      setSave({ status: 'error' });
      wb.reportError(err);
    }
  }

  function change(questionId: string, patch: AnswerPatch, immediate: boolean) {
    const who = respondent!;
    setAnswers((prev) => {
      const current = prev[who]?.[questionId] ?? EMPTY;
      return { ...prev, [who]: { ...prev[who], [questionId]: { ...current, ...patch } } };
    });
    const args: ArgsOf<'checklist.answer'> = { id, respondent: who, questionId, locale: wb.locale, ...patch };
    const key = `${who}\u0000${questionId}\u0000${Object.keys(patch).join(',')}`;
    const timer = pending.current.get(key);
    if (timer) clearTimeout(timer);
    if (immediate) {
      pending.current.delete(key);
      flushers.current.delete(key);
      void send(args);
      return;
    }
    setSave({ status: 'saving' });
    flushers.current.set(key, () => void send(args));
    pending.current.set(
      key,
      setTimeout(() => {
        pending.current.delete(key);
        flushers.current.delete(key);
        void send(args);
      }, TEXT_DELAY_MS),
    );
  }

  async function addRespondent(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const input = e.currentTarget.elements.namedItem('newRespondent') as HTMLInputElement;
    const name = input.value.trim();
    if (!name) return;
    try {
      await wb.api['checklist.addRespondent']({ id, name });
      input.value = '';
      await reload();
      setRespondent(name);
    } catch (err) {
      wb.reportError(err);
    }
  }

  async function complete() {
    try {
      await wb.api['checklist.complete']({ id, complete: detail.summary.status !== 'complete' });
      await reload();
    } catch (err) {
      wb.reportError(err);
    }
  }

  let number = 0;
  return (
    <div className="section-stack cl">
      <div className="card cl-answer-head">
        <div className="card-header">
          <div>
            <h2 data-testid="assessment-title">{detail.summary.title}</h2>
            <div className="muted small">
              {bi(detail.template.title)} · v{detail.template.version}
              {detail.summary.subject && (
                <>
                  {' '}
                  · {bi(detail.template.subject?.label)}：{detail.summary.subject}
                </>
              )}
              {' · '}
              <span className={`badge ${detail.summary.status === 'complete' ? 'cl-badge-done' : 'cl-badge-muted'}`}>
                {t(`ui.statusName.${detail.summary.status}`)}
              </span>
            </div>
          </div>
          <div className="cl-actions">
            <SaveIndicator state={save} />
            <button className="btn" onClick={() => wb.navigate(routeTo({ view: 'list' }))}>
              {t('ui.back')}
            </button>
            <button className="btn" onClick={complete} data-testid="toggle-complete">
              {detail.summary.status === 'complete' ? t('ui.reopen') : t('ui.markComplete')}
            </button>
            <button className="btn btn-primary" data-testid="show-results" onClick={() => wb.navigate(routeTo({ view: 'results', id }))}>
              {t('ui.results')}
            </button>
          </div>
        </div>
        <div className="cl-respondent-tabs" role="tablist" aria-label={t('result.respondents')}>
          {detail.respondents.map((r) => (
            <button
              key={r.id}
              role="tab"
              aria-selected={r.name === respondent}
              className={r.name === respondent ? 'active' : ''}
              data-testid={`respondent-${r.name}`}
              onClick={() => setRespondent(r.name)}
            >
              <span>{r.name}</span>
              <span className="cl-tab-progress" data-testid={`completion-${r.name}`}>
                {pct(completion[r.name])}
              </span>
            </button>
          ))}
          <form className="cl-add-respondent" onSubmit={addRespondent}>
            <input name="newRespondent" placeholder={t('ui.addRespondentPlaceholder')} />
            <button className="btn" type="submit">
              ＋
            </button>
          </form>
        </div>
        <div className="progress cl-progress" title={pct(completion[respondent])}>
          <span style={{ width: `${completion[respondent] ?? 0}%` }} />
        </div>
      </div>

      <div className="cl-answer-layout">
        <nav className="cl-section-nav card" aria-label={t('ui.sections')}>
          {detail.template.sections.map((section, s) => {
            const scored = section.questions.filter((q) => q.kind !== 'text');
            const answered = scored.filter((q) => (mine[q.id]?.value ?? null) !== null).length;
            return (
              <a
                key={section.id}
                href={`#cl-section-${section.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(`cl-section-${section.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                }}
              >
                <span className="cl-nav-index">{s + 1}</span>
                <span className="cl-nav-title">{bi(section.title)}</span>
                <span className={`cl-nav-count${answered === scored.length ? ' done' : ''}`}>
                  {answered}/{scored.length}
                </span>
              </a>
            );
          })}
        </nav>
        <div className="cl-sections">
          {detail.template.sections.map((section, s) => (
            <section key={section.id} id={`cl-section-${section.id}`} className="card cl-section" data-testid={`section-${section.id}`}>
              <header className="cl-section-head">
                <span className="cl-section-index">{s + 1}</span>
                <div>
                  <h2>{bi(section.title)}</h2>
                  {section.description && <p className="muted small cl-tight">{bi(section.description)}</p>}
                </div>
              </header>
              {section.questions.map((question) => {
                number += 1;
                return (
                  <QuestionCard
                    key={`${respondent}-${question.id}`}
                    number={number}
                    question={question}
                    record={mine[question.id] ?? EMPTY}
                    onChange={(patch, immediate) => change(question.id, patch, immediate)}
                  />
                );
              })}
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation('checklists');
  const { locale } = useWorkbench();
  const text =
    state.status === 'saving'
      ? t('ui.saving')
      : state.status === 'saved'
        ? t('ui.savedAt', { time: new Date(state.at).toLocaleTimeString(locale) })
        : state.status === 'error'
          ? t('ui.saveFailed')
          : t('ui.autosave');
  return (
    <span className={`cl-save cl-save-${state.status}`} data-testid="save-indicator" aria-live="polite">
      {state.status === 'saved' ? '✓ ' : state.status === 'error' ? '⚠ ' : ''}
      {text}
    </span>
  );
}
