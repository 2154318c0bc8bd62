// Files shaped like what clients and public data sets really send, generated with a seeded random
// source so every run writes the same bytes:
// - an order file like UCI Online Retail: InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
//   UnitPrice, CustomerID written as floats (17850.0) by a spreadsheet, Country; returns as negative
//   quantities on 'C' invoices; a quarter of the lines without a CustomerID;
// - a Chinese superstore export (订单 ID, 订单日期, 客户 ID, 客户名称, 细分, 城市, 省/自治区, 地区,
//   销售额, 数量, 折扣, 利润);
// - a telecom churn snapshot customer list without a name column (customerID, gender, SeniorCitizen,
//   Partner, tenure, Contract, MonthlyCharges, TotalCharges with blanks, Churn Yes/No).
import { writeFileSync } from 'node:fs';

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const csvCell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const csv = (rows: readonly (readonly string[])[]): string => rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';

export interface RetailFacts {
  lines: number;
  withoutCustomer: number;
  returnLines: number;
  customers: number;
  countries: Map<string, string>;
}

/** UCI-Online-Retail-like lines: 4 lines in 4 have a customer except one; 1 in 10 invoices is a 'C' return. */
export function writeRetail(path: string, lines = 400): RetailFacts {
  const r = random(17850);
  const countries = ['United Kingdom', 'France', 'Germany', 'EIRE', 'Netherlands'];
  const products = [
    ['85123A', 'WHITE HANGING HEART T-LIGHT HOLDER', '2.55'],
    ['71053', 'WHITE METAL LANTERN', '3.39'],
    ['84406B', 'CREAM CUPID HEARTS COAT HANGER', '2.75'],
    ['22423', 'REGENCY CAKESTAND 3 TIER', '12.75'],
    ['POST', 'POSTAGE', '18.0'],
  ] as const;
  const customerIds = Array.from({ length: 30 }, (_, i) => 12346 + i * 137);
  const country = new Map<string, string>();
  for (const id of customerIds) country.set(String(id), pick(r, countries));
  const rows: string[][] = [['InvoiceNo', 'StockCode', 'Description', 'Quantity', 'InvoiceDate', 'UnitPrice', 'CustomerID', 'Country']];
  let invoice = 536365;
  let withoutCustomer = 0;
  let returnLines = 0;
  const seen = new Set<string>();
  for (let i = 0; i < lines; i++) {
    if (i % 4 === 0) invoice++;
    // Every fourth line has no customer: guests at the till, as in a quarter of the UCI lines.
    const anonymous = i % 4 === 3;
    const id = pick(r, customerIds);
    const isReturn = !anonymous && i % 10 === 5;
    const [code, text, price] = pick(r, products);
    const qty = (1 + Math.floor(r() * 12)) * (isReturn ? -1 : 1);
    const day = 1 + Math.floor(i / 40);
    const date = `2010-12-${String(day).padStart(2, '0')} ${String(8 + (i % 10)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}:00`;
    if (anonymous) withoutCustomer++;
    else seen.add(String(id));
    if (isReturn) returnLines++;
    rows.push([
      isReturn ? `C${invoice}` : String(invoice),
      code,
      text,
      String(qty),
      date,
      price,
      anonymous ? '' : `${id}.0`,
      anonymous ? 'United Kingdom' : country.get(String(id))!,
    ]);
  }
  writeFileSync(path, csv(rows));
  return { lines, withoutCustomer, returnLines, customers: seen.size, countries: country };
}

export interface SuperstoreCustomer {
  id: string;
  name: string;
  segment: string;
  city: string;
  province: string;
  region: string;
}

/** A Chinese superstore export (UTF-8 with BOM, as Excel saves 'CSV UTF-8'). */
export function writeSuperstore(path: string, lines = 200): { lines: number; customers: SuperstoreCustomer[] } {
  const r = random(2017);
  const places = [
    ['杭州', '浙江', '华东'],
    ['广州', '广东', '中南'],
    ['成都', '四川', '西南'],
    ['沈阳', '辽宁', '东北'],
    ['西安', '陕西', '西北'],
    ['北京', '北京', '华北'],
  ] as const;
  const surnames = ['曾惠', '许安', '宋良', '万兰', '俞明', '谢雯', '康青', '赵婵', '刘斯', '白鹄'];
  const customers: SuperstoreCustomer[] = surnames.map((n, i) => {
    const [city, province, region] = places[i % places.length]!;
    return { id: `${n}-${14485 + i * 211}`, name: n, segment: pick(r, ['公司', '消费者', '小型企业']), city, province, region };
  });
  const rows: string[][] = [['行 ID', '订单 ID', '订单日期', '客户 ID', '客户名称', '细分', '城市', '省/自治区', '地区', '销售额', '数量', '折扣', '利润']];
  let order = 100000;
  for (let i = 0; i < lines; i++) {
    if (i % 3 === 0) order++;
    const c = pick(r, customers);
    const qty = 1 + Math.floor(r() * 8);
    const sales = Math.round(qty * (50 + r() * 900) * 100) / 100;
    const discount = pick(r, ['0', '0.1', '0.2', '0.4']);
    const profit = Math.round((sales * (0.3 - Number(discount)) - 20) * 100) / 100;
    const month = 1 + (i % 12);
    rows.push([
      String(i + 1),
      `CN-2017-${order}`,
      `2017/${month}/${1 + (i % 27)}`,
      c.id,
      c.name,
      c.segment,
      c.city,
      c.province,
      c.region,
      sales.toFixed(2),
      String(qty),
      discount,
      profit.toFixed(2),
    ]);
  }
  writeFileSync(path, '\uFEFF' + csv(rows));
  return { lines, customers };
}

export interface TelcoFacts {
  customers: number;
  blankTotals: number;
  churned: number;
}

/** A telecom churn snapshot: one row per customer, ids only (no name column), TotalCharges blank for new customers. */
export function writeTelco(path: string, customers = 120): TelcoFacts {
  const r = random(7590);
  const rows: string[][] = [['customerID', 'gender', 'SeniorCitizen', 'Partner', 'tenure', 'Contract', 'MonthlyCharges', 'TotalCharges', 'Churn']];
  let blankTotals = 0;
  let churned = 0;
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let i = 0; i < customers; i++) {
    const id = `${String(1000 + i * 37).padStart(4, '0')}-${Array.from({ length: 5 }, () => pick(r, [...letters])).join('')}`;
    // New customers (tenure 0) have no total yet: the public file writes a blank there.
    const tenure = i % 20 === 0 ? 0 : 1 + Math.floor(r() * 72);
    const monthly = Math.round((18 + r() * 100) * 100) / 100;
    const total = tenure === 0 ? ' ' : (monthly * tenure).toFixed(2);
    if (tenure === 0) blankTotals++;
    const churn = r() < 0.27 ? 'Yes' : 'No';
    if (churn === 'Yes') churned++;
    rows.push([
      id,
      pick(r, ['Female', 'Male']),
      r() < 0.16 ? '1' : '0',
      pick(r, ['Yes', 'No']),
      String(tenure),
      pick(r, ['Month-to-month', 'One year', 'Two year']),
      monthly.toFixed(2),
      total,
      churn,
    ]);
  }
  writeFileSync(path, csv(rows));
  return { customers, blankTotals, churned };
}
