import type Database from 'better-sqlite3-multiple-ciphers';

// A hand-built engagement whose every figure is checked by hand in the tests (see run.test.ts):
//   A  steady buyer; order O1 has two lines on different days (dated by the earliest, 2023-12-10)
//   B  bought 2023-12-20, lapsed, came back 2024-02-25 (a reactivation)
//   C  bought 2024-01-05 and returned it all on 2024-01-20 (the return is not activity)
//   D  only a free line (amount 0): never a customer
//   E  first bought 2024-03-10, inside the partial as-of period
//   F  two contracts; one cancelled 2024-02-10 while the other stays live (contraction, not churn)
//   G  contract ended 2024-01-31 (churn), new contract 2024-03-01 (reactivation)
export const AS_OF = '2024-03-20';

export function fillFixture(sqlite: Database.Database): void {
  const c = sqlite.prepare('insert into customers (row_key, customer_key, name, industry, region, owner) values (?, ?, ?, ?, ?, ?)');
  c.run('A', 'A', '甲公司', '制造', '华东', '王');
  c.run('B', 'B', '乙公司', '制造', '华东', '李');
  c.run('C', 'C', '丙公司', '医药', '华南', '王');
  c.run('D', 'D', '丁公司', null, null, null);
  c.run('E', 'E', '戊公司', '医药', null, '李');
  c.run('F', 'F', '己公司', '制造', null, null);
  c.run('G', 'G', '庚公司', '医药', null, null);
  const o = sqlite.prepare('insert into orders (row_key, order_key, customer_key, order_date, amount, is_return) values (?, ?, ?, ?, ?, ?)');
  let n = 0;
  const line = (order: string, customer: string, date: string, amount: number, isReturn = 0) => o.run(`o${++n}`, order, customer, date, amount, isReturn);
  line('O1', 'A', '2023-12-11', 50);
  line('O1', 'A', '2023-12-10', 100);
  line('O2', 'A', '2024-01-15', 200);
  line('O3', 'A', '2024-02-10', 300);
  line('O4', 'A', '2024-03-05', 100);
  line('O5', 'B', '2023-12-20', 500);
  line('O6', 'B', '2024-02-25', 80);
  line('O7', 'C', '2024-01-05', 1000);
  line('O8', 'C', '2024-01-20', -1000, 1);
  line('O9', 'D', '2024-02-01', 0);
  line('O10', 'E', '2024-03-10', 400);
  const k = sqlite.prepare(
    'insert into contracts (row_key, contract_key, customer_key, start_date, end_date, recurring_value, mrr, cancelled_date) values (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  k.run('K1', 'K1', 'F', '2024-01-01', null, 100, 100, null);
  k.run('K2', 'K2', 'F', '2024-01-01', null, 50, 50, '2024-02-10');
  k.run('K3', 'K3', 'G', '2023-12-01', '2024-01-31', 200, 200, null);
  k.run('K4', 'K4', 'G', '2024-03-01', null, 150, 150, null);
}
