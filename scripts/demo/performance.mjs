// Demo Perjanjian Kinerja, realisasi, anggaran and triwulan reviews from the seed documents (../shared/seeds):
// seed 004 Mojokerto's Bagian Protokol 2022 (four triwulan reports), seed 002 Biro Organisasi Kaltim 2021
// (PK and PK perubahan, realisasi, budget), seed 001 Biro Humas dan Protokol Jambi 2016–2018.
// The seeds' own inconsistencies are kept (capaian above 300 %, a stated capaian that does not follow from
// target and realisasi) so the app shows them flagged.
import { importTs } from "./import-ts.mjs";
import { planningSql } from "./planning.mjs";
import { PASSWORD } from "./organisation.mjs";
import { hashPassword } from "./seed-sql.mjs";

// Realisasi are read by the same parser the API uses, so demo rows match what an edit would store.
const { parseRealisasi } = importTs('export { parseRealisasi } from "./shared/schemas/performance.ts";');

const SCALE = ["AA", "A", "BB", "B", "CC", "C", "D"];

// Seed 004: PK Kepala Bagian Protokol dan Komunikasi Pimpinan 2022, its triwulan plan (cumulative %) and the
// four reports. "Proses penilaian" is pending; TW I's stated capaian 14,73 % for 13,73 of 95 does not follow.
const MOJOKERTO = [
  {
    name: "Meningkatnya Pelayanan Protokol dan Komunikasi Pimpinan",
    indicators: [
      { name: "Persentase Layanan Kegiatan Pimpinan Daerah", satuan: "%", target: "95", tw: ["20", "50", "70", "95"], real: ["46", "101", "203", "319"], notes: ["Sampai dengan Maret telah diikuti 240 kegiatan Pimpinan Daerah"] },
    ],
  },
  {
    name: "Terwujudnya Tatakelola Birokrasi Perangkat Daerah",
    indicators: [
      { name: "Nilai Reformasi Birokrasi Bagian Protokol dan Komunikasi Pimpinan", satuan: "kategori", kind: "categorical", target: "BB", real: [null, null, "62,63 (Kategori B)", "62,63 (Kategori B)"] },
      { name: "Nilai SAKIP Bagian Protokol dan Komunikasi Pimpinan", satuan: "kategori", kind: "categorical", target: "A", real: [null, null, "82,53 (Kategori A)", "82,53 (Kategori A)"] },
      { name: "Persentase Indikator Program Perangkat Daerah yang tercapai Bagian Protokol dan Komunikasi Pimpinan", satuan: "%", target: "100", tw: ["25", "50", "75", "100"], real: ["46", "101", "100", "100"] },
      {
        name: "Persentase Realisasi Anggaran Bagian Protokol dan Komunikasi Pimpinan",
        satuan: "%",
        // The PK says 90 %, every capaian table measures against 95 %: the table's target is used.
        target: "95",
        tw: ["15", "40", "70", "95"],
        real: ["13,73", "41", "69,41", "96,90"],
        provisional: [false, false, false, true],
        notes: ["Laporan menulis capaian 14,73 %; 13,73 / 95 × 100 = 14,45 %", null, null, "Menunggu penutupan kas akhir tahun"],
      },
      { name: "Indeks Profesionalitas ASN Bagian Protokol dan Komunikasi Pimpinan", satuan: "indeks", kind: "text", target: "Kategori Tinggi", real: [null, null, "65,36", "65,36"] },
    ],
  },
  {
    name: "Meningkatnya kualitas pelayanan Perangkat Daerah",
    indicators: [{ name: "Jumlah Inovasi yang berkelanjutan Bagian Protokol dan Komunikasi Pimpinan", satuan: "inovasi", target: "1", real: [null, null, null, null] }],
  },
];

// Seed 001: Biro Humas dan Protokol Jambi, realisasi 2016–2018 against the 2018 PK targets.
const JAMBI = [
  {
    name: "Meningkatnya Pelayanan Administrasi Perkantoran Biro Humas dan Protokol",
    indicators: [{ name: "Jumlah Penyediaan bahan bacaan bagi aparatur", satuan: "eks", targets: { 2016: "31.476", 2017: "429.352", 2018: "429.352" }, real: { 2016: "31.476", 2017: "122.209", 2018: "400.340" } }],
  },
  {
    name: "Meningkatnya pelayanan informasi & publikasi melalui media cetak dan elektronik secara berimbang dalam mendukung program Pemerintah",
    indicators: [
      { name: "Jumlah Terbitan Majalah Pemprov Jambi", satuan: "eks", target: "12.000", real: { 2016: "12.000", 2017: "8.000", 2018: "4.500" } },
      { name: "Jumlah bahan informasi kepada masyarakat dalam bentuk tulisan di media cetak lokal", satuan: "tulisan", target: "420", real: { 2016: "454", 2017: "576", 2018: "1.023" } },
      { name: "Jumlah Publikasi pembangunan Provinsi Jambi di media cetak Nasional", satuan: "kali", target: "6", real: { 2016: "57", 2017: "59", 2018: "23" } },
      { name: "Jumlah bahan informasi kepada masyarakat dalam bentuk tulisan di media online", satuan: "adv", target: "4.500", real: { 2016: "1.615", 2017: "3.640", 2018: "11.429" } },
      { name: "Jumlah Pertemuan Desa Informasi Provinsi Jambi di Wilayah Kecamatan", satuan: "kali", target: "5", real: { 2016: "5", 2017: "3", 2018: "8" } },
    ],
  },
  {
    name: "Meningkatnya pelayanan keprotokolan / kedinasan lingkup Pemerintah Provinsi Jambi",
    indicators: [
      { name: "Persentase pelayanan tamu Pemerintah Provinsi yang berkunjung di Provinsi Jambi", satuan: "%", target: "100", real: { 2016: "100", 2017: "100", 2018: "100" } },
      { name: "Persentase pelayanan acara kedinasan KDH/Wakil KDH/Sekretaris Daerah/Dinas Instansi", satuan: "%", target: "100", real: { 2016: "100", 2017: "100", 2018: "100" } },
    ],
  },
];

// Seed 001 "Realisasi Anggaran 2018" (anggaran perubahan). Murni is only given in total (18.353.545.000): the
// 900.000.000 added in the perubahan is put on the publication program, where the text says belanja ran short.
const JAMBI_BUDGET_2018 = [
  { code: "1.20.01", name: "Program Pelayanan Administrasi Perkantoran", sasaran: 0, murni: 2_316_431_000, perubahan: 2_316_431_000, real: 2_281_358_092 },
  { code: "1.20.02", name: "Program Peningkatan Pelayanan Kedinasan Kepala Daerah/Wakil Kepala Daerah", sasaran: 2, murni: 1_464_448_000, perubahan: 1_464_448_000, real: 1_340_069_687 },
  { code: "1.20.03", name: "Program Penghimpunan Data dan Penyebarluasan Informasi Pembangunan Daerah Provinsi Jambi", sasaran: 1, murni: 14_572_666_000, perubahan: 15_472_666_000, real: 15_278_854_843 },
];

/** SQL rows for the demo; `tenantId`, `pdId(code, name)` and `row(table, values)` come from seed-sql.mjs. */
export function performanceSql({ now, tenantId, pdId, row }) {
  const out = [];
  const planBase = (tenant, planId, yearFrom) => ({ tenant_id: tenant, plan_id: planId, version: 1, effective_date: `${yearFrom}-01-01`, reason: null, removed: 0, created_by: null, created_at: now });

  /** A Renstra with sasaran → indicators (and optional programs); returns node and indicator ids. */
  function renstra({ code, pd, id, name, yearFrom, yearTo, sasaran, programs = [] }) {
    const tenant = tenantId(code);
    const base = planBase(tenant, id, yearFrom);
    out.push(row("plans", { id, tenant_id: tenant, kind: "renstra", pd_id: pd, rpjmd_plan_id: null, name, year_from: yearFrom, year_to: yearTo, status: "approved", approved_at: now, approved_by: null, created_at: now, updated_at: now }));
    const node = (nodeId, level, parentId, name, position, extra = {}) => {
      out.push(row("plan_nodes", { id: nodeId, tenant_id: tenant, plan_id: id, pd_id: pd, level, created_at: now }));
      out.push(row("plan_node_versions", { ...base, id: `${nodeId}-v1`, node_id: nodeId, parent_id: parentId, supports: "[]", code: extra.code ?? null, name, owner_jabatan_id: null, schedule: 0, budget: extra.budget ?? null, position }));
    };
    node(`${id}-tujuan`, "tujuan", null, `Tujuan ${name}`, 0);
    const ids = sasaran.map((s, si) => {
      const sid = `${id}-s${si + 1}`;
      node(sid, "sasaran", `${id}-tujuan`, s.name, si);
      const inds = s.indicators.map((ind, ii) => {
        const iid = `${sid}-i${ii + 1}`;
        out.push(row("indicators", { id: iid, tenant_id: tenant, plan_id: id, node_id: sid, created_at: now }));
        out.push(
          row("indicator_versions", {
            ...base, id: `${iid}-v1`, indicator_id: iid, name: ind.name, satuan: ind.satuan, polarity: "positive", negative_method: "2T-R", kind: ind.kind ?? "numeric",
            scale: ind.kind === "categorical" ? JSON.stringify(SCALE) : null, formula_numerator: null, formula_denominator: null, formula_note: null, sumber_data: null,
            penanggung_jawab: null, aggregation: "cumulative", is_iku: 1, position: ii,
          }),
        );
        const meta = { kind: ind.kind ?? "numeric", scale: SCALE };
        const targets = { ...(ind.targets ?? {}) };
        if (ind.target !== undefined) for (const y of ind.years ?? []) targets[y] ??= ind.target;
        for (const [year, value] of Object.entries(targets)) target(tenant, base, iid, Number(year), 0, value, meta);
        (ind.tw ?? []).forEach((value, p) => target(tenant, base, iid, ind.twYear, p + 1, value, meta, true));
        return { id: iid, ...ind, meta };
      });
      return { id: sid, name: s.name, indicators: inds };
    });
    const programIds = programs.map((p, pi) => {
      const pid = `${id}-p${pi + 1}`;
      node(pid, "program", ids[p.sasaran].id, p.name, pi, { code: p.code, budget: p.budget ?? null });
      return pid;
    });
    return { sasaran: ids, programIds };
  }
  function target(tenant, base, indicatorId, year, period, value, meta, cumulative = false) {
    const p = parseRealisasi(value, meta);
    out.push(
      row("indicator_targets", {
        ...base, id: `${indicatorId}-t${year}-${period}-v1`, indicator_id: indicatorId, year, period, value_text: value,
        value_num: p.ok ? p.valueNum : null, value_max: null, category: p.ok ? p.category : null, label: null, cumulative: cumulative ? 1 : 0,
      }),
    );
  }

  function pk({ code, pd, id, year, planId, version = 1, effectiveDate = `${year}-01-01`, reason = null, items, status = "approved" }) {
    out.push(
      row("pk_documents", {
        id, tenant_id: tenantId(code), pd_id: pd, year, jabatan_id: null, plan_id: planId, version, effective_date: effectiveDate, reason, status,
        submitted_at: status === "draft" ? null : now, submitted_by: null, approved_at: status === "approved" ? now : null, approved_by: null, created_by: null, created_at: now, updated_at: now,
      }),
    );
    items.forEach((it, position) => {
      const parsed = it.target ? parseRealisasi(it.target, { kind: "numeric", scale: [] }) : null;
      out.push(
        row("pk_items", {
          id: `${id}-item${position + 1}`, tenant_id: tenantId(code), pk_id: id, kind: it.kind, node_id: it.nodeId, node_name: it.nodeName, indicator_id: it.indicatorId ?? null,
          indicator_name: it.indicatorName ?? null, satuan: it.satuan ?? null, target_text: it.target ?? null, target_num: parsed?.ok ? parsed.valueNum : null, anggaran: it.anggaran ?? null, position,
        }),
      );
    });
  }
  const indicatorItems = (sasaran, targetOf = (i) => i.target) =>
    sasaran.flatMap((s) => s.indicators.map((i) => ({ kind: "indicator", nodeId: s.id, nodeName: s.name, indicatorId: i.id, indicatorName: i.name, satuan: i.satuan, target: targetOf(i) })));

  function realisasi({ code, pd, indicator, meta, year, period, value, status, explanation = null }) {
    const p = value ? parseRealisasi(value, meta) : { ok: true, valueNum: null, category: null };
    if (!p.ok) throw new Error(`demo realisasi ${value}: ${p.message}`);
    out.push(
      row("realisasi", {
        id: `demo-real-${indicator}-${year}-${period}`, tenant_id: tenantId(code), pd_id: pd, indicator_id: indicator, year, period, status: value ? status : "pending",
        value_text: value, value_num: p.valueNum, category: p.category, capaian_manual: null, explanation, evidence_url: null, version: 1, updated_by: null, updated_at: now,
      }),
    );
  }
  function budget({ code, pd, year, nodeId, level, lineCode, name, sasaranId, jenis = "operasi", murni, perubahan = null, tw, fisik = [null, null, null, null] }) {
    out.push(
      row("budget_lines", {
        id: `demo-budget-${nodeId}-${year}-${jenis}`, tenant_id: tenantId(code), pd_id: pd, year, node_id: nodeId, level, code: lineCode, name, sasaran_id: sasaranId, jenis,
        pagu_murni: murni, pagu_perubahan: perubahan, realisasi_tw1: tw[0], realisasi_tw2: tw[1], realisasi_tw3: tw[2], realisasi_tw4: tw[3],
        fisik_tw1: fisik[0], fisik_tw2: fisik[1], fisik_tw3: fisik[2], fisik_tw4: fisik[3], version: 1, created_at: now, updated_at: now,
      }),
    );
  }
  function report({ code, pd, year, period, events }) {
    const id = `demo-report-${pd}-${year}-${period}`;
    const last = events.at(-1);
    const status = last.kind === "submit" ? "submitted" : last.disposition === "LAPORAN SUDAH BAIK" ? "accepted" : "returned";
    const lastDisposition = events.filter((e) => e.disposition).at(-1)?.disposition ?? null;
    out.push(row("tw_reports", { id, tenant_id: tenantId(code), pd_id: pd, year, period, status, round: events.filter((e) => e.kind === "submit").length, last_disposition: lastDisposition, created_at: now, updated_at: now }));
    events.forEach((e, i) =>
      out.push(row("tw_report_events", { id: `${id}-e${i + 1}`, tenant_id: tenantId(code), report_id: id, kind: e.kind, disposition: e.disposition ?? null, indicator_id: e.indicatorId ?? null, note: e.note ?? null, user_id: null, user_name: e.by, created_at: now - (events.length - i) * 86_400_000 })),
    );
  }

  // ---- seed 004: Mojokerto, Bagian Protokol dan Komunikasi Pimpinan 2022 ----
  const mojo = pdId("35.16", "Bagian Protokol dan Komunikasi Pimpinan");
  const mojoPlan = "demo-perf-plan-3516-protokol-2021";
  const mojoR = renstra({
    code: "35.16", pd: mojo, id: mojoPlan, name: "Renstra Bagian Protokol dan Komunikasi Pimpinan 2021-2026", yearFrom: 2021, yearTo: 2026,
    sasaran: MOJOKERTO.map((s) => ({ ...s, indicators: s.indicators.map((i) => ({ ...i, years: [2022], twYear: 2022 })) })),
    programs: [{ sasaran: 0, code: "4.01.01", name: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", budget: 1_789_275_000 }],
  });
  const kabag = "demo-perf-jabatan-3516-kabag-protokol";
  out.push(row("jabatan", { id: kabag, tenant_id: tenantId("35.16"), pd_id: mojo, unit_id: null, name: "Kepala Bagian Protokol dan Komunikasi Pimpinan", eselon: "III", is_head: 1, active: 1, created_at: now, updated_at: now }));
  out.push(row("jabatan_holders", { id: `${kabag}-h1`, tenant_id: tenantId("35.16"), jabatan_id: kabag, name: "ALFIYAH ERNAWATI, S.Sos, M.M", nip: "196604191986192003", valid_from: "2021-01-04", valid_to: null, created_at: now, updated_at: now }));
  pk({
    code: "35.16", pd: mojo, id: "demo-pk-3516-protokol-2022", year: 2022, planId: mojoPlan,
    items: [...indicatorItems(mojoR.sasaran), { kind: "program", nodeId: mojoR.programIds[0], nodeName: "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota", anggaran: 1_600_000_000 }],
  });
  for (const s of mojoR.sasaran) {
    for (const ind of s.indicators) {
      ind.real.forEach((value, p) => {
        // TW IV is filled but not yet submitted: the operator can still change it.
        realisasi({ code: "35.16", pd: mojo, indicator: ind.id, meta: ind.meta, year: 2022, period: p + 1, value, status: ind.provisional?.[p] ? "provisional" : "final", explanation: ind.notes?.[p] ?? null });
      });
    }
  }
  // Realisasi keuangan from the reported absorption (13,73 %, 41 % of the murni pagu; 69,41 %, 96,90 % of the perubahan).
  budget({ code: "35.16", pd: mojo, year: 2022, nodeId: mojoR.programIds[0], level: "program", lineCode: "4.01.01", name: "Pelaksanaan Protokol dan Komunikasi Pimpinan", sasaranId: mojoR.sasaran[0].id, murni: 1_600_000_000, perubahan: 1_789_275_000, tw: [219_680_000, 436_320_000, 585_935_778, 491_871_697], fisik: [25, 50, 75, 100] });
  const operator = "Operator Protokol Mojokerto";
  const evaluator = "Evaluator Bagian Organisasi Mojokerto";
  const layanan = mojoR.sasaran[0].indicators[0].id;
  report({ code: "35.16", pd: mojo, year: 2022, period: 1, events: [{ kind: "submit", by: operator }, { kind: "disposition", disposition: "LAPORAN SUDAH BAIK", by: evaluator }] });
  report({ code: "35.16", pd: mojo, year: 2022, period: 2, events: [{ kind: "submit", by: operator }, { kind: "disposition", disposition: "LAPORAN DIPERBAIKI", note: "Lengkapi analisis capaian per sasaran", by: evaluator }, { kind: "submit", by: operator, note: "Analisis sudah dilengkapi" }, { kind: "disposition", disposition: "LAPORAN SUDAH BAIK", by: evaluator }] });
  report({
    code: "35.16", pd: mojo, year: 2022, period: 3,
    events: [{ kind: "submit", by: operator }, { kind: "disposition", disposition: "CAPAIAN DITELITI ULANG", note: "Capaian 213 % jauh di atas 150 %", by: evaluator }, { kind: "note", indicatorId: layanan, note: "Realisasi 203 % dari target 95 %: periksa pembagi jumlah kegiatan", by: evaluator }],
  });
  for (const u of [
    { email: "evaluator.mojokerto@demo.akuntabel.id", name: evaluator, role: "evaluator", pd: null },
    { email: "kepala.protokol.mojokerto@demo.akuntabel.id", name: "Kepala Bagian Protokol Mojokerto", role: "agency_head", pd: mojo },
  ]) {
    // Seed 004's report goes to a supervisor and the PK to the Kabag: the organisation demo has neither in Mojokerto.
    const userId = `demo-user-${u.email.split("@")[0]}`;
    out.push(row("users", { id: userId, email: u.email, name: u.name, password_hash: hashPassword(PASSWORD), is_platform_operator: 0, status: "active", created_at: now }));
    out.push(row("memberships", { id: `${userId}-${u.role}`, user_id: userId, tenant_id: tenantId("35.16"), role: u.role, pd_id: u.pd, created_at: now }));
  }

  // ---- seed 002: Biro Organisasi Kaltim 2021 (Renstra from the planning demo) ----
  const plan64 = collectPlanning({ now, tenantId, pdId }).filter((r) => r.values.plan_id === "demo-plan-64-organisasi-2019");
  const find = (table, name) => plan64.find((r) => r.table === table && r.values.name === name)?.values;
  const ind = (name) => find("indicator_versions", name).indicator_id;
  const node = (name) => find("plan_node_versions", name).node_id;
  const biro = pdId("64", "Biro Organisasi");
  const s3 = node("Meningkatnya kualitas kebijakan pelayanan publik");
  const s4 = node("Meningkatnya kualitas layanan pemerintah");
  const sakip = ind("Persentase Perangkat Daerah yang memperoleh nilai SAKIP minimal (B)");
  const kelembagaan = ind("Indeks Kelembagaan");
  const ikm80 = ind("Persentase Indeks Kepuasan Masyarakat Perangkat Daerah yang nilainya >80 (B)");
  const kegRb = node("Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja");
  const kegKl = node("Fasilitasi Kelembagaan dan Analisis Jabatan");
  const kaltimItems = (anggaranRb, anggaranKl) => [
    { kind: "indicator", nodeId: s3, nodeName: "Meningkatnya kualitas kebijakan pelayanan publik", indicatorId: sakip, indicatorName: "Persentase Perangkat Daerah yang memperoleh nilai SAKIP minimal (B)", satuan: "%", target: "77" },
    { kind: "indicator", nodeId: s3, nodeName: "Meningkatnya kualitas kebijakan pelayanan publik", indicatorId: kelembagaan, indicatorName: "Indeks Kelembagaan", satuan: "Indeks", target: "66 (peringkat 4)" },
    { kind: "indicator", nodeId: s4, nodeName: "Meningkatnya kualitas layanan pemerintah", indicatorId: ikm80, indicatorName: "Persentase Indeks Kepuasan Masyarakat Perangkat Daerah yang nilainya >80 (B)", satuan: "%", target: "69" },
    { kind: "program", nodeId: kegRb, nodeName: "Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja", anggaran: anggaranRb },
    { kind: "program", nodeId: kegKl, nodeName: "Fasilitasi Kelembagaan dan Analisis Jabatan", anggaran: anggaranKl },
  ];
  pk({ code: "64", pd: biro, id: "demo-pk-64-organisasi-2021-v1", year: 2021, planId: "demo-plan-64-organisasi-2019", items: kaltimItems(3_500_000_000, 1_000_000_000) });
  // Seed 002 "Tabel 2.4 menyesuaikan Perjanjian Kinerja yang baru/sesuai dengan PK Perubahan".
  pk({
    code: "64", pd: biro, id: "demo-pk-64-organisasi-2021-v2", year: 2021, planId: "demo-plan-64-organisasi-2019", version: 2, effectiveDate: "2021-10-01",
    reason: "PK Perubahan: anggaran menyesuaikan APBD Perubahan 2021 (Program Penataan Organisasi hanya dua kegiatan)", items: kaltimItems(3_347_315_881, 946_684_167),
  });
  const real64 = (indicator, year, period, value) => realisasi({ code: "64", pd: biro, indicator, meta: { kind: "numeric", scale: [] }, year, period, value, status: "final" });
  real64(sakip, 2020, 4, "78,38");
  real64(kelembagaan, 2020, 4, "65,64 (peringkat 4)");
  real64(ikm80, 2020, 4, "62,34");
  real64(sakip, 2021, 2, "75,68");
  real64(kelembagaan, 2021, 4, "68,14 (peringkat 4)");
  real64(ikm80, 2021, 4, "72,62");
  // Seed 002 Tabel 2.6 / 3.21: Program Penataan Organisasi under sasaran 3 and (with its kelembagaan kegiatan) under sasaran 4.
  budget({ code: "64", pd: biro, year: 2021, nodeId: kegRb, level: "kegiatan", lineCode: "4.01.05.2.01", name: "Fasilitasi Reformasi Birokrasi dan Akuntabilitas Kinerja", sasaranId: s3, murni: 3_347_315_881, tw: [212_400_000, 398_720_000, 421_650_000, 523_719_438], fisik: [20, 45, 70, 100] });
  budget({ code: "64", pd: biro, year: 2021, nodeId: kegKl, level: "kegiatan", lineCode: "4.01.05.2.02", name: "Fasilitasi Kelembagaan dan Analisis Jabatan", sasaranId: s4, murni: 946_684_167, tw: [150_300_000, 240_100_000, 230_500_000, 244_989_630], fisik: [25, 50, 75, 100] });
  const opKaltim = "Operator Biro Organisasi";
  const evKaltim = "Evaluator Inspektorat Kaltim";
  report({ code: "64", pd: biro, year: 2021, period: 2, events: [{ kind: "submit", by: opKaltim }, { kind: "disposition", disposition: "LAPORAN SUDAH BAIK", by: evKaltim }] });
  report({ code: "64", pd: biro, year: 2021, period: 4, events: [{ kind: "submit", by: opKaltim, note: "Laporan akhir tahun 2021" }] });

  // ---- seed 001: Jambi, Biro Humas dan Protokol 2016–2018 ----
  const humas = pdId("15", "Biro Humas dan Protokol");
  const jambiPlan = "demo-perf-plan-15-humas-2016";
  const jambiR = renstra({
    code: "15", pd: humas, id: jambiPlan, name: "Renstra Biro Humas dan Protokol 2016-2021", yearFrom: 2016, yearTo: 2021,
    sasaran: JAMBI.map((s) => ({ ...s, indicators: s.indicators.map((i) => ({ ...i, years: [2016, 2017, 2018, 2021] })) })),
    programs: JAMBI_BUDGET_2018.map((b) => ({ sasaran: b.sasaran, code: b.code, name: b.name, budget: b.perubahan })),
  });
  for (const year of [2016, 2017, 2018]) {
    pk({ code: "15", pd: humas, id: `demo-pk-15-humas-${year}`, year, planId: jambiPlan, items: indicatorItems(jambiR.sasaran, (i) => i.targets?.[year] ?? i.target) });
    for (const s of jambiR.sasaran) for (const i of s.indicators) realisasi({ code: "15", pd: humas, indicator: i.id, meta: i.meta, year, period: 4, value: i.real[year], status: "final" });
  }
  JAMBI_BUDGET_2018.forEach((b, k) =>
    budget({ code: "15", pd: humas, year: 2018, nodeId: jambiR.programIds[k], level: "program", lineCode: b.code, name: b.name, sasaranId: jambiR.sasaran[b.sasaran].id, murni: b.murni, perubahan: b.perubahan, tw: [0, 0, 0, b.real] }),
  );
  return out;
}

/** The planning demo's rows as { table, values }, to find its ids by name instead of copying them. */
function collectPlanning({ now, tenantId, pdId }) {
  return planningSql({ now, tenantId, pdId, row: (table, values) => ({ table, values }) });
}
