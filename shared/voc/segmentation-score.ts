// Word-segmentation accuracy against a hand segmentation: words compared as character spans, so a
// predicted word counts only when both its ends match the gold word's (the SIGHAN bakeoff scoring).
// Punctuation is left out of both sides: it is never ambiguous and would inflate the figure.

import { isPunctuation } from './tokens';

export interface SegmentationScore {
  precision: number;
  recall: number;
  f1: number;
  predicted: number;
  gold: number;
  correct: number;
  /** Marked domain terms the prediction kept as one word, and how many were marked. */
  termsKept: number;
  terms: number;
}

function spans(words: readonly string[]): Set<string> {
  const out = new Set<string>();
  let at = 0;
  for (const w of words) {
    if (!isPunctuation(w)) out.add(`${at}:${at + w.length}`);
    at += w.length;
  }
  return out;
}

export interface GoldSentence {
  words: string[];
  /** Indexes into words of the marked domain terms. */
  termIndexes: number[];
}

/** A gold line: words separated by spaces, domain terms in [brackets]. */
export function parseGoldLine(line: string): GoldSentence {
  const words: string[] = [];
  const termIndexes: number[] = [];
  for (const raw of line.trim().split(/\s+/)) {
    if (raw.length === 0) continue;
    const term = raw.length > 2 && raw.startsWith('[') && raw.endsWith(']');
    if (term) termIndexes.push(words.length);
    words.push(term ? raw.slice(1, -1) : raw);
  }
  return { words, termIndexes };
}

export function scoreSegmentation(sentences: readonly GoldSentence[], cut: (text: string) => readonly string[]): SegmentationScore {
  let predicted = 0;
  let gold = 0;
  let correct = 0;
  let termsKept = 0;
  let terms = 0;
  for (const s of sentences) {
    const text = s.words.join('');
    const p = spans(cut(text));
    const g = spans(s.words);
    predicted += p.size;
    gold += g.size;
    for (const x of p) if (g.has(x)) correct++;
    const starts: number[] = [];
    let at = 0;
    for (const w of s.words) {
      starts.push(at);
      at += w.length;
    }
    for (const i of s.termIndexes) {
      terms++;
      const w = s.words[i] as string;
      const from = starts[i] as number;
      if (p.has(`${from}:${from + w.length}`)) termsKept++;
    }
  }
  const precision = predicted ? correct / predicted : 0;
  const recall = gold ? correct / gold : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1, predicted, gold, correct, termsKept, terms };
}
