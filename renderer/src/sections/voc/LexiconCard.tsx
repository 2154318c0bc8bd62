import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeThemes, renameTheme, splitTheme, type VocConfig } from '../../../../shared/voc/config';
import { useWorkbench } from '../../app/context';

interface Props {
  config: VocConfig;
  edited: boolean;
  onSaved(next: { config: VocConfig; edited: boolean }): void;
}

const lines = (s: string): string[] => [
  ...new Set(
    s
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l.length > 0),
  ),
];

/** "词 权重" lines → the sentiment lexicon, or the first line it cannot read. */
function parseSentiment(text: string): { ok: true; value: Record<string, number> } | { ok: false; line: number; text: string } {
  const out: Record<string, number> = {};
  const rows = text.split(/\r?\n/);
  for (let i = 0; i < rows.length; i++) {
    const row = (rows[i] ?? '').trim();
    if (!row) continue;
    const m = /^(\S+)\s+(-?\d+(?:\.\d+)?)$/.exec(row);
    const w = m ? Number(m[2]) : Number.NaN;
    if (!m || !(w >= -3 && w <= 3)) return { ok: false, line: i + 1, text: row };
    out[m[1] as string] = w;
  }
  return { ok: true, value: out };
}

/** The engagement's dictionary, stop words, sentiment and signal words, and the topic library's rename / merge / split. */
export function LexiconCard({ config, edited, onSaved }: Props) {
  const { t } = useTranslation('voc');
  const wb = useWorkbench();
  const [themes, setThemes] = useState(config.themes);
  const [domain, setDomain] = useState(config.domainTerms.join('\n'));
  const [stop, setStop] = useState(config.stopWords.join('\n'));
  const [sentiment, setSentiment] = useState(
    Object.entries(config.sentiment)
      .map(([k, v]) => `${k} ${v}`)
      .join('\n'),
  );
  const [competitor, setCompetitor] = useState(config.signals.competitor.join('\n'));
  const [decisionMaker, setDecisionMaker] = useState(config.signals.decisionMaker.join('\n'));
  const [complaint, setComplaint] = useState(config.signals.complaint.join('\n'));
  const [merging, setMerging] = useState<string | null>(null);
  const [splitting, setSplitting] = useState<{ id: string; terms: string[]; name: string } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [open, setOpen] = useState(false);

  const save = async () => {
    const parsed = parseSentiment(sentiment);
    if (!parsed.ok) return setMessage(t('lexicon.invalid', { line: parsed.line, text: parsed.text }));
    const next: VocConfig = {
      ...config,
      themes,
      domainTerms: lines(domain),
      stopWords: lines(stop),
      sentiment: parsed.value,
      signals: { competitor: lines(competitor), decisionMaker: lines(decisionMaker), complaint: lines(complaint) },
    };
    try {
      onSaved(await wb.api['voc.saveLexicon']({ config: next }));
      setMessage(t('lexicon.saved'));
    } catch (e) {
      wb.reportError(e);
    }
  };
  const reset = async () => {
    if (!window.confirm(t('lexicon.resetConfirm'))) return;
    try {
      onSaved(await wb.api['voc.resetLexicon']({}));
    } catch (e) {
      wb.reportError(e);
    }
  };

  return (
    <section className="card" data-testid="voc-lexicon">
      <div className="card-header">
        <h3>
          <button className="btn btn-ghost" onClick={() => setOpen(!open)} data-testid="voc-lexicon-toggle">
            {open ? '▾' : '▸'} {t('lexicon.title')}
          </button>
        </h3>
        <span className="badge">{edited ? t('lexicon.edited') : t('lexicon.shipped')}</span>
      </div>
      {open && (
        <>
          <h4>{t('lexicon.themes')}</h4>
          <table className="table voc-table">
            <tbody>
              {themes.map((th) => (
                <tr key={th.id}>
                  <td className="voc-theme-edit">
                    <input
                      value={th.name[wb.locale]}
                      aria-label={t('lexicon.rename')}
                      onChange={(e) => setThemes(renameTheme(themes, th.id, { ...th.name, [wb.locale]: e.target.value }))}
                    />
                    <div className="muted small">{t('lexicon.termsCount', { count: th.terms.length })}</div>
                  </td>
                  <td className="small">
                    {splitting?.id === th.id ? (
                      <div className="voc-split">
                        <div className="muted">{t('lexicon.splitTerms')}</div>
                        {th.terms.map((term) => (
                          <label key={term} className="voc-chip">
                            <input
                              type="checkbox"
                              checked={splitting.terms.includes(term)}
                              onChange={() =>
                                setSplitting({
                                  ...splitting,
                                  terms: splitting.terms.includes(term) ? splitting.terms.filter((x) => x !== term) : [...splitting.terms, term],
                                })
                              }
                            />
                            {term}
                          </label>
                        ))}
                        <input
                          placeholder={t('lexicon.newThemeName')}
                          value={splitting.name}
                          onChange={(e) => setSplitting({ ...splitting, name: e.target.value })}
                        />
                        <button
                          className="btn"
                          disabled={!splitting.name.trim() || splitting.terms.length === 0 || splitting.terms.length === th.terms.length}
                          onClick={() => {
                            const name = splitting.name.trim();
                            setThemes(splitTheme(themes, th.id, splitting.terms, `custom-${Date.now().toString(36)}`, { 'zh-CN': name, en: name }));
                            setSplitting(null);
                          }}
                        >
                          {t('lexicon.apply')}
                        </button>
                        <button className="btn btn-ghost" onClick={() => setSplitting(null)}>
                          {t('lexicon.cancel')}
                        </button>
                      </div>
                    ) : (
                      th.terms.join('、')
                    )}
                  </td>
                  <td className="nowrap">
                    {merging === th.id ? (
                      <select
                        defaultValue=""
                        aria-label={t('lexicon.mergeInto', { from: th.name[wb.locale] })}
                        onChange={(e) => {
                          if (e.target.value) setThemes(mergeThemes(themes, e.target.value, th.id));
                          setMerging(null);
                        }}
                      >
                        <option value="">{t('lexicon.mergeInto', { from: th.name[wb.locale] })}</option>
                        {themes
                          .filter((x) => x.id !== th.id)
                          .map((x) => (
                            <option key={x.id} value={x.id}>
                              {x.name[wb.locale]}
                            </option>
                          ))}
                      </select>
                    ) : (
                      <>
                        <button className="btn btn-ghost small" onClick={() => setMerging(th.id)}>
                          {t('lexicon.merge')}
                        </button>
                        <button className="btn btn-ghost small" onClick={() => setSplitting({ id: th.id, terms: [], name: '' })}>
                          {t('lexicon.split')}
                        </button>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="voc-lexicon-grid">
            <label className="field">
              <span className="field-label">{t('lexicon.domainTerms')}</span>
              <textarea rows={8} value={domain} onChange={(e) => setDomain(e.target.value)} data-testid="voc-domain-terms" />
            </label>
            <label className="field">
              <span className="field-label">{t('lexicon.sentimentTerms')}</span>
              <textarea rows={8} value={sentiment} onChange={(e) => setSentiment(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('lexicon.stopWords')}</span>
              <textarea rows={8} value={stop} onChange={(e) => setStop(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">
                {t('lexicon.signalWords')}: {t('signals.kind.competitor')}
              </span>
              <textarea rows={4} value={competitor} onChange={(e) => setCompetitor(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">
                {t('lexicon.signalWords')}: {t('signals.kind.decisionMaker')}
              </span>
              <textarea rows={4} value={decisionMaker} onChange={(e) => setDecisionMaker(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">
                {t('lexicon.signalWords')}: {t('signals.kind.complaint')}
              </span>
              <textarea rows={4} value={complaint} onChange={(e) => setComplaint(e.target.value)} />
            </label>
          </div>
          <div className="voc-controls">
            <button className="btn btn-primary" onClick={save} data-testid="voc-lexicon-save">
              {t('lexicon.save')}
            </button>
            <button className="btn" onClick={reset} disabled={!edited}>
              {t('lexicon.reset')}
            </button>
            {message && <span className="small muted">{message}</span>}
          </div>
        </>
      )}
    </section>
  );
}
