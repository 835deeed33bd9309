import type { Db } from "../db/client";
import { formatDate } from "../../shared/format/number";
import { findPd } from "../data/performance";
import { prose, type ReportDocument } from "./blocks";
import { pkOfYear, renstraTree, sectionTexts } from "./sources";
import { datedAt, ikuTable, pkIndicatorTable, pkProgramTable, signatureOf, type ReportTenant } from "./tables";

// The PK document (the agreement the PD head signs) and the IKU decree (seed 003) of one PD,
// from the same data as the printable PK and IKU pages.

export async function pkModel(db: Db, tenantId: string, pdId: string, year: number) {
  const pd = await findPd(db, tenantId, pdId);
  return { pd: { id: pd.id, name: pd.name }, year, pk: await pkOfYear(db, tenantId, pdId, year) };
}
export type PkModel = Awaited<ReturnType<typeof pkModel>>;

export function pkDocument(m: PkModel, tenant: ReportTenant): ReportDocument {
  const s = m.pk?.signatory;
  const version = m.pk && m.pk.version > 1 ? ` (PK Perubahan, berlaku ${formatDate(m.pk.effectiveDate)})` : "";
  return {
    title: `Perjanjian Kinerja ${m.pd.name} Tahun ${m.year}`,
    blocks: [
      { t: "heading", level: 2, text: `PERJANJIAN KINERJA TAHUN ${m.year}${version}` },
      { t: "paragraph", text: `${m.pd.name.toUpperCase()} — ${tenant.name.toUpperCase()}` },
      {
        t: "paragraph",
        text: `Dalam rangka mewujudkan manajemen pemerintahan yang efektif, transparan dan akuntabel serta berorientasi pada hasil, yang bertanda tangan di bawah ini, ${s?.holderName ?? "(nama)"}, ${s?.jabatanName ?? `Kepala ${m.pd.name}`}, berjanji akan mewujudkan target kinerja tahunan sesuai lampiran perjanjian ini dalam rangka mencapai target kinerja jangka menengah seperti yang telah ditetapkan dalam dokumen perencanaan. Keberhasilan dan kegagalan pencapaian target kinerja tersebut menjadi tanggung jawab kami.`,
      },
      pkIndicatorTable(m.pk, `Sasaran, Indikator dan Target Kinerja Tahun ${m.year}`),
      pkProgramTable(m.pk, "Program/Kegiatan dan Anggaran", `APBD ${m.year}`),
      // Signed at the start of the year; a PK Perubahan on the day it takes effect.
      signatureOf(m.pk?.signatory, m.pd.name, datedAt(tenant, m.pk && m.pk.version > 1 ? formatDate(m.pk.effectiveDate) : `Januari ${m.year}`)),
    ],
  };
}

export async function ikuModel(db: Db, tenantId: string, pdId: string, year: number) {
  const pd = await findPd(db, tenantId, pdId);
  const [sections, renstra, pk] = await Promise.all([sectionTexts(db, tenantId, "iku", pdId, year), renstraTree(db, tenantId, pdId, year), pkOfYear(db, tenantId, pdId, year)]);
  return { pd: { id: pd.id, name: pd.name }, year, sections, renstra, signatory: pk?.signatory ?? null };
}
export type IkuModel = Awaited<ReturnType<typeof ikuModel>>;

/** The decree with its fixed diktum (seed 003) and the IKU table as its lampiran. */
export function ikuDocument(m: IkuModel, tenant: ReportTenant): ReportDocument {
  const head = m.signatory?.jabatanName ?? `Kepala ${m.pd.name}`;
  const subject = `Indikator Kinerja Utama ${m.pd.name} ${tenant.name}`;
  const period = m.renstra ? `Tahun ${m.renstra.yearFrom}–${m.renstra.yearTo}` : `Tahun ${m.year}`;
  return {
    title: `Keputusan IKU ${m.pd.name} ${period}`,
    blocks: [
      { t: "heading", level: 2, text: `KEPUTUSAN ${head.toUpperCase()}` },
      { t: "paragraph", text: `TENTANG INDIKATOR KINERJA UTAMA ${m.pd.name.toUpperCase()} ${period.toUpperCase()}` },
      { t: "heading", level: 3, text: "Menimbang dan Mengingat" },
      ...prose(m.sections.menimbang, "Dasar hukum (menimbang dan mengingat) belum diisi"),
      { t: "heading", level: 3, text: "MEMUTUSKAN" },
      { t: "paragraph", text: `KESATU: Menetapkan ${subject} ${period} sebagaimana tercantum dalam lampiran keputusan ini.` },
      {
        t: "paragraph",
        text: "KEDUA: Indikator Kinerja Utama sebagaimana dimaksud dalam Diktum KESATU bertujuan untuk memberikan informasi kinerja yang penting dan diperlukan dalam menyelenggarakan manajemen kinerja organisasi, serta mengukur keberhasilan pencapaian tujuan dan sasaran strategis untuk perbaikan kinerja dan peningkatan akuntabilitas kinerja organisasi.",
      },
      { t: "paragraph", text: "KETIGA: Indikator Kinerja Utama dimanfaatkan untuk perencanaan strategis, perencanaan tahunan, penyusunan perjanjian kinerja, pelaporan kinerja dan evaluasi kinerja." },
      { t: "paragraph", text: "KEEMPAT: Keputusan ini mulai berlaku pada tanggal ditetapkan." },
      signatureOf(m.signatory, m.pd.name, tenant.signingPlace ? `Ditetapkan di ${tenant.signingPlace} tahun ${m.year}` : `Ditetapkan tahun ${m.year}`),
      { t: "pageBreak" },
      { t: "heading", level: 3, text: `LAMPIRAN KEPUTUSAN ${head.toUpperCase()}` },
      ikuTable(m.renstra, `Indikator Kinerja Utama ${m.pd.name} ${period}`),
    ],
  };
}
