// CSV the way Excel and WPS save "CSV UTF-8": a byte-order mark, CRLF line ends, fields quoted only
// when they must be.

export type Cell = string | number | null;

function field(v: Cell): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : v;
  return /[",\r\n]/.test(s) || s.trim() !== s ? `"${s.replaceAll('"', '""')}"` : s;
}

export function toCsv(headers: readonly string[], rows: readonly (readonly Cell[])[]): Buffer {
  const lines = [headers.map(field).join(',')];
  for (const r of rows) lines.push(r.map(field).join(','));
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}

/** 12800 -> "12800.00" */
export function money(v: number): string {
  return v.toFixed(2);
}

/** 1080000 -> "1,080,000.00", as the contract register's formatted cells export. */
export function groupedMoney(v: number): string {
  const [int, dec] = Math.abs(v).toFixed(2).split('.') as [string, string];
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${v < 0 ? '-' : ''}${grouped}.${dec}`;
}
