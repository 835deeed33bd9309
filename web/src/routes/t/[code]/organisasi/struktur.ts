// Response shapes of worker/routes/organisation.ts and the tree arithmetic the pages share.
export type OrgUnit = { id: string; pdId: string; parentId: string | null; code: string; name: string; kind: string; eselon: string; active: boolean };
export type Holder = { name: string; nip: string; validFrom: string };
export type Jabatan = { id: string; pdId: string; unitId: string | null; name: string; eselon: string; isHead: boolean; active: boolean; holder: Holder | null };
export type Struktur = { units: OrgUnit[]; jabatan: Jabatan[]; warnings: { unitId: string; message: string }[] };

/** Children per parent id (null = top level), each list sorted by code as people number units. */
export function childrenOf(units: OrgUnit[]): Map<string | null, OrgUnit[]> {
  const ids = new Set(units.map((u) => u.id));
  const map = new Map<string | null, OrgUnit[]>();
  for (const u of units) {
    const key = u.parentId && ids.has(u.parentId) ? u.parentId : null;
    if (!map.has(key)) map.set(key, []);
    map.get(key)!.push(u);
  }
  for (const list of map.values()) list.sort((a, b) => a.code.localeCompare(b.code, "id", { numeric: true }));
  return map;
}

/** The unit and everything below it: not allowed as its new parent. */
export function subtreeIds(children: Map<string | null, OrgUnit[]>, id: string): Set<string> {
  const out = new Set<string>([id]);
  const stack = [id];
  while (stack.length) for (const c of children.get(stack.pop()!) ?? []) if (!out.has(c.id)) out.add(c.id), stack.push(c.id);
  return out;
}

/** "NIP 19641028 199003 1 009", grouped as on official documents. */
export const formatNip = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;
