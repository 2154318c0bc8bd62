// Stored JSON (run results, signal evidence, model reasons) keeps its figures through a close-out;
// only its strings are looked at. A string that is exactly a known personal value becomes its token
// (or null); staff names, few and used as breakdown labels ("attr:owner=李娜"), are replaced inside
// strings too. Evidence that quotes a free text (a fact read from texts[...]) loses the quote.

export interface Scrubber {
  /** exact personal value -> replacement (a token, or null to drop it) */
  readonly exact: ReadonlyMap<string, string | null>;
  /** staff name -> token, replaced wherever it appears inside a string */
  readonly inner: ReadonlyMap<string, string>;
}

// A one-character name inside a string would hit every word holding that character.
const MIN_INNER = 2;

function scrubString(s: string, sc: Scrubber): string | null {
  const hit = sc.exact.get(s);
  if (hit !== undefined) return hit;
  let out = s;
  for (const [name, token] of sc.inner) if (name.length >= MIN_INNER && out.includes(name)) out = out.split(name).join(token);
  return out;
}

function walk(node: unknown, sc: Scrubber): unknown {
  if (typeof node === 'string') return scrubString(node, sc);
  if (Array.isArray(node)) return node.map((v) => walk(v, sc));
  if (node !== null && typeof node === 'object') {
    const obj = node as Record<string, unknown>;
    const quotesText = typeof obj.fact === 'string' && /^texts?\b|\.text$/.test(obj.fact);
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(obj)) out[k] = quotesText && k === 'value' ? null : walk(v, sc);
    return out;
  }
  return node;
}

/** The JSON text with its strings scrubbed; text that is not JSON is scrubbed as one string. */
export function scrubJsonText(text: string, sc: Scrubber): string | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return scrubString(text, sc);
  }
  return JSON.stringify(walk(parsed, sc));
}
