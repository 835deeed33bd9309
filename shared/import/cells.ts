// zod pieces for spreadsheet cells (text in, typed value out), shared by every import kind.
import { z } from "../schemas/zod-locale";
import { parseIdNumber } from "../format/number";

const required = (what: string) => z.string({ error: `${what} wajib diisi` });

export const textCell = (what: string, max = 200) => required(what).max(max, `${what} terlalu panjang (maks. ${max} huruf)`);

/** A whole number as Indonesians write it ("1.234" is 1234); units, labels, ranges and fractions are errors. */
export const integerCell = (what: string) =>
  required(what).transform((s, ctx) => {
    const p = parseIdNumber(s);
    if (p.kind !== "number" || p.unit || p.label || !Number.isInteger(p.value)) {
      ctx.addIssue({ code: "custom", message: p.kind === "error" ? p.message : `${what} harus bilangan bulat: "${s}"` });
      return z.NEVER;
    }
    return p.value;
  });

/** Whole rupiah as exports write it: "1.789.275.000", "Rp 1.789.275.000,-"; sen and negatives are errors. */
export const rupiahCell = (what: string) =>
  z.string().transform((s, ctx) => {
    const p = parseIdNumber(s);
    if (p.kind !== "number" || (p.unit && p.unit !== "rupiah") || p.label || !Number.isSafeInteger(p.value) || p.value < 0) {
      ctx.addIssue({ code: "custom", message: p.kind === "error" ? p.message : `${what} harus rupiah bulat: "${s}"` });
      return z.NEVER;
    }
    return p.value;
  });

/** Matches a value or its label, ignoring case, spaces and punctuation. */
export function enumCell<const T extends string>(what: string, values: readonly T[], labels: Record<T, string>, aliases: Record<string, T> = {}) {
  const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");
  const lookup = new Map<string, T>();
  for (const v of values) lookup.set(norm(v), v), lookup.set(norm(labels[v]), v);
  for (const [k, v] of Object.entries(aliases)) lookup.set(norm(k), v);
  return required(what).transform((s, ctx) => {
    const v = lookup.get(norm(s));
    if (!v) {
      ctx.addIssue({ code: "custom", message: `${what} "${s}" tidak dikenal; pilih: ${values.map((x) => labels[x]).join(", ")}` });
      return z.NEVER;
    }
    return v;
  });
}

export const yesNoCell = z
  .string()
  .optional()
  .transform((s, ctx) => {
    if (s === undefined) return true;
    const v = s.toLowerCase();
    if (["ya", "y", "aktif", "1", "true"].includes(v)) return true;
    if (["tidak", "t", "nonaktif", "0", "false"].includes(v)) return false;
    ctx.addIssue({ code: "custom", message: `Isi "Ya" atau "Tidak", bukan "${s}"` });
    return z.NEVER;
  });

/** "2022-02-01" or "01/02/2022" / "1-2-2022" (day first) → "2022-02-01". */
export const dateCell = (what: string) =>
  required(what).transform((s, ctx) => {
    const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
    const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : dmy ? [dmy[3], dmy[2], dmy[1]] : [];
    const date = y ? new Date(Date.UTC(Number(y), Number(m) - 1, Number(d))) : null;
    if (!date || date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(m) - 1) {
      ctx.addIssue({ code: "custom", message: `${what} "${s}" bukan tanggal (tulis TTTT-BB-HH atau HH/BB/TTTT)` });
      return z.NEVER;
    }
    return date.toISOString().slice(0, 10);
  });
