import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "../db/client";
import { jabatan, jabatanHolders, orgUnits, perangkatDaerah } from "../db/schema";
import { notFound } from "../errors";

export async function findPd(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(perangkatDaerah).where(and(eq(perangkatDaerah.tenantId, tenantId), eq(perangkatDaerah.id, id))).get();
  if (!row) throw notFound("Perangkat daerah");
  return row;
}

export async function findUnit(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.id, id))).get();
  if (!row) throw notFound("Unit organisasi");
  return row;
}

export async function findJabatan(db: Db, tenantId: string, id: string) {
  const row = await db.select().from(jabatan).where(and(eq(jabatan.tenantId, tenantId), eq(jabatan.id, id))).get();
  if (!row) throw notFound("Jabatan");
  return row;
}

/** A PD's units, its jabatan and their current holders, for the tree. */
export async function pdTree(db: Db, tenantId: string, pdId: string) {
  const [units, jabatanRows, holders] = await db.batch([
    db.select().from(orgUnits).where(and(eq(orgUnits.tenantId, tenantId), eq(orgUnits.pdId, pdId))).orderBy(asc(orgUnits.code)),
    db.select().from(jabatan).where(and(eq(jabatan.tenantId, tenantId), eq(jabatan.pdId, pdId))),
    db
      .select({ jabatanId: jabatanHolders.jabatanId, name: jabatanHolders.name, nip: jabatanHolders.nip, validFrom: jabatanHolders.validFrom })
      .from(jabatanHolders)
      .innerJoin(jabatan, eq(jabatan.id, jabatanHolders.jabatanId))
      .where(and(eq(jabatanHolders.tenantId, tenantId), eq(jabatan.pdId, pdId), isNull(jabatanHolders.validTo))),
  ]);
  return { units, jabatan: jabatanRows, holders };
}
