/**
 * Organisation-tree rules (DOMAIN.md §1): Permendagri 56/2019 limits for a Sekretariat Daerah
 * (at most 3 Asisten, 3 Biro per Asisten, 3 Bagian per Biro, 3 Subbagian per Bagian) are
 * warnings, never blocks; a parent chain that loops is an error.
 */
import type { UnitKind } from "../schemas/organisation";

export type TreeUnit = { id: string; parentId: string | null; kind: string; name: string; active: boolean };

export const STRUCTURE_LIMITS: { parent: UnitKind; child: UnitKind; max: number; childLabel: string }[] = [
  { parent: "sekretariat_daerah", child: "asisten", max: 3, childLabel: "Asisten" },
  { parent: "asisten", child: "biro", max: 3, childLabel: "Biro" },
  { parent: "biro", child: "bagian", max: 3, childLabel: "Bagian" },
  { parent: "bagian", child: "subbagian", max: 3, childLabel: "Subbagian" },
];

export type StructureWarning = { unitId: string; message: string };

/** One warning per active unit whose active children of a limited kind exceed the limit. */
export function structureWarnings(units: readonly TreeUnit[]): StructureWarning[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const counts = new Map<string, number>();
  for (const u of units) {
    if (!u.active || !u.parentId) continue;
    const key = `${u.parentId}\u0000${u.kind}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const out: StructureWarning[] = [];
  for (const [key, n] of counts) {
    const [parentId, kind] = key.split("\u0000") as [string, string];
    const parent = byId.get(parentId);
    const limit = STRUCTURE_LIMITS.find((l) => l.parent === parent?.kind && l.child === kind);
    if (parent?.active && limit && n > limit.max) {
      out.push({
        unitId: parentId,
        message: `${parent.name} membawahkan ${n} ${limit.childLabel} (Permendagri 56/2019: paling banyak ${limit.max})`,
      });
    }
  }
  return out;
}

/** The ids on the loop if following parents from `id` returns to a unit already seen, else null. */
export function findCycle(parentOf: (id: string) => string | null | undefined, id: string): string[] | null {
  const seen: string[] = [];
  for (let at: string | null | undefined = id; at; at = parentOf(at)) {
    if (seen.includes(at)) return seen.slice(seen.indexOf(at));
    seen.push(at);
    if (seen.length > 10_000) return seen;
  }
  return null;
}
