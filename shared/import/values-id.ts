// Ids a spreadsheet turned into floats: a customer id 17850 saved through Excel or pandas comes back
// as "17850.0" or "1.785E4". Read as the id the client wrote, so an order file's customer ids meet
// the customer list's. Only exact forms are folded: "17850.5" or "1.7851234E4" stay as written.

const TRAILING_ZEROS = /^(-?\d+)\.0+$/;
const EXPONENT = /^(-?)(\d)(?:\.(\d+))?[eE]\+?(\d{1,2})$/;

/** The id as written before a float conversion, or null when the text is not such a float. */
export function unfloatId(text: string): string | null {
  const z = TRAILING_ZEROS.exec(text);
  if (z) return z[1]!;
  const e = EXPONENT.exec(text);
  if (e) {
    const [, sign, lead, fraction = '', power] = e;
    const exp = Number(power);
    const digits = fraction.replace(/0+$/, '');
    // Exact only: every written digit sits left of the decimal point.
    if (digits.length > exp) return null;
    return `${sign}${lead}${digits}${'0'.repeat(exp - digits.length)}`;
  }
  return null;
}
