import { MODULES, PROJECT_MANAGERS, REGIONS } from './catalog';
import { AS_OF, monthStart, nextWorkday, yearOf } from './calendar';
import type { CustomerPlan, ProjectRec } from './model';
import { inTroubledCohort, type World } from './plan';
import { Rng } from './prng';

// The delivery team's project register: implementations, module roll-outs, expansion phases.

const REMOTE = new Set(REGIONS.filter((r) => r.name === '西南' || r.name === '西北').map((r) => r.name));

function riskOf(delay: number): ProjectRec['risk'] {
  return delay > 45 ? '高' : delay > 10 ? '中' : '低';
}

function project(c: CustomerPlan, rng: Rng, name: string, plannedStart: number, days: number, delay: number): ProjectRec {
  const plannedEnd = plannedStart + days;
  const actualStart = plannedStart + rng.int(0, 10);
  const finish = plannedEnd + delay;
  const lapse = c.lapsedDay ?? c.churnDay;
  const rec: ProjectRec = {
    customer: c,
    name,
    manager: rng.pick(PROJECT_MANAGERS),
    plannedStart,
    plannedEnd,
    actualStart: actualStart <= AS_OF ? actualStart : null,
    actualEnd: null,
    status: '未启动',
    openIssues: 0,
    risk: riskOf(delay),
  };
  if (rec.actualStart === null) return rec;
  if (lapse !== null && lapse > plannedStart && lapse < finish) {
    rec.status = '已终止';
    rec.actualEnd = lapse;
    rec.openIssues = rng.int(2, 8);
    rec.risk = '高';
  } else if (finish <= AS_OF) {
    rec.status = '已验收';
    rec.actualEnd = finish;
    rec.openIssues = rng.chance(0.2) ? rng.int(1, 2) : 0;
  } else {
    rec.status = '实施中';
    rec.openIssues = plannedEnd < AS_OF ? rng.int(3, 9) : rng.int(1, 5);
  }
  return rec;
}

function implementationDelay(c: CustomerPlan, rng: Rng): number {
  let d: number;
  if (inTroubledCohort(c) && rng.chance(0.85)) d = rng.int(40, 130);
  else if (rng.chance(0.2)) d = rng.int(10, 60);
  else d = rng.int(-7, 7);
  if (REMOTE.has(c.region.name)) d += 15;
  return d;
}

function customerProjects(c: CustomerPlan, world: World): ProjectRec[] {
  const rng = Rng.for(`projects:${c.key}`);
  const out: ProjectRec[] = [];
  if (c.contractual === 'platform') {
    const duration = c.size === 'large' ? rng.int(120, 180) : rng.int(60, 120);
    if (!c.legacy)
      out.push(project(c, rng, `${c.short}设备联网及平台实施项目`, nextWorkday(c.startDay + rng.int(7, 20)), duration, implementationDelay(c, rng)));
    if (c.returnDay !== null)
      out.push(project(c, rng, `${c.short}平台重新上线项目`, nextWorkday(c.returnDay + rng.int(5, 15)), rng.int(45, 75), rng.int(-5, 10)));
    for (const k of world.contracts) {
      if (k.customer !== c || k.prev !== null || !MODULES.some((m) => m.name === k.product)) continue;
      out.push(
        project(
          c,
          rng,
          `${c.short}${k.product}上线项目`,
          nextWorkday(k.startDay + rng.int(3, 12)),
          rng.int(30, 60),
          rng.chance(0.2) ? rng.int(10, 40) : rng.int(-5, 5),
        ),
      );
    }
  }
  if (c.patterns.has('projectDelay')) {
    // Overdue and still open, with a pile of unresolved issues.
    const plannedStart = nextWorkday(monthStart(rng.int(27, 30)) + rng.int(0, 20));
    const days = Math.min(rng.int(75, 110), AS_OF - 35 - plannedStart);
    const rec = project(c, rng, `${c.short}二期产线扩容项目`, plannedStart, days, 999);
    rec.status = '实施中';
    rec.actualEnd = null;
    rec.openIssues = rng.int(5, 12);
    rec.risk = '高';
    out.push(rec);
  } else if (c.legacy && c.churnDay === null && rng.chance(0.3)) {
    const plannedStart = nextWorkday(monthStart(rng.int(1, 30)) + rng.int(0, 20));
    out.push(project(c, rng, `${c.short}二期产线扩容项目`, plannedStart, rng.int(60, 120), rng.chance(0.25) ? rng.int(10, 50) : rng.int(-5, 5)));
  }
  return out.filter((p) => p.plannedStart <= AS_OF);
}

export function generateProjects(world: World): ProjectRec[] {
  const all = world.customers.flatMap((c) => customerProjects(c, world));
  all.sort((a, b) => a.plannedStart - b.plannedStart || a.customer.key.localeCompare(b.customer.key) || a.name.localeCompare(b.name, 'en'));
  const perYear = new Map<number, number>();
  for (const p of all) {
    const y = yearOf(p.plannedStart);
    const n = (perYear.get(y) ?? 0) + 1;
    perYear.set(y, n);
    p.key = `XM${y}${String(n).padStart(3, '0')}`;
  }
  return all;
}
