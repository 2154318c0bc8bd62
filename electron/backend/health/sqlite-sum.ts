// SQLite's sum() over REAL values, reproduced in JS. Since 3.43 SQLite sums floating-point input with
// Kahan-Babuska-Neumaier compensation (0.1 + 0.2 + 0.3 = 0.6, not 0.6000000000000001). Facts that
// used to be summed in SQL are now folded in JS from streamed rows; summing naively would move spend
// and logins by an ulp and change stored numbers, so the same compensated steps are taken here.
// Only REAL input is handled: every summed column (orders.amount, orders.quantity, usage.value) has
// REAL affinity, so SQLite never takes its integer path for them.

export class SqliteRealSum {
  private sum = 0;
  private err = 0;
  count = 0;

  add(r: number | null): void {
    if (r == null) return;
    this.count++;
    const s = this.sum;
    const t = s + r;
    if (Math.abs(s) > Math.abs(r)) this.err += s - t + r;
    else this.err += r - t + s;
    this.sum = t;
  }

  /** sum(): null when no non-null value was added. */
  value(): number | null {
    if (this.count === 0) return null;
    return Number.isFinite(this.err) ? this.sum + this.err : this.sum;
  }
}
