// Customer attributes, long table or JSON column:
// `npm run bench -- customer-attributes [customers] [runs]` (default 500,000 customers with 8
// attributes each, 4 categories, 3 numbers and 1 date; medians of 3 runs). Builds a fresh workspace
// (all migrations), fills customer_attribute (the long table of migration 0013) and, beside it, the
// alternative: one JSON document per customer in a scratch table. Times writing them all; reading
// every attribute as typed columns (customerAttributes vs parsing every document); a breakdown's
// counts by one attribute; the customers of one value (the customer table's filter); and the bytes on
// disk of each. Each figure is printed as soon as it is measured.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createWorkspace } from '../../electron/backend/workspace/workspace';
import { customerAttributes } from '../../electron/backend/workspace/repositories/customer-attributes';

const customers = Number(process.argv[2] ?? 500_000);
const RUNS = Number(process.argv[3] ?? 3);
const dir = join(tmpdir(), `rwb-attr-bench-${process.pid}`);
const path = join(dir, 'attributes.rwb');
rmSync(dir, { recursive: true, force: true });
const ws = await createWorkspace(path, {
  clientName: 'bench',
  industry: null,
  currency: 'CNY',
  locale: 'zh-CN',
  consultant: null,
  startDate: null,
  endDate: null,
  notes: null,
});
const db = ws.sqlite;

const PROVINCES = ['浙江', '广东', '四川', '辽宁', '陕西', '北京', '上海', '江苏', '山东', '湖北'];
const SEGMENTS = ['公司', '消费者', '小型企业'];
const CATEGORIES = [
  ['省/自治区', PROVINCES],
  ['细分', SEGMENTS],
  ['gender', ['Female', 'Male']],
  ['Contract', ['Month-to-month', 'One year', 'Two year']],
] as const;
const NUMBERS = ['tenure', 'MonthlyCharges', 'TotalCharges'];
const key = (i: number): string => `C${String(i).padStart(7, '0')}`;

function median(f: () => void, runs = RUNS): number {
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const s = performance.now();
    f();
    t.push(performance.now() - s);
  }
  return t.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

db.exec('begin');
const c = db.prepare(`insert into customers (row_key, customer_key, name) values (?, ?, ?)`);
for (let i = 0; i < customers; i++) c.run(key(i), key(i), key(i));
db.exec('commit');
db.exec(`create table customer_json (customer_key text primary key, attributes text not null) without rowid`);

const defs = db.prepare(`insert into customer_attribute_def (name, type) values (?, ?)`);
for (const [n] of CATEGORIES) defs.run(n, 'category');
for (const n of NUMBERS) defs.run(n, 'number');
defs.run('签约日期', 'date');

const valuesOf = (i: number): [string, string | number][] => [
  ...CATEGORIES.map(([n, vs]) => [n, vs[(i * 7 + n.length) % vs.length]!] as [string, string]),
  ['tenure', i % 72],
  ['MonthlyCharges', 18 + (i % 10000) / 100],
  ['TotalCharges', (i % 72) * (18 + (i % 10000) / 100)],
  ['签约日期', `20${String(10 + (i % 15)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`],
];

let t0 = performance.now();
db.exec('begin');
const put = db.prepare(`insert into customer_attribute (customer_key, name, value) values (?, ?, ?)`);
for (let i = 0; i < customers; i++) for (const [n, v] of valuesOf(i)) put.run(key(i), n, v);
db.exec('commit');
const writeLong = performance.now() - t0;
t0 = performance.now();
db.exec('begin');
const putJson = db.prepare(`insert into customer_json (customer_key, attributes) values (?, ?)`);
for (let i = 0; i < customers; i++) putJson.run(key(i), JSON.stringify(Object.fromEntries(valuesOf(i))));
db.exec('commit');
const writeJson = performance.now() - t0;
const ms = (v: number): string => `${v.toFixed(0).padStart(7)} ms`;
const mb = (v: number): string => `${(v / 1e6).toFixed(1).padStart(7)} MB`;
console.log(`customer attributes, ${customers.toLocaleString('en')} customers x 8 attributes (medians of ${RUNS})`);
console.log(`                          long table      JSON column`);
console.log(`write all               ${ms(writeLong)}       ${ms(writeJson)}`);

const readLong = median(() => customerAttributes(db));
const readJson = median(() => {
  const keys = db.prepare('select customer_key from customers order by customer_key').pluck().all() as string[];
  const at = new Map(keys.map((k, i) => [k, i]));
  const cols = new Map<string, unknown[]>();
  for (const [k, doc] of db.prepare('select customer_key, attributes from customer_json').raw(true).iterate() as IterableIterator<[string, string]>) {
    const i = at.get(k)!;
    for (const [n, v] of Object.entries(JSON.parse(doc) as Record<string, unknown>)) {
      let col = cols.get(n);
      if (!col) cols.set(n, (col = new Array(keys.length).fill(null)));
      col[i] = v;
    }
  }
});
console.log(`read as typed columns   ${ms(readLong)}       ${ms(readJson)}`);
const groupLong = median(() => db.prepare(`select value, count(*) from customer_attribute where name = ? group by value`).all('省/自治区'));
const groupJson = median(() => db.prepare(`select json_extract(attributes, '$."省/自治区"') as v, count(*) from customer_json group by v`).all());
console.log(`breakdown counts        ${ms(groupLong)}       ${ms(groupJson)}`);
const filterLong = median(() => db.prepare(`select customer_key from customer_attribute where name = ? and value = ?`).pluck().all('省/自治区', '浙江'));
const filterJson = median(() => db.prepare(`select customer_key from customer_json where json_extract(attributes, '$."省/自治区"') = ?`).pluck().all('浙江'));
console.log(`filter one value        ${ms(filterLong)}       ${ms(filterJson)}`);
const bytes = (names: string): number => (db.prepare(`select coalesce(sum(pgsize), 0) from dbstat where name in (${names})`).pluck().get() as number) ?? 0;
let sizeLong = NaN;
let sizeJson = NaN;
try {
  sizeLong = bytes(`'customer_attribute', 'customer_attribute_by_value', 'customer_attribute_by_batch'`);
  sizeJson = bytes(`'customer_json'`);
} catch {
  // dbstat is compiled into most SQLite builds, not all.
}

console.log(`on disk                 ${mb(sizeLong)}       ${mb(sizeJson)}`);
await ws.close();
rmSync(dir, { recursive: true, force: true });
