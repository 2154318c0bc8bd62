import { AS_OF, MONTHS, isoDate, monthStart, nextWorkday } from './calendar';
import type { ContractRec, CustomerPlan, InteractionRec } from './model';
import { isVisible } from './model';
import type { World } from './plan';
import { Rng } from './prng';
import { noteText, type NoteKind, type TextContext } from './texts';

// The CRM's 沟通记录: what reps logged, with the planted early-warning evidence.

type Purpose = InteractionRec['purpose'];

const CHANNELS: readonly (readonly [string, number])[] = [
  ['微信', 35],
  ['电话', 30],
  ['邮件', 15],
  ['拜访', 12],
  ['会议', 8],
];

function rate(c: CustomerPlan): number {
  if (c.patterns.has('strategic')) return 4.5;
  return c.size === 'large' ? 1.6 : c.size === 'medium' ? 1.0 : 0.65;
}

class Notebook {
  readonly notes: InteractionRec[] = [];
  readonly ctx: TextContext;

  constructor(
    readonly c: CustomerPlan,
    readonly rng: Rng,
  ) {
    this.ctx = { contact: c.contact.name, short: c.short, industry: c.industry.name };
  }

  add(day: number, kind: NoteKind, opts: { purpose: Purpose; outbound: boolean; responded?: boolean; channel?: string }): InteractionRec {
    const channel = opts.channel ?? this.rng.weighted(CHANNELS);
    const rec: InteractionRec = {
      customer: this.c,
      day,
      channel,
      purpose: opts.purpose,
      outbound: opts.outbound,
      responded: opts.responded ?? true,
      owner: this.c.owner,
      text: noteText(kind, this.ctx, this.rng, channel),
    };
    this.notes.push(rec);
    return rec;
  }

  routine(day: number, renewalSoon: boolean, answerRate: number): void {
    const { rng } = this;
    const purpose = rng.weighted<Purpose>([
      ['关怀型', 35],
      ['价值型', 30],
      ['需求型', 35],
    ]);
    // Value-type contacts (reports, reviews, case sharing) are by definition the rep's initiative.
    const outbound = purpose === '价值型' || rng.chance(0.6);
    if (outbound && !rng.chance(answerRate)) {
      this.add(day, 'unanswered', { purpose, outbound, responded: false, channel: rng.pick(['电话', '微信', '邮件']) });
      return;
    }
    const kind: NoteKind =
      purpose === '价值型'
        ? renewalSoon
          ? 'renewal'
          : 'value'
        : purpose === '关怀型'
          ? outbound
            ? 'care'
            : 'serviceIn'
          : outbound
            ? 'demandOut'
            : 'demandIn';
    this.add(day, kind, { purpose, outbound });
  }
}

const betweenDays = (rng: Rng, from: number, to: number): number => Math.min(to, nextWorkday(from + rng.int(0, Math.max(0, to - from))));

function customerNotes(c: CustomerPlan, contracts: readonly ContractRec[]): InteractionRec[] {
  const rng = Rng.for(`notes:${c.key}`);
  const book = new Notebook(c, rng);
  // Never before the relationship began (a churn soon after onboarding has a short run-up).
  const between = (r: Rng, from: number, to: number): number => Math.max(c.startDay + 3, betweenDays(r, from, to));
  const ends = contracts.filter((k) => k.customer === c).map((k) => k.endDay);
  const lapse = c.lapsedDay ?? c.churnDay;
  if (!c.legacy) {
    book.add(nextWorkday(c.startDay + rng.int(0, 5)), 'onboarding', { purpose: '价值型', outbound: true, channel: '会议' });
    book.add(nextWorkday(c.startDay + rng.int(15, 30)), 'onboarding', { purpose: '价值型', outbound: true, channel: '拜访' });
  }
  for (let m = 0; m < MONTHS; m++) {
    const mid = monthStart(m) + 14;
    const preChurn = lapse !== null && mid < lapse && mid > lapse - 120;
    const n = rng.poisson(rate(c) * (preChurn ? 0.5 : 1));
    for (let i = 0; i < n; i++) {
      const day = nextWorkday(monthStart(m) + rng.int(0, 27));
      if (day > AS_OF || day < c.startDay || !isVisible(c, day)) continue;
      const renewalSoon = ends.some((e) => e - day >= 0 && e - day <= 60);
      book.routine(day, renewalSoon, preChurn ? 0.6 : 0.9);
    }
  }

  // What preceded a churn: the evidence a churn review should find.
  if (lapse !== null && c.churnReason !== null) {
    const r = c.churnReason;
    if ((r === 'price' || r === 'competitor') && rng.chance(0.75)) {
      book.add(between(rng, lapse - 100, lapse - 30), 'competitor', { purpose: '需求型', outbound: rng.chance(0.5) });
    }
    if (r === 'decisionMaker') book.add(between(rng, lapse - 150, lapse - 60), 'decisionMaker', { purpose: '关怀型', outbound: true });
    if (r === 'service' || r === 'implementation') book.add(between(rng, lapse - 120, lapse - 40), 'complaint', { purpose: '关怀型', outbound: false });
    for (const back of [35, 14])
      book.add(between(rng, lapse - back, lapse - back), 'unanswered', { purpose: '价值型', outbound: true, responded: false, channel: '电话' });
  }
  if (c.returnDay !== null) book.add(nextWorkday(c.returnDay - rng.int(12, 25)), 'winback', { purpose: '价值型', outbound: true, channel: '拜访' });

  // Planted current signals (last 90 days before the as-of date).
  const late = c.patterns.has('unanswered3') ? AS_OF - 62 : AS_OF - 10;
  const planted = new Set<InteractionRec>();
  if (c.patterns.has('competitor')) {
    const times = c.patterns.has('strategic') ? 2 : rng.int(1, 2);
    for (let i = 0; i < times; i++)
      planted.add(
        book.add(between(rng, AS_OF - 80, late), 'competitor', { purpose: '需求型', outbound: rng.chance(0.5), channel: rng.pick(['拜访', '电话', '微信']) }),
      );
  }
  if (c.patterns.has('decisionMaker'))
    planted.add(book.add(between(rng, AS_OF - 85, late), 'decisionMaker', { purpose: '关怀型', outbound: true, channel: rng.pick(['拜访', '电话']) }));
  if (c.patterns.has('slowService'))
    planted.add(book.add(between(rng, AS_OF - 70, late), 'complaint', { purpose: '关怀型', outbound: false, channel: '电话' }));

  let notes = book.notes;
  if (c.patterns.has('unanswered3')) {
    // The last three logged contacts are outbound attempts nobody answered.
    notes = notes.filter((n) => n.day < AS_OF - 60 || planted.has(n));
    book.notes.length = 0;
    book.notes.push(...notes);
    for (const back of [52, 31, 9])
      planted.add(
        book.add(nextWorkday(AS_OF - back), 'unanswered', {
          purpose: rng.pick<Purpose>(['价值型', '关怀型']),
          outbound: true,
          responded: false,
          channel: rng.pick(['电话', '微信', '邮件']),
        }),
      );
    notes = book.notes;
  }
  if (c.patterns.has('interactionDrop')) {
    // Keep at most one routine note in the last 95 days, then make sure the 90 days before were busy.
    let kept = 0;
    notes = notes.filter((n) => n.day < AS_OF - 95 || planted.has(n) || kept++ < 1);
    book.notes.length = 0;
    book.notes.push(...notes);
    const last = notes.filter((n) => n.day > AS_OF - 90).length;
    const priorCount = (): number => book.notes.filter((n) => n.day > AS_OF - 180 && n.day <= AS_OF - 90).length;
    while (priorCount() < Math.max(6, 2 * last + 2)) book.routine(between(rng, AS_OF - 170, AS_OF - 100), false, 1);
  }
  return dedupe(book.notes);
}

/** Two identical rows would be one fingerprint: shift a colliding note to the next workday. */
function dedupe(notes: InteractionRec[]): InteractionRec[] {
  const seen = new Set<string>();
  const out: InteractionRec[] = [];
  for (const n of notes.sort((a, b) => a.day - b.day)) {
    let k = `${isoDate(n.day)}|${n.channel}|${n.text}`;
    while (seen.has(k)) {
      n.day = nextWorkday(n.day + 1);
      k = `${isoDate(n.day)}|${n.channel}|${n.text}`;
    }
    if (n.day > AS_OF) continue;
    seen.add(k);
    out.push(n);
  }
  return out.sort((a, b) => a.day - b.day);
}

export function generateInteractions(world: World): InteractionRec[] {
  return world.customers.flatMap((c) => customerNotes(c, world.contracts)).sort((a, b) => a.day - b.day || a.customer.key.localeCompare(b.customer.key));
}
