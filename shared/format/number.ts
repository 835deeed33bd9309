/**
 * Numbers as Indonesian reports write them (DOMAIN.md §8): "." groups
 * thousands, "," marks decimals. Parsing is strict: anything not recognised is
 * an error naming the text, never a guess.
 */
import { roundTo } from "./round";

export type NumberUnit = "percent" | "rupiah";

export type ParsedNumber =
  | { kind: "number"; value: number; unit?: NumberUnit; label?: string }
  | { kind: "range"; min: number; max: number; unit?: NumberUnit; label?: string }
  | { kind: "category"; value: string }
  | { kind: "error"; message: string };

// Predikat and opini words such as AA, BB, WTP, WDP: short and all capitals.
const CATEGORY = /^[A-Z]{1,5}$/;
const LABEL = /^(.*?)\s*\(([^()]*)\)$/;
const RUPIAH = /^([-−]?)Rp\.?\s*(.+?)(?:,-)?$/i; // "-Rp 1.000" as formatRupiah writes it
const PERCENT = /^(.+?)\s*%$/;
const RANGE = /^([-+−]?[\d.,]+)\s*(?:[-–—]|s\.d\.?|s\/d)\s*([-+−]?[\d.,]+)$/i;
// "1.234.567,89": a first group of 1–3 digits not starting with 0, then groups of exactly 3.
const GROUPED = /^[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const COMMA_DECIMAL = /^\d+(?:,\d+)?$/;
const DOT_DECIMAL = /^\d+\.\d+$/;

/**
 * One numeral, no unit. A single dot followed by exactly three digits
 * ("1.234") reads as thousands, as in Indonesian tables; any other single dot
 * ("81.64", "0.125", "1234.567") can only be a decimal point.
 */
function parseNumeral(text: string): number | null {
  const negative = /^[-−]/.test(text);
  const digits = text.replace(/^[-+−]/, "");
  let normalized: string;
  if (GROUPED.test(digits)) normalized = digits.replaceAll(".", "").replace(",", ".");
  else if (COMMA_DECIMAL.test(digits)) normalized = digits.replace(",", ".");
  else if (DOT_DECIMAL.test(digits)) normalized = digits;
  else return null;
  const value = Number(normalized);
  return negative && value !== 0 ? -value : value;
}

export function parseIdNumber(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "error", message: "Nilai kosong" };
  if (CATEGORY.test(trimmed)) return { kind: "category", value: trimmed };
  const unrecognised = { kind: "error", message: `Angka tidak dikenali: "${trimmed}"` } as const;

  let body = trimmed;
  let label: string | undefined;
  const labelled = LABEL.exec(body);
  if (labelled) {
    label = labelled[2]?.trim();
    body = labelled[1] ?? "";
    if (!label) return unrecognised;
  }

  let unit: NumberUnit | undefined;
  const rupiah = RUPIAH.exec(body);
  const percent = PERCENT.exec(body);
  if (rupiah) [unit, body] = ["rupiah", `${rupiah[1] ?? ""}${rupiah[2] ?? ""}`];
  else if (percent) [unit, body] = ["percent", percent[1] ?? ""];
  const extras = { ...(unit && { unit }), ...(label && { label }) };

  const range = RANGE.exec(body);
  if (range) {
    const min = parseNumeral(range[1] ?? "");
    const max = parseNumeral(range[2] ?? "");
    if (min === null || max === null) return unrecognised;
    if (min > max) return { kind: "error", message: `Rentang terbalik: "${trimmed}"` };
    return { kind: "range", min, max, ...extras };
  }
  const value = parseNumeral(body);
  return value === null ? unrecognised : { kind: "number", value, ...extras };
}

const formatters = new Map<number, Intl.NumberFormat>();

function formatter(dp: number): Intl.NumberFormat {
  let nf = formatters.get(dp);
  if (!nf) {
    nf = new Intl.NumberFormat("id-ID", { minimumFractionDigits: dp, maximumFractionDigits: dp });
    formatters.set(dp, nf);
  }
  return nf;
}

/** "1.234.567,89"; rounds half away from zero on the decimal value first (see roundTo). */
export function formatNumber(value: number, dp = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot format ${value}`);
  return formatter(dp).format(roundTo(value, dp));
}

/** "81,64 %": the value is already a percentage, the space follows the reports. */
export function formatPercent(value: number, dp = 2): string {
  return `${formatNumber(value, dp)} %`;
}

/** "Rp 21.505.412.182" for integer rupiah; a negative amount is "-Rp 1.000". */
export function formatRupiah(rupiah: number): string {
  if (!Number.isSafeInteger(rupiah)) throw new RangeError(`Rupiah must be a safe integer, got ${rupiah}`);
  return `${rupiah < 0 ? "-" : ""}Rp ${formatNumber(Math.abs(rupiah), 0)}`;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * "23 November 2026". A "YYYY-MM-DD" string is a calendar date and prints as
 * written; a Date is an instant and prints as the day it is in `timeZone`
 * (WIB by default — pass the tenant's zone for WITA/WIT).
 */
export function formatDate(date: Date | string, timeZone = "Asia/Jakarta"): string {
  const [instant, zone] = typeof date === "string" ? [calendarDate(date), "UTC"] : [date, timeZone];
  if (Number.isNaN(instant.getTime())) throw new RangeError("Invalid Date");
  const options = { day: "numeric", month: "long", year: "numeric", timeZone: zone } as const;
  return new Intl.DateTimeFormat("id-ID", options).format(instant);
}

function calendarDate(text: string): Date {
  const date = new Date(`${text}T00:00:00Z`);
  // The round trip rejects days the month does not have (2026-02-30).
  if (!ISO_DATE.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${text}`);
  }
  return date;
}
