import { GIFT, HARDWARE, ORDER_CHANNELS, SERVICES, SPARES, type Product } from './catalog';
import { AS_OF, MONTHS, compactDate, monthOfYear, monthStart, nextWorkday } from './calendar';
import type { CustomerPlan, OrderLineRec } from './model';
import { isVisible } from './model';
import type { World } from './plan';
import { Rng } from './prng';

// Order lines as the ERP exports them: one row per product, several rows per order, returns as
// separate 退货 documents with negative quantities and amounts, the odd zero-priced gift line.

const DAYS_180 = 180;

function baseRate(c: CustomerPlan): number {
  // The two key accounts: S1 (scale 65) buys for a dozen plants, S2 (scale 45) for four.
  if (c.patterns.has('strategic')) return c.scale >= 60 ? 5 : 3.5;
  return c.size === 'large' ? 1.0 : c.size === 'medium' ? 0.6 : 0.35;
}

/** Lunar New Year empties February; December budgets fill up. */
function season(m: number): number {
  const mo = monthOfYear(monthStart(m));
  return mo === 2 ? 0.5 : mo === 1 ? 0.85 : mo === 12 ? 1.25 : 1;
}

function rateFactor(c: CustomerPlan, m: number, day: number): number {
  let f = season(m);
  if (c.growing) f *= 1 + 0.015 * Math.max(0, (day - c.startDay) / 30);
  const lapse = c.lapsedDay ?? c.churnDay;
  if (lapse !== null && day < lapse && day > lapse - 120) f *= 0.45;
  if (c.patterns.has('purchaseDown')) {
    if (m >= 32) f *= 0.25;
    else if (m >= 29) f *= 0.5;
  }
  return f;
}

class CustomerOrders {
  readonly lines: OrderLineRec[] = [];
  private seq = 0;
  private readonly channel: string;
  private readonly discount: number;

  constructor(
    private readonly c: CustomerPlan,
    private readonly rng: Rng,
  ) {
    this.channel = rng.weighted(ORDER_CHANNELS);
    this.discount = c.size === 'large' ? rng.range(0.86, 0.94) : c.size === 'medium' ? rng.range(0.92, 1) : 1;
  }

  private line(day: number, seq: number, p: Product, qty: number, channel: string, discounted: boolean): OrderLineRec {
    const price = discounted ? Math.round(p.price * this.discount) : p.price;
    return {
      customerKey: this.c.key,
      customerName: this.c.name,
      day,
      orderSeq: seq,
      product: p.name,
      category: p.category,
      qty,
      price,
      channel,
      seller: this.c.owner,
      isReturn: false,
    };
  }

  order(day: number, kind: 'onboarding' | 'spares' | 'hardware' | 'service'): void {
    const { c, rng } = this;
    const seq = this.seq++;
    const channel = rng.chance(0.8) ? this.channel : rng.weighted(ORDER_CHANNELS);
    const products: Product[] = [];
    const s = c.scale;
    const qtyOf = (p: Product, power: number, div: number): number => Math.max(1, Math.round((p.qty * s ** power * rng.range(0.6, 1.4)) / div));
    const out: OrderLineRec[] = [];
    if (kind === 'onboarding') {
      out.push(this.line(day, seq, HARDWARE[0]!, Math.max(1, Math.round(s * rng.range(0.8, 1.5))), channel, true));
      out.push(this.line(day, seq, rng.pick(HARDWARE.slice(1, 4)), qtyOf(HARDWARE[1]!, 0.8, 1), channel, true));
      if (c.contractual === 'platform') {
        out.push(this.line(day, seq, SERVICES[0]!, Math.round(3 + 2 * s), channel, false));
        out.push(this.line(day, seq, SERVICES[2]!, 1, channel, false));
      }
    } else if (kind === 'spares') {
      for (const p of rng.shuffle(SPARES).slice(0, rng.int(1, 3))) products.push(p);
      for (const p of products) out.push(this.line(day, seq, p, qtyOf(p, 0.7, 1), channel, false));
    } else if (kind === 'hardware') {
      for (const p of rng.shuffle(HARDWARE).slice(0, rng.int(1, 3))) out.push(this.line(day, seq, p, qtyOf(p, 0.8, 3), channel, true));
      if (rng.chance(0.05)) out.push(this.line(day, seq, GIFT, GIFT.qty, channel, false));
    } else {
      const p = rng.pick(SERVICES);
      out.push(this.line(day, seq, p, p.category === '培训服务' ? 1 : qtyOf(p, 0.5, 2), channel, false));
    }
    this.lines.push(...out);
    // A small share of goods comes back one to four weeks later as a separate 退货 document.
    for (const l of out) {
      if (l.price === 0 || l.category === '实施服务' || l.category === '培训服务' || !rng.chance(0.015)) continue;
      const back = nextWorkday(day + rng.int(7, 30));
      if (back > AS_OF) continue;
      const qty = Math.min(l.qty, rng.int(1, Math.max(1, Math.ceil(l.qty / 3))));
      this.lines.push({ ...l, day: back, orderSeq: this.seq++, qty: -qty, isReturn: true, origin: l });
    }
  }
}

function customerOrders(c: CustomerPlan): OrderLineRec[] {
  const rng = Rng.for(`orders:${c.key}`);
  const book = new CustomerOrders(c, rng);
  if (!c.legacy) book.order(c.startDay, 'onboarding');
  if (c.returnDay !== null) book.order(c.returnDay, 'onboarding');
  const rate = baseRate(c);
  const end = c.churnDay;
  for (let m = 0; m < MONTHS; m++) {
    const mid = monthStart(m) + 14;
    const n = rng.poisson(rate * rateFactor(c, m, mid));
    for (let i = 0; i < n; i++) {
      const day = nextWorkday(monthStart(m) + rng.int(0, 27));
      if (day > AS_OF || day <= c.startDay || !isVisible(c, day)) continue;
      if (c.returnDay !== null && day <= c.returnDay && day > (c.lapsedDay ?? 0) - 45) continue;
      // Transactional buyers stop ordering a while before sales gives up and marks them lost.
      if (end !== null && c.contractual === null && day > end - 45) continue;
      const kind = rng.weighted<'spares' | 'hardware' | 'service'>([
        ['spares', 50],
        ['hardware', 38],
        ['service', 12],
      ]);
      book.order(day, kind);
    }
  }
  // A reactivated customer must have bought before it lapsed, or there is nothing to come back to.
  if (c.lapsedDay !== null && !book.lines.some((l) => l.day < c.lapsedDay!)) {
    book.order(nextWorkday(Math.max(c.startDay + 1, c.lapsedDay - rng.int(60, 100))), 'spares');
  }
  if (c.patterns.has('purchaseDown')) {
    // A decline needs something to decline from: regular orders in the half-year before.
    const priorFrom = AS_OF - 359;
    while (book.lines.filter((l) => l.day >= priorFrom && l.day < priorFrom + DAYS_180 && !l.isReturn).length < 6) {
      book.order(nextWorkday(priorFrom + rng.int(0, DAYS_180 - 10)), 'hardware');
    }
    enforceDecline(book.lines);
  }
  return book.lines;
}

const value = (l: OrderLineRec): number => l.qty * l.price;

/** Guarantees the planted drop: sales of the last 180 days at most 60% of the 180 days before. */
function enforceDecline(lines: OrderLineRec[]): void {
  const recentFrom = AS_OF - DAYS_180 + 1;
  const priorFrom = recentFrom - DAYS_180;
  const sum = (from: number, to: number): number => lines.filter((l) => l.day >= from && l.day <= to).reduce((s, l) => s + value(l), 0);
  const prior = sum(priorFrom, recentFrom - 1);
  for (;;) {
    const recent = sum(recentFrom, AS_OF);
    if (recent <= 0.6 * prior || prior <= 0) return;
    // Drop the biggest recent order (all its lines and any return of them).
    const orders = new Map<string, number>();
    for (const l of lines) if (l.day >= recentFrom && !l.isReturn) orders.set(`${l.day}:${l.orderSeq}`, (orders.get(`${l.day}:${l.orderSeq}`) ?? 0) + value(l));
    const biggest = [...orders.entries()].sort((a, b) => b[1] - a[1])[0];
    if (!biggest) return;
    for (let i = lines.length - 1; i >= 0; i--) {
      const l = lines[i]!;
      const k = `${l.day}:${l.orderSeq}`;
      if (k === biggest[0] || (l.origin && `${l.origin.day}:${l.origin.orderSeq}` === biggest[0])) lines.splice(i, 1);
    }
  }
}

function orphanOrders(world: World): OrderLineRec[] {
  // Orders an agent keyed into the ERP for customers the CRM never received (README.md).
  const rng = Rng.for('orders:orphans');
  const out: OrderLineRec[] = [];
  world.orphans.forEach((o, i) => {
    const days = i === 0 ? [nextWorkday(monthStart(33) + 9), nextWorkday(monthStart(34) + 16)] : [nextWorkday(monthStart(35) + 12)];
    days.forEach((day, j) => {
      for (const p of [HARDWARE[0]!, HARDWARE[1 + ((i + j) % 3)]!]) {
        out.push({
          customerKey: o.key,
          customerName: o.name,
          day,
          orderSeq: j,
          product: p.name,
          category: p.category,
          qty: p === HARDWARE[0] ? 1 : rng.int(4, 10),
          price: p.price,
          channel: '代理商',
          seller: '周建国',
          isReturn: false,
        });
      }
    });
  });
  return out;
}

/** All order lines, numbered like the ERP does: XS/TH + date + sequence of the day. */
export function generateOrders(world: World): OrderLineRec[] {
  const lines = [...world.customers.flatMap(customerOrders), ...orphanOrders(world)];
  const docKey = (l: OrderLineRec): string => `${l.customerKey}:${l.day}:${l.orderSeq}`;
  const docs = new Map<string, OrderLineRec[]>();
  for (const l of lines) {
    const k = docKey(l);
    const list = docs.get(k);
    if (list) list.push(l);
    else docs.set(k, [l]);
  }
  const ordered = [...docs.values()].sort(
    (a, b) => a[0]!.day - b[0]!.day || a[0]!.customerKey.localeCompare(b[0]!.customerKey) || a[0]!.orderSeq - b[0]!.orderSeq,
  );
  const perDay = new Map<string, number>();
  const out: OrderLineRec[] = [];
  for (const doc of ordered) {
    const first = doc[0]!;
    const prefix = `${first.isReturn ? 'TH' : 'XS'}${compactDate(first.day)}`;
    const n = (perDay.get(prefix) ?? 0) + 1;
    perDay.set(prefix, n);
    for (const l of doc) {
      l.orderNo = `${prefix}${String(n).padStart(3, '0')}`;
      out.push(l);
    }
  }
  return out;
}
