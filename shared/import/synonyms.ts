// Matching a client's header against the synonym lists of fields.ts.
import { ENTITY_FIELDS, type FieldDef } from './fields';
import { normaliseHeader, type NormalisedHeader } from './text';

export type HeaderMatchReason = 'header_exact' | 'header_core' | 'header_segment' | 'header_partial';
export interface HeaderMatch {
  score: number;
  reason: HeaderMatchReason;
  synonym: string;
}

interface PreparedSynonym {
  text: string;
  norm: NormalisedHeader;
  latin: boolean;
}

const prepared = new WeakMap<FieldDef, PreparedSynonym[]>();

function synonymsOf(field: FieldDef): PreparedSynonym[] {
  let list = prepared.get(field);
  if (list === undefined) {
    list = [...field.synonyms.zh, ...field.synonyms.en].map((text) => ({
      text,
      norm: normaliseHeader(text),
      latin: /^[\x20-\x7e]+$/.test(text),
    }));
    prepared.set(field, list);
  }
  return list;
}

/** Does `needle` occur in `hay` as whole consecutive words? */
function containsWords(hay: readonly string[], needle: readonly string[]): boolean {
  if (needle.length === 0 || needle.length > hay.length) return false;
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * How well a header names a field, in three ranks that never overlap: 1 for a synonym as written,
 * 0.95 once brackets are dropped (金额(元) = 金额); 0.6-0.85 when a synonym is a whole word or a whole
 * segment of the header (Customer ID Number ⊃ customer id, 省/自治区 ⊃ 省); 0.3-0.55 when it is merely
 * part of a longer word (订单实付金额 ⊃ 实付金额), scaled by how much of the header it covers. A header
 * that only contains a synonym's characters (销售额 ⊃ 销售) thus never beats a better-named column.
 * Latin synonyms match whole words only, so 'id' never matches 'paid'.
 */
export function matchHeader(header: NormalisedHeader, field: FieldDef): HeaderMatch | null {
  let best: HeaderMatch | null = null;
  const consider = (m: HeaderMatch): void => {
    if (best === null || m.score > best.score) best = m;
  };
  if (header.core.length === 0 && header.full.length === 0) return null;
  for (const s of synonymsOf(field)) {
    if (s.norm.full.length === 0) continue;
    if (header.full === s.norm.full) return { score: 1, reason: 'header_exact', synonym: s.text };
    if (header.core.length > 0 && header.core === s.norm.core) {
      consider({ score: 0.95, reason: 'header_core', synonym: s.text });
      continue;
    }
    if (s.latin) {
      if (s.norm.words.length > 0 && containsWords(header.words, s.norm.words) && header.words.length > s.norm.words.length) {
        consider({ score: 0.6 + 0.25 * (s.norm.words.length / header.words.length), reason: 'header_segment', synonym: s.text });
      }
    } else if (s.norm.core.length >= 2 || header.segments.length > 1) {
      if (header.core.length <= s.norm.core.length || !header.core.includes(s.norm.core)) continue;
      const coverage = s.norm.core.length / header.core.length;
      if (header.segments.includes(s.norm.core)) consider({ score: 0.6 + 0.25 * coverage, reason: 'header_segment', synonym: s.text });
      else if (s.norm.core.length >= 2) consider({ score: 0.3 + 0.25 * coverage, reason: 'header_partial', synonym: s.text });
    }
  }
  return best;
}

let knownCores: Set<string> | null = null;

/** Is this text a header some entity knows (for telling the header row from title rows)? */
export function isKnownHeader(text: string): boolean {
  if (knownCores === null) {
    knownCores = new Set();
    for (const { fields } of Object.values(ENTITY_FIELDS)) {
      for (const f of fields) for (const s of synonymsOf(f)) knownCores.add(s.norm.core);
    }
  }
  const n = normaliseHeader(text);
  return n.core.length > 0 && knownCores.has(n.core);
}

// Units written in a header: 金额(万元) means every value is in units of 10,000 yuan.
const UNIT_SCALES: ReadonlyArray<readonly [RegExp, number]> = [
  [/^(千万|千万元)$/, 1e7],
  [/^(百万|百万元)$/, 1e6],
  [/^(亿|亿元)$/, 1e8],
  [/^(万|万元|w)$/, 1e4],
  [/^(千|千元|k|'000|000s|thousands?)$/, 1e3],
];

/** The multiplier a header's bracketed unit implies, or 1. */
export function headerScale(header: NormalisedHeader): number {
  for (const b of header.bracketed) {
    const unit = b
      .replace(/\s+/g, '')
      .replace(/^(单位[:：]?|in)/, '')
      .replace(/(人民币|rmb|cny)$/, '');
    for (const [re, scale] of UNIT_SCALES) if (re.test(unit)) return scale;
  }
  return 1;
}
