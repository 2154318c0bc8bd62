import { MAINTENANCE_CONTRACT, MODULES } from './catalog';
import { MONTHS, monthStart } from './calendar';
import type { ContractRec, CustomerPlan, UsageRec } from './model';
import { isVisible } from './model';
import type { World } from './plan';
import { Rng } from './prng';

// Monthly platform statistics (登录次数, 活跃用户数) for months a platform contract was live.

function isPlatform(k: ContractRec): boolean {
  return k.product !== MAINTENANCE_CONTRACT && !MODULES.some((m) => m.name === k.product);
}

function liveOn(k: ContractRec, day: number): boolean {
  const last = k.cancelledDay !== null ? k.cancelledDay - 1 : k.endDay;
  return k.startDay <= day && day <= last;
}

function baseUsers(c: CustomerPlan, rng: Rng): number {
  if (c.patterns.has('strategic')) return c.scale >= 60 ? 420 : 210;
  if (c.size === 'large') return rng.range(45, 120);
  if (c.size === 'medium') return rng.range(15, 45);
  return rng.range(6, 15);
}

function customerUsage(c: CustomerPlan, contracts: readonly ContractRec[]): UsageRec[] {
  if (c.contractual !== 'platform') return [];
  const mine = contracts.filter((k) => k.customer === c && isPlatform(k));
  const rng = Rng.for(`usage:${c.key}`);
  const users = baseUsers(c, rng);
  const lapse = c.lapsedDay ?? c.churnDay;
  const out: UsageRec[] = [];
  for (let m = 0; m < MONTHS; m++) {
    const mid = monthStart(m) + 14;
    if (!mine.some((k) => liveOn(k, mid)) || !isVisible(c, mid)) continue;
    const since = c.returnDay !== null && mid >= c.returnDay ? c.returnDay : c.startDay;
    const age = Math.floor((mid - since) / 30);
    const ramp = c.legacy && since === c.startDay ? 1 : ([0.35, 0.65, 0.9][age] ?? 1);
    const growth = c.growing ? 1 + 0.012 * Math.max(0, (mid - c.startDay) / 30) : 1;
    let loginF = 1;
    let userF = 1;
    if (lapse !== null && mid < lapse && mid > lapse - 120) {
      loginF = 0.55;
      userF = 0.8;
    }
    // The planted usage drop: the last three months at under half the three before.
    if (c.patterns.has('loginsDown') && m >= MONTHS - 3) {
      loginF = 0.45;
      userF = 0.75;
    }
    const active = Math.max(1, Math.round(users * ramp * growth * userF * rng.range(0.85, 0.97)));
    const logins = Math.max(1, Math.round(users * ramp * growth * loginF * rng.range(15, 19)));
    out.push({ customer: c, month: m, metric: '登录次数', value: logins });
    out.push({ customer: c, month: m, metric: '活跃用户数', value: active });
  }
  return out;
}

export function generateUsage(world: World): UsageRec[] {
  return world.customers.flatMap((c) => customerUsage(c, world.contracts)).sort((a, b) => a.month - b.month || a.customer.key.localeCompare(b.customer.key));
}
