import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import type { ReportModel } from '../../../../shared/reports/model';
import { WorkbenchError } from '../../errors';
import { deckText } from './text';
import { DEFAULT_DECK_THEME, type DeckTheme } from './theme';

// The client's own template. pptxgenjs cannot open a .pptx (its maintainer declined it), and a
// token filler alone (docxtemplater's free core) cannot add slides with tables and charts. So the
// deck is drawn by pptxgenjs and then grafted onto the template package: the template's slide
// master, layouts, theme and media stay as they are; its slides that hold {tokens} are kept with the
// tokens filled (a title slide, a closing slide), its sample slides without tokens are removed; each
// drawn slide is copied in and pointed at the template's "Title Only" layout, its title placeholder
// left without position or size so the layout places and styles it; the theme's colours (accent 1
// and 2, dark 2) colour the drawn shapes.

export interface DeckTemplate {
  path: string;
  buffer: Buffer;
  theme: DeckTheme;
}

const REL_SLIDE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slide';
const REL_LAYOUT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideLayout';
const REL_NOTES = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide';
const REL_NOTES_MASTER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster';
const REL_THEME = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme';
const CT_SLIDE = 'application/vnd.openxmlformats-officedocument.presentationml.slide+xml';
const CT_NOTES = 'application/vnd.openxmlformats-officedocument.presentationml.notesSlide+xml';
const CT_NOTES_MASTER = 'application/vnd.openxmlformats-officedocument.presentationml.notesMaster+xml';
const CT_THEME = 'application/vnd.openxmlformats-officedocument.theme+xml';

const TOKEN = /\{([^{}\s]{1,40})\}/;

function invalid(path: string, detail: string): WorkbenchError {
  return new WorkbenchError('PPTX_TEMPLATE_INVALID', { path, detail });
}

/** Synchronous checks need the zip's central directory: a quick look for the PK signature and the parts by name. */
export function readTemplate(path: string): DeckTemplate {
  let buffer: Buffer;
  try {
    buffer = readFileSync(path);
  } catch {
    throw new WorkbenchError('FILE_NOT_FOUND', { path });
  }
  if (buffer.length < 4 || buffer.readUInt32LE(0) !== 0x04034b50) throw invalid(path, 'not a zip package (.pptx)');
  if (buffer.length > 200 * 1024 * 1024) throw invalid(path, 'larger than 200 MB');
  const names = buffer.toString('latin1');
  if (!names.includes('ppt/presentation.xml')) throw invalid(path, 'no ppt/presentation.xml: not a presentation');
  if (!names.includes('ppt/slideLayouts/')) throw invalid(path, 'no slide layouts');
  return { path, buffer, theme: DEFAULT_DECK_THEME };
}

interface Rel {
  id: string;
  type: string;
  target: string;
}

function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b([^>]*)\/?>/g)].map((m) => {
    const a = m[1] ?? '';
    const attr = (n: string) => new RegExp(`\\b${n}="([^"]*)"`).exec(a)?.[1] ?? '';
    return { id: attr('Id'), type: attr('Type'), target: attr('Target') };
  });
}

function relsXml(rels: readonly Rel[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${r.target}"/>`)
    .join('')}</Relationships>`;
}

/** 'ppt/slides/slide3.xml' → 'ppt/slides/_rels/slide3.xml.rels' */
const relsPath = (part: string) => part.replace(/([^/]+)$/, '_rels/$1.rels');
/** A relationship target relative to its part's folder, resolved. */
function resolveTarget(part: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = part.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}
const relative = (fromPart: string, toPart: string) => {
  const from = fromPart.split('/').slice(0, -1);
  const to = toPart.split('/');
  let i = 0;
  while (i < from.length && from[i] === to[i]) i++;
  return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/');
};

async function text(zip: JSZip, part: string): Promise<string | null> {
  const f = zip.file(part);
  return f ? f.async('string') : null;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function xmlUnescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The values a template's {tokens} take; Chinese names work too. */
export function templateTokens(model: ReportModel): Record<string, string> {
  const c = model.cover;
  const values: Record<string, string> = {
    client: c.client,
    title: c.title,
    subtitle: c.subtitle ?? '',
    date: c.date,
    consultant: c.consultant,
    industry: c.industry ?? '',
    findings: String(model.findings?.items.length ?? 0),
  };
  const zh: Record<string, string> = {
    客户: 'client',
    客户名称: 'client',
    标题: 'title',
    报告标题: 'title',
    副标题: 'subtitle',
    日期: 'date',
    顾问: 'consultant',
    行业: 'industry',
  };
  for (const [k, v] of Object.entries(zh)) values[k] = values[v] ?? '';
  return values;
}

/**
 * Fills {tokens} paragraph by paragraph: PowerPoint splits a typed "{client}" over several runs
 * (spell-check, autocorrect), so a paragraph's runs are read as one text, the tokens replaced, and
 * the result put in the first run (keeping its formatting) with the others emptied.
 */
export function fillTokens(xml: string, values: Readonly<Record<string, string>>): { xml: string; filled: number } {
  let filled = 0;
  const out = xml.replace(/<a:p>([\s\S]*?)<\/a:p>|<a:p\s[^>]*>([\s\S]*?)<\/a:p>/g, (para) => {
    const runs = [...para.matchAll(/<a:t>([^<]*)<\/a:t>|<a:t\s[^>]*>([^<]*)<\/a:t>/g)];
    if (runs.length === 0) return para;
    const joined = runs.map((r) => xmlUnescape(r[1] ?? r[2] ?? '')).join('');
    if (!TOKEN.test(joined)) return para;
    let changed = false;
    const replaced = joined.replace(new RegExp(TOKEN.source, 'g'), (whole, name: string) => {
      const v = values[name];
      if (v === undefined) return whole;
      changed = true;
      filled++;
      return deckText(v);
    });
    if (!changed) return para;
    let i = 0;
    return para.replace(/<a:t>[^<]*<\/a:t>|<a:t\s[^>]*>[^<]*<\/a:t>/g, (t) => {
      const open = t.slice(0, t.indexOf('>') + 1);
      return `${open}${i++ === 0 ? xmlEscape(replaced) : ''}</a:t>`;
    });
  });
  return { xml: out, filled };
}

/** accent1 / accent2 / dk2 of the template's theme, as the drawn shapes' colours. */
function themeColours(xml: string): DeckTheme {
  const colour = (slot: string): string | null => {
    const m = new RegExp(`<a:${slot}>([\\s\\S]*?)</a:${slot}>`).exec(xml);
    if (!m) return null;
    return /srgbClr val="([0-9A-Fa-f]{6})"/.exec(m[1] ?? '')?.[1]?.toUpperCase() ?? /lastClr="([0-9A-Fa-f]{6})"/.exec(m[1] ?? '')?.[1]?.toUpperCase() ?? null;
  };
  return {
    ...DEFAULT_DECK_THEME,
    primary: colour('accent1') ?? DEFAULT_DECK_THEME.primary,
    accent: colour('accent2') ?? DEFAULT_DECK_THEME.accent,
    text: colour('dk2') ?? DEFAULT_DECK_THEME.text,
  };
}

/** The template, checked and with its theme colours read: before any slide is drawn. */
export async function loadTemplate(path: string): Promise<DeckTemplate> {
  return inspectTemplate(readTemplate(path));
}

/** Reads the template's theme colours and checks its slide size is 16:9 (the deck is drawn for it). */
export async function inspectTemplate(t: DeckTemplate): Promise<DeckTemplate> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(t.buffer);
  } catch (err) {
    throw invalid(t.path, `the zip cannot be read (${(err as Error).message})`);
  }
  const pres = await text(zip, 'ppt/presentation.xml');
  if (!pres) throw invalid(t.path, 'no ppt/presentation.xml');
  const size = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(pres);
  if (!size) throw invalid(t.path, 'no slide size');
  const ratio = Number(size[1]) / Number(size[2]);
  if (Math.abs(ratio - 16 / 9) > 0.02) throw invalid(t.path, `its slides are ${ratio.toFixed(2)}:1, not 16:9 (widescreen)`);
  const masterRels = parseRels((await text(zip, 'ppt/slideMasters/_rels/slideMaster1.xml.rels')) ?? '');
  const themeRel = masterRels.find((r) => r.type === REL_THEME);
  const themeXml = themeRel ? await text(zip, resolveTarget('ppt/slideMasters/slideMaster1.xml', themeRel.target)) : null;
  return { ...t, theme: themeXml ? themeColours(themeXml) : DEFAULT_DECK_THEME };
}

interface LayoutChoice {
  content: string;
  title: string;
}

async function chooseLayouts(zip: JSZip): Promise<LayoutChoice> {
  const layouts = Object.keys(zip.files)
    .filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const types = await Promise.all(
    layouts.map(async (l) => ({ part: l, type: /<p:cSld\b|<p:sldLayout\b[^>]*\btype="(\w+)"/.exec((await text(zip, l)) ?? '')?.[1] ?? '' })),
  );
  const pick = (...wanted: string[]) => wanted.map((w) => types.find((t) => t.type === w)?.part).find(Boolean);
  const first = layouts[0];
  if (!first) throw new Error('no layouts');
  return { content: pick('titleOnly', 'obj', 'tx') ?? first, title: pick('title', 'titleOnly') ?? first };
}

/** The drawn title placeholder loses its position, size, colour and size of text: the layout's win. */
function letLayoutStyleTitle(xml: string): string {
  return xml.replace(/<p:sp>(?:(?!<\/p:sp>)[\s\S])*?<p:ph\b[^>]*\btype="(?:title|ctrTitle)"[\s\S]*?<\/p:sp>/g, (sp) =>
    sp
      // Our master's placeholder index means nothing on the template's layout; the type matches it.
      .replace(/(<p:ph\b[^>]*?)\s+idx="\d+"/, '$1')
      .replace(/<a:xfrm>[\s\S]*?<\/a:xfrm>/, '')
      .replace(/<a:prstGeom[\s\S]*?<\/a:prstGeom>/, '')
      .replace(/(<a:rPr\b[^>]*?)\s(?:sz|b)="[^"]*"/g, '$1')
      .replace(/(<a:rPr\b[^>]*?)\s(?:sz|b)="[^"]*"/g, '$1')
      .replace(/(<a:rPr\b[^>]*>)<a:solidFill>[\s\S]*?<\/a:solidFill>/g, '$1'),
  );
}

/**
 * The drawn deck on the client's template (see the top of this file). Returns the new package.
 * The drawn title slide is left out when the template keeps a title slide of its own with tokens.
 */
export async function applyTemplate(deck: Buffer, t: DeckTemplate, model: ReportModel): Promise<{ buffer: Buffer; keptSlides: number }> {
  const tz = await JSZip.loadAsync(t.buffer);
  const gz = await JSZip.loadAsync(deck);
  let pres = (await text(tz, 'ppt/presentation.xml')) ?? '';
  let presRels = parseRels((await text(tz, 'ppt/_rels/presentation.xml.rels')) ?? '');
  let types = (await text(tz, '[Content_Types].xml')) ?? '';
  const values = templateTokens(model);

  // 1. The template's slides: keep those with tokens (filled), remove the samples.
  let kept = 0;
  let keptTitle = false;
  const sldIds = [...pres.matchAll(/<p:sldId\b[^>]*\br:id="([^"]+)"[^>]*\/>/g)];
  // The layouts the template's own slides use say which the client means for a title and for content:
  // the first slide's for the title, the last one's for content.
  const usedLayouts: string[] = [];
  for (const m of sldIds) {
    const rel = presRels.find((r) => r.id === m[1]);
    if (!rel) continue;
    const part = resolveTarget('ppt/presentation.xml', rel.target);
    const layout = parseRels((await text(tz, relsPath(part))) ?? '').find((r) => r.type === REL_LAYOUT);
    if (layout) usedLayouts.push(resolveTarget(part, layout.target));
  }
  for (const m of sldIds) {
    const rel = presRels.find((r) => r.id === m[1]);
    if (!rel) continue;
    const part = resolveTarget('ppt/presentation.xml', rel.target);
    const xml = (await text(tz, part)) ?? '';
    const { xml: filledXml, filled } = fillTokens(xml, values);
    if (filled > 0) {
      tz.file(part, filledXml);
      kept++;
      if (kept === 1) keptTitle = true;
      continue;
    }
    // A sample slide: its part, rels and notes go, and every reference to them.
    const rels = parseRels((await text(tz, relsPath(part))) ?? '');
    for (const r of rels.filter((x) => x.type === REL_NOTES)) {
      const notes = resolveTarget(part, r.target);
      tz.remove(notes);
      tz.remove(relsPath(notes));
      types = types.replace(new RegExp(`<Override PartName="/${notes}"[^>]*/>`), '');
    }
    tz.remove(part);
    tz.remove(relsPath(part));
    types = types.replace(new RegExp(`<Override PartName="/${part}"[^>]*/>`), '');
    pres = pres.replace(m[0], '');
    presRels = presRels.filter((r) => r.id !== rel.id);
  }

  // 2. A notes master for the speaker notes, when the template has none: the drawn deck's, with its theme.
  const byType = await chooseLayouts(tz);
  const layouts: LayoutChoice = {
    title: usedLayouts[0] ?? byType.title,
    content: usedLayouts.length > 1 ? (usedLayouts[usedLayouts.length - 1] ?? byType.content) : byType.content,
  };
  let notesMasterPart = Object.keys(tz.files).find((n) => /^ppt\/notesMasters\/notesMaster\d+\.xml$/.test(n)) ?? null;
  let nextRel = Math.max(0, ...presRels.map((r) => Number(/(\d+)$/.exec(r.id)?.[1] ?? 0))) + 1;
  const newRel = () => `rId${nextRel++}`;
  if (!notesMasterPart) {
    const gMaster = 'ppt/notesMasters/notesMaster1.xml';
    const gRels = parseRels((await text(gz, relsPath(gMaster))) ?? '');
    const themeNo = Math.max(0, ...Object.keys(tz.files).map((n) => Number(/^ppt\/theme\/theme(\d+)\.xml$/.exec(n)?.[1] ?? 0))) + 1;
    const themePart = `ppt/theme/theme${themeNo}.xml`;
    const gTheme = gRels.find((r) => r.type === REL_THEME);
    if (gTheme) tz.file(themePart, (await text(gz, resolveTarget(gMaster, gTheme.target))) ?? '');
    tz.file(gMaster, (await text(gz, gMaster)) ?? '');
    tz.file(relsPath(gMaster), relsXml([{ id: 'rId1', type: REL_THEME, target: `../theme/theme${themeNo}.xml` }]));
    types = types.replace(
      '</Types>',
      `<Override PartName="/${gMaster}" ContentType="${CT_NOTES_MASTER}"/><Override PartName="/${themePart}" ContentType="${CT_THEME}"/></Types>`,
    );
    const id = newRel();
    presRels.push({ id, type: REL_NOTES_MASTER, target: 'notesMasters/notesMaster1.xml' });
    pres = pres.replace(/(<\/p:sldMasterIdLst>)/, `$1<p:notesMasterIdLst><p:notesMasterId r:id="${id}"/></p:notesMasterIdLst>`);
    notesMasterPart = gMaster;
  }

  // 3. The drawn slides, in order, on the template's layouts.
  const gPres = (await text(gz, 'ppt/presentation.xml')) ?? '';
  const gPresRels = parseRels((await text(gz, 'ppt/_rels/presentation.xml.rels')) ?? '');
  const gSlides = [...gPres.matchAll(/<p:sldId\b[^>]*\br:id="([^"]+)"[^>]*\/>/g)]
    .map((m) => gPresRels.find((r) => r.id === m[1]))
    .filter((r): r is Rel => r !== undefined)
    .map((r) => resolveTarget('ppt/presentation.xml', r.target));
  let slideNo = Math.max(0, ...Object.keys(tz.files).map((n) => Number(/^ppt\/slides\/slide(\d+)\.xml$/.exec(n)?.[1] ?? 0))) + 1;
  let notesNo = Math.max(0, ...Object.keys(tz.files).map((n) => Number(/^ppt\/notesSlides\/notesSlide(\d+)\.xml$/.exec(n)?.[1] ?? 0))) + 1;
  let sldId = Math.max(255, ...[...pres.matchAll(/<p:sldId\b[^>]*\bid="(\d+)"/g)].map((m) => Number(m[1])));
  let mediaNo = 1;
  let sldIdXml = '';
  for (const [i, gPart] of gSlides.entries()) {
    if (i === 0 && keptTitle) continue; // the template's own title slide stands in for the drawn one
    const part = `ppt/slides/slide${slideNo++}.xml`;
    let xml = (await text(gz, gPart)) ?? '';
    xml = letLayoutStyleTitle(xml);
    // The drawn title slide sets white text on our colour; on the template's title layout the theme's text colour reads.
    if (i === 0) xml = xml.replace(/<a:srgbClr val="FFFFFF"\/>/g, '<a:schemeClr val="tx1"/>').replace(/<p:bg>[\s\S]*?<\/p:bg>/, '');
    const rels: Rel[] = [];
    for (const r of parseRels((await text(gz, relsPath(gPart))) ?? '')) {
      if (r.type === REL_LAYOUT) {
        rels.push({ ...r, target: relative(part, i === 0 ? layouts.title : layouts.content) });
      } else if (r.type === REL_NOTES) {
        const gNotes = resolveTarget(gPart, r.target);
        const notesPart = `ppt/notesSlides/notesSlide${notesNo++}.xml`;
        tz.file(notesPart, (await text(gz, gNotes)) ?? '');
        tz.file(
          relsPath(notesPart),
          relsXml([
            { id: 'rId1', type: REL_NOTES_MASTER, target: relative(notesPart, notesMasterPart) },
            { id: 'rId2', type: REL_SLIDE, target: relative(notesPart, part) },
          ]),
        );
        types = types.replace('</Types>', `<Override PartName="/${notesPart}" ContentType="${CT_NOTES}"/></Types>`);
        // Notes slides point back at their slide by rId2 in pptxgenjs' output; the ids are kept.
        rels.push({ ...r, target: relative(part, notesPart) });
      } else if (r.target.includes('media/')) {
        const from = resolveTarget(gPart, r.target);
        const ext = /\.(\w+)$/.exec(from)?.[1]?.toLowerCase() ?? 'png';
        const media = `ppt/media/rwb-deck-${slideNo - 1}-${mediaNo++}.${ext}`;
        const data = await gz.file(from)?.async('nodebuffer');
        if (data) tz.file(media, data);
        if (!new RegExp(`<Default Extension="${ext}"`, 'i').test(types))
          types = types.replace('</Types>', `<Default Extension="${ext}" ContentType="image/${ext === 'jpg' ? 'jpeg' : ext}"/></Types>`);
        rels.push({ ...r, target: relative(part, media) });
      } else if (r.type !== 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/slideMaster') {
        rels.push(r);
      }
    }
    tz.file(part, xml);
    tz.file(relsPath(part), relsXml(rels));
    types = types.replace('</Types>', `<Override PartName="/${part}" ContentType="${CT_SLIDE}"/></Types>`);
    const id = newRel();
    presRels.push({ id, type: REL_SLIDE, target: part.replace(/^ppt\//, '') });
    sldIdXml += `<p:sldId id="${++sldId}" r:id="${id}"/>`;
  }
  pres = /<p:sldIdLst>/.test(pres)
    ? pres.replace('</p:sldIdLst>', `${sldIdXml}</p:sldIdLst>`).replace(/<p:sldIdLst\/>/, `<p:sldIdLst>${sldIdXml}</p:sldIdLst>`)
    : pres
        .replace(/<p:sldIdLst\/>/, `<p:sldIdLst>${sldIdXml}</p:sldIdLst>`)
        .replace(/(<p:sldSz\b)/, (m) => (pres.includes('<p:sldIdLst') ? m : `<p:sldIdLst>${sldIdXml}</p:sldIdLst>${m}`));
  tz.file('ppt/presentation.xml', pres);
  tz.file('ppt/_rels/presentation.xml.rels', relsXml(presRels));
  tz.file('[Content_Types].xml', types);
  return { buffer: await tz.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }), keptSlides: kept };
}
