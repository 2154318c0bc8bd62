import type { Locale } from '../errors';
import { reportText } from './messages';
import type { ChartOption } from '../charts/theme';
import type { ChartBlock, ReportBlock, ReportModel, TableBlock } from './model';

// Pseudonymised export: names, contacts, phones and emails become stable tokens (客户-0001).
// No hashing (shared/ has no node:crypto, and a keyed hash would need a secret anyway): tokens are
// sequence numbers held in a map that the backend persists in the workspace, so the same customer
// gets the same token in every export, and the key never leaves the engagement file.

export const PSEUDONYM_KINDS = ['customer', 'contact', 'phone', 'email'] as const;
export type PseudonymKind = (typeof PSEUDONYM_KINDS)[number];

/** Persist as JSON in the workspace. entries[kind][normalised original] = token number (1-based). */
export interface PseudonymMap {
  version: 1;
  entries: Record<PseudonymKind, Record<string, number>>;
}

export function emptyPseudonymMap(): PseudonymMap {
  return { version: 1, entries: { customer: {}, contact: {}, phone: {}, email: {} } };
}

/** The form two spellings of the same person share: "138-0000-0000" and "+86 13800000000" are one phone. */
export function normaliseForPseudonym(kind: PseudonymKind, original: string): string {
  const trimmed = original.trim().replace(/\s+/g, ' ');
  switch (kind) {
    // NFKC only where it cannot hurt: full-width digits and letters in contact details.
    case 'email':
      return trimmed.normalize('NFKC').toLowerCase();
    case 'phone': {
      const digits = trimmed.normalize('NFKC').replace(/\D/g, '');
      return digits.length === 13 && digits.startsWith('86') ? digits.slice(2) : digits;
    }
    case 'customer':
    case 'contact':
      return trimmed;
  }
}

function nextNumber(table: Record<string, number>): number {
  let max = 0;
  for (const n of Object.values(table)) if (n > max) max = n;
  return max + 1;
}

/**
 * A map in which every original has a token. Originals not yet in the map are numbered in code-point
 * order of their normalised form, so the same data gives the same tokens whatever order the rows came
 * in; existing tokens never change. The input is never modified: with nothing new it is returned as
 * is, else only the kind's table is copied (a 100k-customer map is 400k entries, copied per call).
 * The tables may thus be shared between maps: code that adds to a table copies it first (see
 * TextPseudonymiser.token).
 */
export function assignPseudonyms(map: PseudonymMap, kind: PseudonymKind, originals: Iterable<string | null | undefined>): PseudonymMap {
  const known = map.entries[kind];
  const fresh = new Set<string>();
  for (const o of originals) {
    if (o === null || o === undefined) continue;
    const key = normaliseForPseudonym(kind, o);
    if (key !== '' && !Object.hasOwn(known, key)) fresh.add(key);
  }
  if (fresh.size === 0) return map;
  const table = { ...known };
  let n = nextNumber(table);
  for (const key of [...fresh].sort()) table[key] = n++;
  return { version: 1, entries: { ...map.entries, [kind]: table } };
}

// The catalogue text around {{n}} per locale and kind: a data sheet formats 100k+ tokens.
const TOKEN_TEMPLATES = new Map<string, readonly string[]>();

export function formatPseudonym(kind: PseudonymKind, n: number, locale: Locale): string {
  const id = `${locale}|${kind}`;
  let parts = TOKEN_TEMPLATES.get(id);
  if (!parts) {
    parts = reportText(locale, `pseudonym.${kind}`, { n: '\u0000' }).split('\u0000');
    TOKEN_TEMPLATES.set(id, parts);
  }
  return parts.join(String(n).padStart(4, '0'));
}

/** The token for an original already in the map, else null (call assignPseudonyms first). */
export function lookupPseudonym(map: PseudonymMap, kind: PseudonymKind, original: string, locale: Locale): string | null {
  const n = map.entries[kind][normaliseForPseudonym(kind, original)];
  return n === undefined ? null : formatPseudonym(kind, n, locale);
}

const EMAIL_RE = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Mainland mobiles with optional +86 and separators, and landlines written with an area code.
// Digit lookarounds keep order numbers and amounts that merely contain such a run untouched.
const PHONE_RE = /(?<![\d+])(?:(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}|0\d{2,3}-\d{7,8})(?!\d)/g;
const TOKEN_EMAIL_DOMAIN = '@example.invalid';

/**
 * Replaces people and companies inside free text. Holds the map mutably while it works; callers see
 * only the pure functions below. Names shorter than 2 characters are not searched in free text:
 * replacing every "王" in a paragraph would wreck it and protect no one.
 */
class TextPseudonymiser {
  private readonly byPrefix = new Map<string, { surface: string; kind: 'customer' | 'contact' }[]>();
  // Copy on write: the tables stay the caller's until a new original needs a token in one of them
  // (copying a 100k-customer map, 400k entries, on every export cost seconds).
  private readonly map: PseudonymMap;
  private readonly owned = new Set<PseudonymKind>();
  constructor(
    source: PseudonymMap,
    private readonly locale: Locale,
  ) {
    this.map = { version: 1, entries: { ...source.entries } };
    for (const kind of ['customer', 'contact'] as const) {
      for (const surface of Object.keys(source.entries[kind])) {
        if (surface.length < 2) continue;
        const prefix = surface.slice(0, 2);
        const list = this.byPrefix.get(prefix) ?? [];
        list.push({ surface, kind });
        this.byPrefix.set(prefix, list);
      }
    }
    // Longest first so "张三丰" is not caught as "张三" + "丰".
    for (const list of this.byPrefix.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  }

  // The next free number per kind, found once: scanning a 100k table on every new original is quadratic.
  private readonly next = new Map<PseudonymKind, number>();

  token(kind: PseudonymKind, original: string): string {
    const key = normaliseForPseudonym(kind, original);
    let table = this.map.entries[kind];
    let n = table[key];
    if (n === undefined) {
      if (!this.owned.has(kind)) {
        table = this.map.entries[kind] = { ...table };
        this.owned.add(kind);
      }
      n = this.next.get(kind) ?? nextNumber(table);
      table[key] = n;
      this.next.set(kind, n + 1);
    }
    return formatPseudonym(kind, n, this.locale);
  }

  /** The map as it stands, never changed afterwards: a later new token copies its table first. */
  snapshot(): PseudonymMap {
    this.owned.clear();
    return { version: 1, entries: { ...this.map.entries } };
  }

  text(input: string): string {
    const masked = input
      .replace(EMAIL_RE, (m) => (m.toLowerCase().endsWith(TOKEN_EMAIL_DOMAIN) ? m : this.token('email', m)))
      .replace(PHONE_RE, (m) => this.token('phone', m));
    const normalised = masked;
    let out = '';
    let i = 0;
    while (i < normalised.length) {
      const candidates = this.byPrefix.get(normalised.slice(i, i + 2));
      const hit = candidates?.find((c) => normalised.startsWith(c.surface, i));
      if (hit) {
        out += this.token(hit.kind, hit.surface);
        i += hit.surface.length;
      } else {
        out += normalised[i];
        i += 1;
      }
    }
    return out;
  }

  chart(option: ChartOption): ChartOption {
    const walk = (node: unknown): unknown => {
      if (typeof node === 'string') return this.text(node);
      if (Array.isArray(node)) return node.map(walk);
      if (node !== null && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v)]));
      }
      return node;
    };
    return walk(option) as ChartOption;
  }
}

/** Free text with every known name, and every email and phone number, replaced by its token. */
export function pseudonymiseText(text: string, map: PseudonymMap, locale: Locale): { text: string; map: PseudonymMap } {
  const p = new TextPseudonymiser(map, locale);
  const out = p.text(text);
  return { text: out, map: p.snapshot() };
}

/** The column-wise token for one value (flat data sheets streaming 100k rows use this). */
export function createPseudonymiser(
  map: PseudonymMap,
  locale: Locale,
): {
  token: (kind: PseudonymKind, original: string) => string;
  text: (input: string) => string;
  map: () => PseudonymMap;
} {
  const p = new TextPseudonymiser(map, locale);
  return { token: (k, o) => p.token(k, o), text: (t) => p.text(t), map: () => p.snapshot() };
}

/**
 * A pseudonymised copy of the report: columns marked `pii` are tokenised value by value, then every
 * other string (titles, paragraphs, consultant text, notes, chart labels) is searched for the names
 * now in the map. The cover's client (the consultant's client, not a customer) is kept.
 */
export function pseudonymiseReport(model: ReportModel, map: PseudonymMap): { model: ReportModel; map: PseudonymMap } {
  const locale = model.cover.language;
  let working = map;
  for (const section of model.sections) {
    for (const block of section.blocks) {
      if (block.kind !== 'table') continue;
      block.columns.forEach((col, ci) => {
        if (!col.pii) return;
        const kind = col.pii;
        working = assignPseudonyms(
          working,
          kind,
          block.rows.map((r) => {
            const c = r[ci];
            const v = c !== null && typeof c === 'object' ? c.value : c;
            return typeof v === 'string' ? v : null;
          }),
        );
      });
    }
  }
  const p = new TextPseudonymiser(working, locale);
  const str = (s: string): string => p.text(s);
  const opt = (s: string | null | undefined): string | null | undefined => (typeof s === 'string' ? p.text(s) : s);

  const table = (block: TableBlock): TableBlock => ({
    ...block,
    ...(block.title === undefined ? {} : { title: str(block.title) }),
    note: opt(block.note) ?? null,
    rows: block.rows.map((row) =>
      row.map((cell, ci) => {
        const kind = block.columns[ci]?.pii;
        const tokenise = (v: string | number | boolean | null) => (typeof v === 'string' ? (kind ? p.token(kind, v) : p.text(v)) : v);
        return cell !== null && typeof cell === 'object' ? { ...cell, value: tokenise(cell.value) } : tokenise(cell);
      }),
    ),
  });
  const blockOut = (block: ReportBlock): ReportBlock => {
    switch (block.kind) {
      case 'paragraph':
        return { ...block, text: str(block.text) };
      case 'bullets':
        return { ...block, items: block.items.map(str) };
      case 'keyFigures':
        return {
          ...block,
          figures: block.figures.map((f) => ({
            ...f,
            label: str(f.label),
            value: typeof f.value === 'string' ? str(f.value) : f.value,
            note: opt(f.note) ?? null,
          })),
        };
      case 'table':
        return table(block);
      case 'chart':
        return {
          ...block,
          ...(block.title === undefined ? {} : { title: str(block.title) }),
          option: p.chart(block.option),
          caption: opt(block.caption) ?? null,
        };
    }
  };
  const out: ReportModel = {
    ...model,
    pseudonymised: true,
    // A consultant's wording may name a customer: findings go through the same text pass.
    ...(model.findings
      ? {
          findings: {
            ...model.findings,
            items: model.findings.items.map((f) => ({
              ...f,
              text: str(f.text),
              formula: str(f.formula),
              evidence: str(f.evidence),
              action: str(f.action),
              chart: f.chart ? (blockOut(f.chart) as ChartBlock) : null,
            })),
          },
        }
      : {}),
    sections: model.sections.map((s) => ({
      ...s,
      title: str(s.title),
      consultantText: opt(s.consultantText) ?? null,
      blocks: s.blocks.map(blockOut),
    })),
  };
  return { model: out, map: p.snapshot() };
}
