import { INDUSTRIES, KEY_ACCOUNT_OWNER, MODULES, REGIONS, WEAK_OWNER, type Industry, type Region } from './catalog';
import { AS_OF, MONTHS, addMonths, dayOf, monthStart, nextWorkday } from './calendar';
import type { ContractRec, CustomerPlan, Pattern, Size } from './model';
import { CompanyNamer, personName, phoneNumber } from './names';
import { Rng } from './prng';
import { churnReason, clamp, contractChain, hazardChurn, inTroubledCohort, moduleChain, strategicChains } from './contract-plan';

export { inTroubledCohort };
import type { Theme } from './texts';

// Who the customers are and how each relationship runs over the three years: arrival, contract
// renewals or churn, reactivation, silence, and the planted risk patterns of the last 90 days.

export interface World {
  customers: CustomerPlan[];
  contracts: ContractRec[];
  /** Customers that orders name but the CRM export lacks (documented in README.md). */
  orphans: { key: string; name: string }[];
}

const LEGACY_COUNT = 118; // plus the two strategic accounts

function pickSize(rng: Rng, legacy: boolean): Size {
  return legacy
    ? rng.weighted<Size>([
        ['large', 15],
        ['medium', 45],
        ['small', 40],
      ])
    : rng.weighted<Size>([
        ['large', 8],
        ['medium', 35],
        ['small', 57],
      ]);
}

function scaleFor(rng: Rng, size: Size): number {
  if (size === 'large') return rng.range(5, 9);
  if (size === 'medium') return rng.range(1.8, 3.8);
  return rng.range(0.5, 1.4);
}

function makeCustomer(rng: Rng, namer: CompanyNamer, legacy: boolean, firstSeen: number, startDay: number): CustomerPlan {
  const industry = rng.weighted(INDUSTRIES.map((i) => [i, i.weight] as const));
  const region = rng.weighted(REGIONS.map((r) => [r, r.weight] as const));
  const [province, city] = rng.pick(region.cities);
  const company = namer.make(rng, city, industry.suffixes);
  const size = pickSize(rng, legacy);
  const platformP = size === 'large' ? 0.85 : size === 'medium' ? 0.72 : 0.55;
  const contractual = rng.chance(platformP) ? 'platform' : rng.chance(0.35) ? 'maintenance' : null;
  const contact = personName(rng);
  return {
    key: '',
    name: company.name,
    short: company.shortName,
    domain: company.domain,
    industry,
    region,
    province,
    city,
    owner: rng.pick(region.owners),
    size,
    scale: scaleFor(rng, size),
    legacy,
    firstSeen,
    startDay,
    contractual,
    monthlyBilling: contractual === 'platform' && size === 'small' && rng.chance(0.5),
    growing: rng.chance(0.3),
    sentiment: clamp(rng.normal(0.76, 0.1), 0.35, 0.98),
    churnDay: null,
    churnReason: null,
    returnDay: null,
    lapsedDay: null,
    silentFrom: null,
    patterns: new Set<Pattern>(),
    issues: [],
    contact,
    phone: phoneNumber(rng),
    email: `${contact.pinyin}@${company.domain}`,
    tags: [],
  };
}

function strategicAccount(
  namer: CompanyNamer,
  spec: {
    name: string;
    short: string;
    brand: string;
    domain: string;
    industry: string;
    region: string;
    province: string;
    city: string;
    firstSeen: number;
    scale: number;
  },
): CustomerPlan {
  const rng = Rng.for(`strategic:${spec.name}`);
  namer.reserve(spec.name, spec.city, spec.brand);
  const industry = INDUSTRIES.find((i) => i.name === spec.industry) as Industry;
  const region = REGIONS.find((r) => r.name === spec.region) as Region;
  const contact = personName(rng);
  return {
    key: '',
    name: spec.name,
    short: spec.short,
    domain: spec.domain,
    industry,
    region,
    province: spec.province,
    city: spec.city,
    owner: KEY_ACCOUNT_OWNER,
    size: 'large',
    scale: spec.scale,
    legacy: true,
    firstSeen: spec.firstSeen,
    startDay: monthStart(0),
    contractual: 'platform',
    monthlyBilling: false,
    growing: true,
    sentiment: 0.86,
    churnDay: null,
    churnReason: null,
    returnDay: null,
    lapsedDay: null,
    silentFrom: null,
    patterns: new Set<Pattern>(['strategic']),
    issues: [],
    contact,
    phone: phoneNumber(rng),
    email: `${contact.pinyin}@${spec.domain}`,
    tags: ['战略客户'],
  };
}

function assignIssues(c: CustomerPlan, rng: Rng): Theme[] {
  const set = new Set<Theme>();
  if (inTroubledCohort(c)) set.add('实施周期');
  if (c.owner === WEAK_OWNER) set.add('响应速度');
  if (c.patterns.has('slowService')) {
    set.add('响应速度');
    set.add('售后');
  }
  if (c.patterns.has('lowSatTwice')) {
    set.add('稳定性');
    set.add('售后');
  }
  if (c.patterns.has('competitor')) set.add('价格');
  const reason = c.churnReason ?? null;
  if (reason === 'price' || reason === 'competitor') set.add('价格');
  if (reason === 'service') set.add('售后');
  if (reason === 'implementation') set.add('实施周期');
  if (reason === 'fit') set.add(rng.pick<Theme>(['报表', '易用性', '数据准确']));
  if (set.size === 0 || rng.chance(0.3)) set.add(rng.pick<Theme>(['培训', '稳定性', '价格', '数据准确', '报表', '易用性', '客户经理']));
  return [...set];
}

export function buildWorld(): World {
  const namer = new CompanyNamer();
  const s1 = strategicAccount(namer, {
    name: '常州中锐汽车部件集团有限公司',
    short: '中锐汽车',
    brand: '中锐',
    domain: 'zhongrui-auto.example.com',
    industry: '汽车零部件',
    region: '华东',
    province: '江苏',
    city: '常州',
    firstSeen: dayOf(2019, 5, 16),
    scale: 65,
  });
  s1.patterns.add('benchmark');
  s1.tags.push('行业标杆');
  const s2 = strategicAccount(namer, {
    name: '东莞晶诚精密电子股份有限公司',
    short: '晶诚电子',
    brand: '晶诚',
    domain: 'jingcheng-pe.example.com',
    industry: '电子制造',
    region: '华南',
    province: '广东',
    city: '东莞',
    firstSeen: dayOf(2020, 9, 8),
    scale: 45,
  });
  s2.patterns.add('competitor');
  s2.patterns.add('decisionMaker');

  const plans: CustomerPlan[] = [s1, s2];
  const legacyRng = Rng.for('legacy');
  for (let i = 0; i < LEGACY_COUNT; i++) {
    const firstSeen = dayOf(2019, 3, 1) + legacyRng.int(0, dayOf(2023, 10, 20) - dayOf(2019, 3, 1));
    plans.push(makeCustomer(legacyRng, namer, true, nextWorkday(firstSeen), monthStart(0)));
  }
  const arrivalRng = Rng.for('arrivals');
  for (let m = 0; m < MONTHS; m++) {
    const base = m < 2 ? 8 : m < 14 ? 9 : m < 26 ? 11 : 12;
    const n = base + arrivalRng.int(-2, 2);
    for (let i = 0; i < n; i++) {
      const day = nextWorkday(monthStart(m) + arrivalRng.int(0, 27));
      if (day > AS_OF) continue;
      plans.push(makeCustomer(arrivalRng, namer, false, day, day));
    }
  }
  // The CRM numbers customers in the order they were created.
  plans.sort((a, b) => a.firstSeen - b.firstSeen || a.name.localeCompare(b.name, 'en'));
  plans.forEach((c, i) => (c.key = `KH${String(i + 1).padStart(5, '0')}`));

  const contracts: ContractRec[] = strategicChains(s1, s2);
  for (const c of plans) {
    if (c.patterns.has('strategic')) continue;
    const rng = Rng.for(`life:${c.key}`);
    if (c.contractual) {
      const from = c.legacy ? nextWorkday(dayOf(2022, 11, 10) + rng.int(0, 340)) : c.startDay;
      const chain = contractChain(c, rng, from, { legacy: c.legacy, neverChurn: false });
      contracts.push(...chain.contracts);
      c.churnDay = chain.churnDay;
    } else {
      c.churnDay = hazardChurn(c, rng);
    }
    if (c.churnDay !== null) c.churnReason = churnReason(c, rng);
  }

  // Reactivation: churned early, back 13-16 months later (past a 365-day activity window, so the
  // contractual and the purchase-based definitions agree that they left and came back).
  const pickRng = Rng.for('picks');
  const churnedEarly = pickRng.shuffle(plans.filter((c) => c.churnDay !== null && c.churnDay >= monthStart(4) && c.churnDay <= monthStart(20)));
  let reactivated = 0;
  for (const c of churnedEarly) {
    if (reactivated >= 12) break;
    const back = nextWorkday(addMonths(c.churnDay!, pickRng.int(13, 16)));
    if (back > monthStart(34)) continue;
    c.lapsedDay = c.churnDay;
    c.returnDay = back;
    c.churnDay = null;
    c.patterns.add('reactivated');
    c.tags.push('召回客户');
    if (c.contractual) {
      const chain = contractChain(c, Rng.for(`return:${c.key}`), back, { legacy: false, neverChurn: true });
      contracts.push(...chain.contracts);
    }
    reactivated++;
  }

  // Silent: still 合作中 in the CRM, but nothing at all for more than six months.
  const quietPool = pickRng.shuffle(plans.filter((c) => c.contractual === null && c.churnDay === null && c.returnDay === null && c.startDay <= monthStart(18)));
  for (const c of quietPool.slice(0, 8)) {
    c.silentFrom = nextWorkday(monthStart(pickRng.int(21, 27)) + pickRng.int(0, 20));
    c.patterns.add('silent6m');
  }

  // Benchmarks besides S1: two reference customers of middling revenue (seed 001: a benchmark is
  // 战略级 whatever its revenue share).
  for (const industry of ['新能源', '医药']) {
    const c = plans.find(
      (p) => p.legacy && !p.patterns.has('strategic') && p.industry.name === industry && p.size !== 'small' && p.churnDay === null && p.returnDay === null,
    );
    if (c) {
      c.patterns.add('benchmark');
      c.tags.push('行业标杆');
    }
  }

  plantRiskPatterns(plans, pickRng);

  // Modules: expansion for healthy platform customers; contraction customers get one that is cancelled.
  for (const c of plans) {
    if (c.contractual !== 'platform' || c.monthlyBilling || c.patterns.has('strategic') || c.size === 'small' || c.returnDay !== null) continue;
    const rng = Rng.for(`module:${c.key}`);
    const begin = Math.max(c.startDay, monthStart(0));
    if (c.patterns.has('contraction')) {
      // Cancelled mid-term while the platform contract stays live: contraction, not churn.
      const from = nextWorkday(Math.max(begin + 60, monthStart(12)) + rng.int(0, 150));
      const chain = moduleChain(c, rng, Math.min(from, monthStart(26)), true);
      if (chain.length > 1 && chain[chain.length - 1]!.startDay > AS_OF - 75) chain.pop();
      const cut = chain[chain.length - 1]!;
      cut.renewed = false;
      const latest = Math.min(cut.endDay - 30, AS_OF - 15);
      cut.cancelledDay = nextWorkday(cut.startDay + 30 + rng.int(0, Math.max(0, latest - cut.startDay - 35)));
      contracts.push(...chain);
      continue;
    }
    if (!rng.chance(0.35)) continue;
    const firstEnd = c.churnDay ?? AS_OF;
    const from = nextWorkday(begin + rng.int(120, 400));
    if (from >= firstEnd - 60 || from > AS_OF - 30) continue;
    contracts.push(...moduleChain(c, rng, from, false));
  }
  for (const c of plans) {
    if (c.patterns.has('contraction') && !contracts.some((k) => k.customer === c && k.cancelledDay !== null && MODULES.some((m) => m.name === k.product))) {
      c.patterns.delete('contraction');
    }
  }

  for (const c of plans) {
    c.issues = assignIssues(c, Rng.for(`issues:${c.key}`));
    if (c.patterns.size > 2 && !c.patterns.has('strategic') && c.churnDay === null) c.tags.push('重点跟进');
    if (!c.legacy && c.startDay >= monthStart(24) && Rng.for(`tag:${c.key}`).chance(0.3)) c.tags.push('代理商渠道');
  }

  const last = plans.length;
  const orphanRng = Rng.for('orphans');
  const orphans = [1, 2].map((i) => ({
    key: `KH${String(last + i).padStart(5, '0')}`,
    name: namer.make(orphanRng, i === 1 ? '无锡' : '温州', ['机电', '五金机械']).name,
  }));

  return { customers: plans, contracts, orphans };
}

function plantRiskPatterns(plans: CustomerPlan[], rng: Rng): void {
  const stable = plans.filter(
    (c) =>
      !c.patterns.has('strategic') &&
      !c.patterns.has('benchmark') &&
      c.churnDay === null &&
      c.returnDay === null &&
      c.silentFrom === null &&
      c.startDay <= monthStart(24),
  );
  const pool = rng.shuffle(stable);
  const take = (pattern: Pattern, n: number, ok: (c: CustomerPlan) => boolean): void => {
    let placed = 0;
    for (const c of rng.shuffle(pool)) {
      if (placed >= n) break;
      if (c.patterns.has(pattern) || c.patterns.size >= 3 || !ok(c)) continue;
      c.patterns.add(pattern);
      placed++;
    }
  };
  const platform = (c: CustomerPlan): boolean => c.contractual === 'platform';
  // Five "red" accounts carry several signals at once, as real churn candidates do.
  for (const c of pool.filter((p) => platform(p) && p.size !== 'small').slice(0, 5)) {
    for (const p of ['interactionDrop', 'competitor', 'lowSatTwice', 'loginsDown', 'purchaseDown'] as const) c.patterns.add(p);
  }
  const notRed = (c: CustomerPlan): boolean => c.patterns.size === 0;
  take('interactionDrop', 7, notRed);
  take('unanswered3', 8, (c) => !c.patterns.has('interactionDrop') || c.patterns.size < 2);
  take('purchaseDown', 12, (c) => c.size !== 'small' && notRed(c));
  take('lowSatTwice', 3, notRed);
  take('competitor', 6, (c) => c.patterns.size <= 1);
  take('decisionMaker', 5, (c) => c.patterns.size <= 1);
  take('slowService', 8, (c) => platform(c) && c.patterns.size <= 1);
  take('loginsDown', 6, (c) => platform(c) && c.patterns.size <= 1);
  take('projectDelay', 12, (c) => platform(c) && c.patterns.size <= 2);
  take('contraction', 10, (c) => platform(c) && !c.monthlyBilling && c.size !== 'small' && c.patterns.size <= 1);
}
