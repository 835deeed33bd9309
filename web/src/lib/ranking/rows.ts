import { TENANT_KIND_LABELS } from "$shared/kinds";
import { formatPercent } from "$shared/format/number";
import type { PemdaRanking, TableRow } from "./types";

/** Rows of pemda (a provinsi's kabupaten/kota, or the national table) as the ranking table shows them. */
export function pemdaTableRows(rows: PemdaRanking["rows"]): TableRow[] {
  return rows.map((r) => ({
    key: r.code,
    code: r.code,
    name: r.name,
    kind: r.kind,
    kindLabel: TENANT_KIND_LABELS[r.kind],
    href: null,
    values: { sakip: r.values.sakip, ikm: r.values.ikm, capaian: r.values.capaian, penyerapan: r.values.penyerapan },
    previous: r.previous,
    ranks: r.ranks,
    composite: r.composite,
    note: [r.pdCount ? `${r.pdCount} PD dinilai` : "Belum menerbitkan nilai SAKIP", r.values.sakipShareB === null ? "" : `${formatPercent(r.values.sakipShareB)} minimal B`]
      .filter(Boolean)
      .join(" · "),
    links: {},
  }));
}
