import type { HandlersFor } from '../../../shared/contract/define';
import type { vocChannels } from '../../../shared/contract/voc';
import type { Backend } from '../backend';
import { recordAuditSync } from '../workspace/repositories/audit';
import { localNow } from '../diagnostics/defaults';
import { vocRespondents, vocSummary } from '../voc/summary';
import { customerVoice } from '../voc/customer';
import { listThemeRuns, loadThemeRun, runThemes } from '../voc/themes-run';
import { loadVocConfig, resetVocConfig, saveVocConfig } from '../voc/config-store';
import { defaultReviewPeriod, listChurnReviews, loadChurnReview, runChurnReview } from '../churn-review/review';

export function vocHandlers(b: Backend): HandlersFor<typeof vocChannels> {
  const sqlite = () => b.requireWorkspace().sqlite;
  return {
    'voc.summary': async ({ scope, grain, dimension }) => vocSummary(sqlite(), scope, grain, dimension),
    'voc.respondents': async (args) => vocRespondents(sqlite(), args),
    'voc.customer': async ({ customerKey }) => {
      const db = sqlite();
      return customerVoice(db, customerKey, loadVocConfig(db).config);
    },
    'voc.analyse': async ({ params }, ctx) => {
      const ws = b.requireWorkspace();
      const run = await runThemes(ws.sqlite, {
        params,
        config: loadVocConfig(ws.sqlite).config,
        now: localNow(),
        progress: (phase, done, total) => ctx.progress(phase, done, total),
        signal: ctx.signal,
      });
      recordAuditSync(ws.sqlite, 'voc.themes', { runId: run.id, comments: run.analysis.comments, durationMs: run.durationMs });
      return run;
    },
    'voc.analysis': async ({ runId }) => loadThemeRun(sqlite(), runId ?? null),
    'voc.analyses': async () => listThemeRuns(sqlite()),
    'voc.lexicon': async () => loadVocConfig(sqlite()),
    'voc.saveLexicon': async ({ config }) => {
      const ws = b.requireWorkspace();
      saveVocConfig(ws.sqlite, config, localNow());
      recordAuditSync(ws.sqlite, 'voc.lexicon', { themes: config.themes.length, domainTerms: config.domainTerms.length });
      return loadVocConfig(ws.sqlite);
    },
    'voc.resetLexicon': async () => {
      const ws = b.requireWorkspace();
      resetVocConfig(ws.sqlite);
      recordAuditSync(ws.sqlite, 'voc.lexicon', { reset: true });
      return loadVocConfig(ws.sqlite);
    },
    'churn.review': async ({ params }, ctx) => {
      const ws = b.requireWorkspace();
      const review = await runChurnReview(ws.sqlite, {
        params,
        config: loadVocConfig(ws.sqlite).config,
        now: localNow(),
        progress: (phase, done, total) => ctx.progress(phase, done, total),
        signal: ctx.signal,
      });
      recordAuditSync(ws.sqlite, 'churn.review', { reviewId: review.id, period: params.period, churned: review.churnedCount });
      return review;
    },
    'churn.getReview': async ({ reviewId }) => loadChurnReview(sqlite(), reviewId ?? null),
    'churn.reviews': async () => listChurnReviews(sqlite()),
    'churn.reviewDefaults': async () => defaultReviewPeriod(sqlite()),
  };
}
