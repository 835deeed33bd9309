// Import kinds of the Organisation module (specs in shared/import/organisation.ts).
import { and, eq, isNull } from "drizzle-orm";
import { jabatan, jabatanHolders, orgUnits, perangkatDaerah } from "../db/schema";
import { canActForPd } from "../middleware/tenant";
import { orgUnitsSpec, perangkatDaerahSpec, type ImportIssue, type OrgUnitRow, type PdRow } from "../../shared/import";
import { findCycle, structureWarnings } from "../../shared/formulas/struktur";
import { ESELON_LABELS, UNIT_KIND_LABELS, type Eselon, type UnitKind } from "../../shared/schemas/organisation";
import { PD_KIND_LABELS, type PdKind } from "../../shared/kinds";
import type { ImportContext, ImportKind, PlannedRow, Upsert } from "./index";

const dayBefore = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/** Everything the org tree import and export need from the tenant's data, in four queries. */
async function loadOrg(ctx: ImportContext) {
  const t = ctx.tenantId;
  const [pds, units, heads, holders] = await ctx.db.batch([
    ctx.db.select({ id: perangkatDaerah.id, code: perangkatDaerah.code }).from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, t)),
    ctx.db.select().from(orgUnits).where(eq(orgUnits.tenantId, t)),
    ctx.db.select().from(jabatan).where(and(eq(jabatan.tenantId, t), eq(jabatan.isHead, true))),
    ctx.db.select().from(jabatanHolders).where(and(eq(jabatanHolders.tenantId, t), isNull(jabatanHolders.validTo))),
  ]);
  return {
    pds,
    units,
    headByUnit: new Map(heads.map((j) => [j.unitId!, j])),
    holderByJabatan: new Map(holders.map((h) => [h.jabatanId, h])),
  };
}

export const orgUnitsImport: ImportKind<OrgUnitRow> = {
  spec: orgUnitsSpec,
  roles: ["tenant_admin", "agency_admin"],

  async plan(ctx, rows) {
    const { tenantId, now } = ctx;
    const org = await loadOrg(ctx);
    const issues: ImportIssue[] = [];
    const err = (row: number, column: string | null, message: string) => issues.push({ row, column, severity: "error", message });
    const pdByCode = new Map(org.pds.map((p) => [p.code, p.id]));
    const existing = new Map(org.units.map((u) => [`${u.pdId}|${u.code}`, u]));

    // 1. Rows that name a known PD the caller may change, each (PD, code) once.
    type Item = { line: number; r: OrgUnitRow; pdId: string; key: string; id: string; parentKey: string | null };
    const items = new Map<string, Item>();
    for (const { line, value: r } of rows) {
      const pdId = pdByCode.get(r.kode_pd);
      if (!pdId) {
        err(line, "Kode PD", `Perangkat daerah dengan kode ${r.kode_pd} belum terdaftar`);
        continue;
      }
      if (!canActForPd(ctx.grants, ["tenant_admin", "agency_admin"], pdId)) {
        err(line, "Kode PD", `Anda tidak berwenang mengubah struktur PD ${r.kode_pd}`);
        continue;
      }
      const key = `${pdId}|${r.kode_unit}`;
      const dup = items.get(key);
      if (dup) {
        err(line, "Kode Unit", `Kode unit ${r.kode_unit} ganda di PD ${r.kode_pd} (juga di baris ${dup.line})`);
        continue;
      }
      const id = existing.get(key)?.id ?? crypto.randomUUID();
      items.set(key, { line, r, pdId, key, id, parentKey: r.kode_induk ? `${pdId}|${r.kode_induk}` : null });
    }

    // 2. Parents exist (in the file or already in the PD), and no chain loops once the file is applied.
    const idOfKey = (key: string) => items.get(key)?.id ?? existing.get(key)?.id;
    const parentOf = new Map(org.units.map((u) => [u.id, u.parentId]));
    for (const it of items.values()) {
      const parentId = it.parentKey ? idOfKey(it.parentKey) : null;
      if (parentId === undefined) err(it.line, "Kode Induk", `Unit induk ${it.r.kode_induk} tidak ada di PD ${it.r.kode_pd}`);
      parentOf.set(it.id, parentId ?? null);
    }
    const codeOfId = new Map([...org.units.map((u) => [u.id, u.code] as const), ...[...items.values()].map((i) => [i.id, i.r.kode_unit] as const)]);
    for (const it of items.values()) {
      const loop = findCycle((id) => parentOf.get(id), it.id);
      if (loop) err(it.line, "Kode Induk", `Induk ${it.r.kode_induk} membuat struktur berputar: ${[...loop, loop[0]!].map((id) => codeOfId.get(id)).join(" → ")}`);
    }

    if (issues.length > 0) return { issues, rows: [] };

    // 3. Heads and holders.
    const plannedRows: (PlannedRow & { depth: number })[] = [];
    const depthMemo = new Map<string, number>();
    const depth = (it: Item): number => {
      if (depthMemo.has(it.key)) return depthMemo.get(it.key)!;
      const parent = it.parentKey ? items.get(it.parentKey) : undefined;
      const d = parent ? depth(parent) + 1 : 0;
      depthMemo.set(it.key, d);
      return d;
    };
    for (const it of items.values()) {
      const { r } = it;
      const old = existing.get(it.key);
      const unit = {
        id: it.id, tenantId, pdId: it.pdId, parentId: parentOf.get(it.id) ?? null, code: r.kode_unit, name: r.nama_unit,
        kind: r.jenis_unit, eselon: r.eselon, active: r.aktif, createdAt: old?.createdAt ?? now, updatedAt: now,
      };
      const writes: Upsert[] = [];
      if (!old || old.parentId !== unit.parentId || old.name !== unit.name || old.kind !== unit.kind || old.eselon !== unit.eselon || old.active !== unit.active) {
        writes.push({ table: orgUnits, values: unit });
      }
      const oldHead = org.headByUnit.get(it.id);
      let headId = oldHead?.id;
      if (r.jabatan_kepala || r.nip) {
        const head = {
          id: oldHead?.id ?? crypto.randomUUID(), tenantId, pdId: it.pdId, unitId: it.id, name: r.jabatan_kepala ?? oldHead?.name ?? `Kepala ${r.nama_unit}`,
          eselon: r.eselon, isHead: true, active: true, createdAt: oldHead?.createdAt ?? now, updatedAt: now,
        };
        headId = head.id;
        if (!oldHead || oldHead.name !== head.name || oldHead.eselon !== head.eselon || !oldHead.active || oldHead.pdId !== head.pdId) {
          writes.push({ table: jabatan, values: head });
        }
      }
      if (r.nip && r.nama_pejabat && r.tmt && headId) {
        const current = org.holderByJabatan.get(headId);
        const holder = { tenantId, jabatanId: headId, name: r.nama_pejabat, nip: r.nip, validFrom: r.tmt, validTo: null, updatedAt: now };
        if (current?.nip === r.nip) {
          if (current.name !== r.nama_pejabat || current.validFrom !== r.tmt) writes.push({ table: jabatanHolders, values: { ...current, ...holder } });
        } else if (current && r.tmt <= current.validFrom) {
          err(it.line, "TMT", `TMT ${r.tmt} harus setelah TMT pejabat saat ini, ${current.name} (${current.validFrom})`);
        } else {
          // A new holder closes the current one the day before: history stays, nothing is overwritten.
          if (current) writes.push({ table: jabatanHolders, values: { ...current, validTo: dayBefore(r.tmt), updatedAt: now } });
          writes.push({ table: jabatanHolders, values: { id: crypto.randomUUID(), ...holder, createdAt: now } });
        }
      }
      plannedRows.push({ line: it.line, action: !old ? "create" : writes.length ? "update" : "unchanged", writes, depth: depth(it) });
    }
    if (issues.length > 0) return { issues, rows: [] };

    // 4. Permendagri 56/2019 limits on the tree as it will be: warnings only.
    const touchedPds = new Set([...items.values()].map((i) => i.pdId));
    const merged = new Map(org.units.map((u) => [u.id, { id: u.id, parentId: u.parentId, kind: u.kind, name: u.name, active: u.active, pdId: u.pdId }]));
    for (const it of items.values()) {
      merged.set(it.id, { id: it.id, parentId: parentOf.get(it.id) ?? null, kind: it.r.jenis_unit, name: it.r.nama_unit, active: it.r.aktif, pdId: it.pdId });
    }
    const lineOfId = new Map([...items.values()].map((i) => [i.id, i.line]));
    const units = [...merged.values()].filter((u) => touchedPds.has(u.pdId));
    for (const w of structureWarnings(units)) {
      issues.push({ row: lineOfId.get(w.unitId) ?? null, column: null, severity: "warning", message: w.message });
    }
    plannedRows.sort((a, b) => a.depth - b.depth || a.line - b.line);
    return { issues, rows: plannedRows.map(({ depth: _, ...r }) => r) };
  },

  async exportRows(ctx) {
    const org = await loadOrg(ctx);
    const pdCode = new Map(org.pds.map((p) => [p.id, p.code]));
    const byId = new Map(org.units.map((u) => [u.id, u]));
    const children = new Map<string | null, typeof org.units>();
    for (const u of [...org.units].sort((a, b) => (pdCode.get(a.pdId) ?? "").localeCompare(pdCode.get(b.pdId) ?? "") || a.code.localeCompare(b.code, "id", { numeric: true }))) {
      const k = u.parentId && byId.has(u.parentId) ? u.parentId : null;
      if (!children.has(k)) children.set(k, []);
      children.get(k)!.push(u);
    }
    const out: string[][] = [];
    const visit = (u: (typeof org.units)[number]) => {
      const head = org.headByUnit.get(u.id);
      const holder = head && org.holderByJabatan.get(head.id);
      out.push([
        pdCode.get(u.pdId) ?? "", u.code, u.name, UNIT_KIND_LABELS[u.kind as UnitKind] ?? u.kind, ESELON_LABELS[u.eselon as Eselon] ?? u.eselon,
        u.parentId ? (byId.get(u.parentId)?.code ?? "") : "", u.active ? "Ya" : "Tidak", head?.name ?? "", holder?.name ?? "", holder?.nip ?? "", holder?.validFrom ?? "",
      ]);
      for (const c of children.get(u.id) ?? []) visit(c);
    };
    for (const root of children.get(null) ?? []) visit(root);
    return out;
  },
};

export const perangkatDaerahImport: ImportKind<PdRow> = {
  spec: perangkatDaerahSpec,
  roles: ["tenant_admin"],

  async plan(ctx, rows) {
    const { db, tenantId, now } = ctx;
    const existing = new Map((await db.select().from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, tenantId))).map((p) => [p.code, p]));
    const issues: ImportIssue[] = [];
    const seen = new Map<string, number>();
    const planned: PlannedRow[] = [];
    for (const { line, value: r } of rows) {
      if (seen.has(r.kode)) {
        issues.push({ row: line, column: "Kode", severity: "error", message: `Kode ${r.kode} ganda (juga di baris ${seen.get(r.kode)})` });
        continue;
      }
      seen.set(r.kode, line);
      const old = existing.get(r.kode);
      const values = {
        id: old?.id ?? crypto.randomUUID(), tenantId, code: r.kode, name: r.nama, kind: r.jenis, headName: r.kepala ?? null, active: r.aktif,
        yearFrom: r.tahun_mulai ?? null, yearTo: r.tahun_selesai ?? null, createdAt: old?.createdAt ?? now, updatedAt: now,
      };
      const same = old && (["name", "kind", "headName", "active", "yearFrom", "yearTo"] as const).every((k) => old[k] === values[k]);
      planned.push({ line, action: !old ? "create" : same ? "unchanged" : "update", writes: same ? [] : [{ table: perangkatDaerah, values }] });
    }
    return { issues, rows: issues.length ? [] : planned };
  },

  async exportRows(ctx) {
    const rows = await ctx.db.select().from(perangkatDaerah).where(eq(perangkatDaerah.tenantId, ctx.tenantId)).orderBy(perangkatDaerah.code);
    return rows.map((p) => [p.code, p.name, PD_KIND_LABELS[p.kind as PdKind] ?? p.kind, p.headName ?? "", p.yearFrom ? String(p.yearFrom) : "", p.yearTo ? String(p.yearTo) : "", p.active ? "Ya" : "Tidak"]);
  },
};
