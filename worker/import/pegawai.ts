// The SIMPEG / e-Kinerja employee list (spec in shared/import/pegawai.ts): each NIP ends up holding
// the named jabatan in its PD and unit. A new jabatan is created when the unit has none of that name;
// moving to another jabatan closes the previous holding the day before the TMT, so history stays.
import { and, eq, isNull } from "drizzle-orm";
import { jabatan, jabatanHolders, orgUnits, perangkatDaerah } from "../db/schema";
import { canActForPd } from "../middleware/tenant";
import { pegawaiSpec, type ImportIssue, type PegawaiRow } from "../../shared/import";
import { ESELON_LABELS, type Eselon } from "../../shared/schemas/organisation";
import type { ImportContext, ImportKind, PlannedRow, Upsert } from "./index";
import { wibDay } from "../../shared/format/wib";

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

async function loadStaff(ctx: ImportContext) {
  const t = ctx.tenantId;
  const [pds, units, posts, holders] = await ctx.db.batch([
    ctx.db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, t)),
    ctx.db.select({ id: orgUnits.id, pdId: orgUnits.pdId, code: orgUnits.code }).from(orgUnits).where(eq(orgUnits.tenantId, t)),
    ctx.db.select().from(jabatan).where(and(eq(jabatan.tenantId, t), eq(jabatan.active, true))),
    ctx.db.select().from(jabatanHolders).where(and(eq(jabatanHolders.tenantId, t), isNull(jabatanHolders.validTo))),
  ]);
  return { pds, units, posts, holders };
}

/** Where a jabatan sits: its PD, its unit (or none) and its name, compared loosely. */
const postKey = (pdId: string, unitId: string | null, name: string) => `${pdId}|${unitId ?? ""}|${norm(name)}`;

export const pegawaiImport: ImportKind<PegawaiRow> = {
  spec: pegawaiSpec,
  roles: ["tenant_admin", "agency_admin"],

  async plan(ctx, rows) {
    const { tenantId, now } = ctx;
    const today = wibDay(now);
    const staff = await loadStaff(ctx);
    const issues: ImportIssue[] = [];
    const err = (row: number, column: string | null, message: string) => issues.push({ row, column, severity: "error", message });
    const pdByCode = new Map(staff.pds.map((p) => [p.code, p.id]));
    const unitByCode = new Map(staff.units.map((u) => [`${u.pdId}|${u.code}`, u.id]));
    const posts = new Map(staff.posts.map((j) => [postKey(j.pdId, j.unitId, j.name), j]));
    const holdersByNip = new Map<string, typeof staff.holders>();
    for (const h of staff.holders) holdersByNip.set(h.nip, [...(holdersByNip.get(h.nip) ?? []), h]);
    const seen = new Map<string, number>();
    const planned: PlannedRow[] = [];

    for (const { line, value: r } of rows) {
      if (seen.has(r.nip)) {
        err(line, "NIP", `NIP ${r.nip} ganda (juga di baris ${seen.get(r.nip)})`);
        continue;
      }
      seen.set(r.nip, line);
      const pdId = pdByCode.get(r.kode_pd);
      if (!pdId) {
        err(line, "Kode PD", `Perangkat daerah dengan kode ${r.kode_pd} belum terdaftar`);
        continue;
      }
      if (!canActForPd(ctx.grants, ["tenant_admin", "agency_admin"], pdId)) {
        err(line, "Kode PD", `Anda tidak berwenang mengubah pegawai PD ${r.kode_pd}`);
        continue;
      }
      const unitId = r.kode_unit ? unitByCode.get(`${pdId}|${r.kode_unit}`) : null;
      if (unitId === undefined) {
        err(line, "Kode Unit", `Unit ${r.kode_unit} tidak ada di PD ${r.kode_pd}; impor Struktur Organisasi dulu`);
        continue;
      }

      const writes: Upsert[] = [];
      const key = postKey(pdId, unitId, r.jabatan);
      let post = posts.get(key);
      if (post?.isHead) {
        // Heads of units, with their single holder, belong to the Struktur Organisasi import.
        const current = staff.holders.find((h) => h.jabatanId === post!.id);
        if (current?.nip !== r.nip) issues.push({ row: line, column: "Jabatan", severity: "warning", message: `${r.jabatan} adalah jabatan kepala unit; pejabatnya diatur lewat impor Struktur Organisasi. Baris ini dilewati.` });
        planned.push({ line, action: "unchanged", writes });
        continue;
      }
      const eselon = r.eselon ?? post?.eselon ?? "pelaksana";
      if (!post || post.eselon !== eselon) {
        // Several people may hold one jabatan: it is written with the first row that needs it.
        post = { id: post?.id ?? crypto.randomUUID(), tenantId, pdId, unitId, name: post?.name ?? r.jabatan, eselon, isHead: false, active: true, createdAt: post?.createdAt ?? now, updatedAt: now };
        posts.set(key, post);
        writes.push({ table: jabatan, values: post });
      }

      const current = holdersByNip.get(r.nip) ?? [];
      const here = current.find((h) => h.jabatanId === post!.id);
      if (here) {
        if (here.name !== r.nama) writes.push({ table: jabatanHolders, values: { ...here, name: r.nama, updatedAt: now } });
      } else {
        const from = r.tmt ?? today;
        const clash = current.find((h) => from <= h.validFrom);
        if (clash) {
          err(line, "TMT", `TMT ${from} harus setelah TMT jabatan pegawai ini sekarang (${clash.validFrom})`);
          continue;
        }
        for (const h of current) writes.push({ table: jabatanHolders, values: { ...h, validTo: dayBefore(from), updatedAt: now } });
        writes.push({ table: jabatanHolders, values: { id: crypto.randomUUID(), tenantId, jabatanId: post.id, name: r.nama, nip: r.nip, validFrom: from, validTo: null, createdAt: now, updatedAt: now } });
      }
      planned.push({ line, action: !here && !current.length ? "create" : writes.length ? "update" : "unchanged", writes });
    }
    return { issues, rows: issues.some((i) => i.severity === "error") ? [] : planned };
  },

  async exportRows(ctx) {
    const staff = await loadStaff(ctx);
    const pdCode = new Map(staff.pds.map((p) => [p.id, p.code]));
    const unitCode = new Map(staff.units.map((u) => [u.id, u.code]));
    const postById = new Map(staff.posts.map((j) => [j.id, j]));
    return staff.holders
      .flatMap((h) => {
        const j = postById.get(h.jabatanId);
        return j ? [[h.nip, h.name, j.name, pdCode.get(j.pdId) ?? "", j.unitId ? (unitCode.get(j.unitId) ?? "") : "", ESELON_LABELS[j.eselon as Eselon] ?? j.eselon, h.validFrom]] : [];
      })
      .sort((a, b) => a[3]!.localeCompare(b[3]!, "id", { numeric: true }) || a[0]!.localeCompare(b[0]!));
  },
};
