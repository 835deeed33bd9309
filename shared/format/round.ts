/**
 * Rounds half away from zero at `dp` decimals, on the decimal value a person
 * reads rather than the binary double: 1.005 → 1.01 and 92.535 → 92.54 even
 * though both doubles sit just below the half (DOMAIN.md §4: compute unrounded,
 * round only for display and classification; golden.json compares this way).
 */
export function roundTo(value: number, dp: number): number {
  if (!Number.isInteger(dp) || dp < 0) throw new RangeError(`dp must be a non-negative integer, got ${dp}`);
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** dp;
  const product = Math.abs(value) * factor;
  // A double holds ~15 significant decimal digits; beyond that there is nothing left to round
  // (and rupiah amounts up to 10^14 must stay exact).
  if (product >= 1e15) return value;
  // 15 significant digits drop the binary noise of the multiplication (1.005 * 100 = 100.49999…).
  const scaled = Number(product.toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded; // no -0 for display
}
