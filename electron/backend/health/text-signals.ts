// The text machinery the early-warning rules share with 客户之声: the engagement's lexicon
// (voc_config) supplies the keyword rules' extra words and the complaint words, and jieba with the
// engagement's dictionary finds the complaint sentences, negations dropped, exactly as the
// communication findings there do. Health runs, the params preview, churn features and the
// backtest all go through here so the same rule fires the same way everywhere.

import { textKeywordsOf, withLexiconWords, type SignalRule } from '../../../shared/health/signal-rules';
import { complaintDetector } from '../../../shared/voc/communication';
import { segmenterWords } from '../../../shared/voc/config';
import type { ReadableDB } from '../workspace/connection';
import { loadVocConfig } from '../voc/config-store';
import { domainSegmenter } from '../voc/segment';

export interface TextSignalSetup {
  /** The rules with the lexicon's competitor and decision-maker words added to the keyword rules. */
  rules: SignalRule[];
  /** Words a free text must hold to be loaded at all. */
  textKeywords: string[];
  /** Complaint sentences of one text; undefined when the complaint rule is off (nothing to find). */
  complaintsIn: ((text: string) => string[]) | undefined;
  /** Identifies the lexicon the detector was built from (a cache of annotated facts keys on it). */
  lexiconKey: string;
}

export function textSignalSetup(sqlite: ReadableDB, rules: readonly SignalRule[]): TextSignalSetup {
  const { config } = loadVocConfig(sqlite);
  const effective = withLexiconWords(rules, config.signals);
  const complaintOn = effective.some((r) => r.id === 'complaint' && r.enabled);
  let complaintsIn: TextSignalSetup['complaintsIn'];
  if (complaintOn) {
    const detect = complaintDetector(config.signals.complaint, config.negators);
    // jieba is loaded on the first text that holds a complaint word, not for every run.
    let cut: ((s: string) => readonly string[]) | null = null;
    complaintsIn = (text) => {
      cut ??= (
        (seg) => (s: string) =>
          seg.cut(s)
      )(domainSegmenter(segmenterWords(config)));
      return detect(text, cut);
    };
  }
  return {
    rules: effective,
    textKeywords: textKeywordsOf(effective, complaintOn ? config.signals.complaint : []),
    complaintsIn,
    lexiconKey: JSON.stringify([config.signals.complaint, config.negators, segmenterWords(config)]),
  };
}
