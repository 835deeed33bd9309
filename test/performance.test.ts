import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, drizzleOf, grant, login, seedUser, twoTenants, type World } from "./helpers";
import { FIGURE_PROVIDERS } from "../worker/data/figures";
import { EVIDENCE_MAX_BYTES } from "../shared/schemas/performance";

// Perjanjian Kinerja, realisasi, anggaran and the triwulan review (issue 6), on a small Renstra
// shaped like seed 004 (Bagian Protokol, 2022) built through the planning API.

let t: World;
type Renstra = { planId: string; sasaranId: string; programId: string; layanan: string; sakip: string };
const A = {} as Renstra;
const B = {} as Renstra;

async function renstra(code: string, pdId: string, cookie: string, out: Renstra) {
  const call = async (path: string, body: unknown) => {
    const r = await api(`/tenants/${code}${path}`, { body, cookie });
    if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.json)}`);
    return r.json;
  };
  out.planId = (await call("/plans", { kind: "renstra", pdId, name: "Renstra Bagian Protokol 2021-2026", yearFrom: 2021, yearTo: 2026 })).id;
  const tujuan = (await call(`/plans/${out.planId}/nodes`, { level: "tujuan", name: "Meningkatkan pelayanan pimpinan" })).id;
  out.sasaranId = (await call(`/plans/${out.planId}/nodes`, { level: "sasaran", parentId: tujuan, name: "Meningkatnya Pelayanan Protokol dan Komunikasi Pimpinan" })).id;
  out.programId = (await call(`/plans/${out.planId}/nodes`, { level: "program", parentId: out.sasaranId, code: "4.01.01", name: "Program Penunjang Urusan Pemerintahan", budget: 1_600_000_000 })).id;
  out.layanan = (await call(`/plans/${out.planId}/nodes/${out.sasaranId}/indicators`, { name: "Persentase Layanan Kegiatan Pimpinan Daerah", satuan: "%", polarity: "positive", kind: "numeric" })).id;
  out.sakip = (await call(`/plans/${out.planId}/nodes/${out.sasaranId}/indicators`, { name: "Nilai SAKIP Bagian", satuan: "kategori", polarity: "positive", kind: "categorical", scale: "AA>A>BB>B>CC>C>D" })).id;
  await call(
    `/plans/${out.planId}/indicators/${out.layanan}/targets`,
    { targets: [{ year: 2022, period: 0, value: "95" }, ...[20, 50, 70, 95].map((v, i) => ({ year: 2022, period: i + 1, value: String(v), cumulative: true })), { year: 2026, period: 0, value: "100" }] },
  );
  await call(`/plans/${out.planId}/indicators/${out.sakip}/targets`, { targets: [{ year: 2022, period: 0, value: "A" }] });
}

let head2: string;
beforeAll(async () => {
  t = await twoTenants();
  await renstra(t.codeA, t.pdA, t.a.agency_admin, A);
  await renstra(t.codeB, t.pdB, t.b.agency_admin, B);
  // A head of another PD in tenant A: may not approve pdA's PK.
  const other = await api(`/tenants/${t.codeA}/perangkat-daerah`, { body: { code: "1.02", name: "Bagian Organisasi", kind: "bagian" }, cookie: t.a.tenant_admin });
  const id = await seedUser("head2@a.test");
  await grant(id, t.tA, "agency_head", other.json.id);
  head2 = await login("head2@a.test");
});

const pkA = (path = "", body?: unknown, cookie = t.a.agency_admin, method?: string) => api(`/tenants/${t.codeA}/perjanjian-kinerja${path}`, { body, cookie, method });

describe("perjanjian kinerja", () => {
  let pkId: string;
  let pkB: string;

  it("drafts a PK from the Renstra: sasaran, indicators with yearly targets, programs with anggaran", async () => {
    const r = await pkA("", { pdId: t.pdA, year: 2022 });
    expect(r.status).toBe(201);
    pkId = r.json.id;
    expect(r.json).toMatchObject({ status: "draft", version: 1, effectiveDate: "2022-01-01", canEdit: true, canApprove: false });
    expect(r.json.items.map((i: any) => [i.kind, i.indicatorName ?? i.nodeName, i.target ?? i.anggaran])).toEqual([
      ["indicator", "Persentase Layanan Kegiatan Pimpinan Daerah", "95"],
      ["indicator", "Nilai SAKIP Bagian", "A"],
      ["program", "Program Penunjang Urusan Pemerintahan", 1_600_000_000],
    ]);
    pkB = (await api(`/tenants/${t.codeB}/perjanjian-kinerja`, { body: { pdId: t.pdB, year: 2022 }, cookie: t.b.agency_admin })).json.id;
    expect((await pkA("", { pdId: t.pdA, year: 2022 })).status).toBe(409);
  });

  it("rejects bad input with field paths, wrong roles with 403, another tenant's PK with 404", async () => {
    const bad = await pkA("", { pdId: t.pdA, year: 1999 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path)).toContain("year");
    const noJabatan = await pkA("", { pdId: t.pdA, year: 2023, jabatanId: "bukan-jabatan" });
    expect(noJabatan.json.error.issues.map((i: any) => i.path)).toEqual(["jabatanId"]);
    expect((await pkA("", { pdId: t.pdA, year: 2023 }, t.a.viewer)).status).toBe(403);
    expect((await pkA("", { pdId: t.pdA, year: 2023 }, t.a.evaluator)).status).toBe(403);
    const cross = await pkA(`/${pkB}`, undefined, t.a.tenant_admin);
    expect(cross.status).toBe(404);
    expect((await pkA(`/${pkB}/submit`, {}, t.a.agency_admin)).status).toBe(404);
    expect((await pkA(`/${pkB}/approve`, {}, t.a.agency_head)).status).toBe(404);
    const items = await pkA(`/${pkId}/items`, { items: [{ kind: "indicator", nodeId: B.sasaranId, nodeName: "x", indicatorId: B.layanan, target: "1" }] });
    expect(items.status).toBe(400);
    expect(items.json.error.issues.map((i: any) => i.path)).toEqual(["items.0.nodeId", "items.0.indicatorId"]);
    expect((await api(`/tenants/${t.codeB}/perjanjian-kinerja/${pkB}`, { cookie: t.b.viewer })).json.status).toBe("draft");
  });

  it("state machine: no approval before submit, only the PD's own head approves, approved is locked", async () => {
    const skip = await pkA(`/${pkId}/approve`, {}, t.a.agency_head);
    expect(skip.status).toBe(409);
    expect(skip.json.error.message).toMatch(/diajukan/);
    expect((await pkA(`/${pkId}/submit`, {})).json.status).toBe("submitted");
    expect((await pkA(`/${pkId}/items`, { items: [] })).status).toBe(409);
    expect((await pkA(`/${pkId}/approve`, {}, t.a.agency_admin)).status).toBe(403);
    expect((await pkA(`/${pkId}/approve`, {}, t.a.tenant_admin)).status).toBe(403);
    expect((await pkA(`/${pkId}/approve`, {}, head2)).status).toBe(403);
    const approved = await pkA(`/${pkId}/approve`, {}, t.a.agency_head);
    expect(approved.json).toMatchObject({ status: "approved", canEdit: false });
    const edit = await pkA(`/${pkId}/items`, { items: [] });
    expect(edit.status).toBe(409);
    expect(edit.json.error.message).toMatch(/PK perubahan/);
    expect((await pkA(`/${pkId}`, undefined, t.a.agency_admin, "DELETE")).status).toBe(409);
    expect((await pkA(`/${pkId}/approve`, {}, t.a.agency_head)).status).toBe(409);
  });

  it("PK perubahan: a new version with date and reason, and a diff with the previous one", async () => {
    const bad = await pkA(`/${pkId}/revisions`, { effectiveDate: "2021-12-31", reason: "x" });
    expect(bad.status).toBe(400);
    const rev = await pkA(`/${pkId}/revisions`, { effectiveDate: "2022-07-01", reason: "Penyesuaian APBD Perubahan 2022" });
    expect(rev.status).toBe(201);
    expect(rev.json).toMatchObject({ version: 2, status: "draft", reason: "Penyesuaian APBD Perubahan 2022" });
    expect(rev.json.versions.map((v: any) => [v.version, v.status])).toEqual([[1, "approved"], [2, "draft"]]);
    const items = rev.json.items.map((i: any) => ({ ...i, anggaran: i.kind === "program" ? 1_789_275_000 : null, target: i.indicatorId === A.layanan ? "96" : i.target }));
    expect((await pkA(`/${rev.json.id}/items`, { items })).status).toBe(200);
    const diff = await pkA(`/${rev.json.id}/diff`);
    expect(diff.json.previous.version).toBe(1);
    expect(diff.json.rows.map((r: any) => [r.name, r.before, r.after, r.change])).toEqual([
      ["Persentase Layanan Kegiatan Pimpinan Daerah", "95 %", "96 %", "changed"],
      ["Nilai SAKIP Bagian", "A kategori", "A kategori", "same"],
      ["Program Penunjang Urusan Pemerintahan", "Rp 1.600.000.000", "Rp 1.789.275.000", "changed"],
    ]);
    expect((await pkA(`/${pkId}/revisions`, { effectiveDate: "2022-08-01", reason: "Satu lagi dari versi lama" })).status).toBe(409);
    // Discard the draft: realisasi below works from the approved version 1.
    expect((await pkA(`/${rev.json.id}`, undefined, t.a.agency_admin, "DELETE")).status).toBe(200);
    expect((await pkA("?year=2022")).json.items.map((p: any) => p.version)).toEqual([1]);
  });
});

const cell = (body: Record<string, unknown>, cookie = t.a.agency_admin) =>
  api(`/tenants/${t.codeA}/realisasi`, { body: { year: 2022, status: "final", ...body }, cookie });
const grid = () => api(`/tenants/${t.codeA}/realisasi?pdId=${t.pdA}&year=2022`, { cookie: t.a.viewer });

describe("realisasi", () => {
  it("saves a cell and computes capaian against the yearly and the cumulative triwulan target", async () => {
    const r = await cell({ indicatorId: A.layanan, period: 1, value: "46 %", version: 0 });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ valueNum: 46, version: 1 });
    const g = (await grid()).json;
    const row = g.sasaran[0].indicators[0];
    expect(row.cells[0].capaian.value).toBeCloseTo((46 / 95) * 100, 10);
    expect(row.cells[0].capaianTw.value).toBeCloseTo(230, 10);
    expect(row.cells[0].capaianTw.flags).toContain("outlier");
    expect(row.twTargets.map((x: any) => x?.num)).toEqual([20, 50, 70, 95]);
  });

  it("two edits of the same cell from the same version: one wins, the other gets 409 with the current value", async () => {
    const first = await cell({ indicatorId: A.layanan, period: 1, value: "48", version: 1 });
    expect(first.status).toBe(200);
    const second = await cell({ indicatorId: A.layanan, period: 1, value: "50", version: 1 });
    expect(second.status).toBe(409);
    expect(second.json.error.current).toMatchObject({ value: "48", version: 2 });
    const both = await Promise.all([cell({ indicatorId: A.layanan, period: 2, value: "101", version: 0 }), cell({ indicatorId: A.layanan, period: 2, value: "101", version: 0 })]);
    expect(both.map((x) => x.status).sort()).toEqual([200, 409]);
  });

  it("pending, provisional, categorical values and the yearly comparison (previous year, Renstra end target)", async () => {
    expect((await cell({ indicatorId: A.sakip, period: 1, status: "pending", version: 0 })).status).toBe(200);
    expect((await cell({ indicatorId: A.sakip, period: 3, value: "82,53 (Kategori BB)", status: "provisional", version: 0 })).json.category).toBe("BB");
    expect((await cell({ indicatorId: A.layanan, period: 4, value: "85", version: 0, year: 2021 })).status).toBe(200);
    const row = (await grid()).json.sasaran[0].indicators;
    expect(row[1].cells[0].capaian.flags).toEqual(["pending"]);
    expect(row[1].annual).toMatchObject({ status: "provisional" });
    expect(row[1].annual.capaian.value).toBeCloseTo((5 / 6) * 100, 10); // BB is rank 5, A rank 6 of 7
    expect(row[0].annual.valueNum).toBe(101); // cumulative: the latest triwulan
    expect(row[0].annual.yoy.value).toBeCloseTo((101 / 85 - 1) * 100, 10);
    expect(row[0].annual.vsRenstra.value).toBeCloseTo(101, 10);
  });

  it("rejects unreadable values (400 with path), wrong roles (403) and another tenant's indicator (404)", async () => {
    const bad = await cell({ indicatorId: A.layanan, period: 3, value: "banyak", version: 0 });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("value");
    expect((await cell({ indicatorId: A.sakip, period: 4, value: "Z", version: 0 })).json.error.issues[0].path).toBe("value");
    expect((await cell({ indicatorId: A.layanan, period: 3, value: "1", version: 0 }, t.a.viewer)).status).toBe(403);
    expect((await cell({ indicatorId: A.layanan, period: 3, value: "1", version: 0 }, t.a.evaluator)).status).toBe(403);
    expect((await cell({ indicatorId: B.layanan, period: 3, value: "1", version: 0 }, t.a.tenant_admin)).status).toBe(404);
  });
});

describe("evidence files", () => {
  let cellId: string;
  const upload = (body: BodyInit, type: string, cookie = t.a.agency_admin, id = cellId) =>
    api(`/tenants/${t.codeA}/realisasi/${id}/evidence?filename=bukti.pdf`, { method: "POST", rawBody: body as string, cookie, headers: { "content-type": type } });

  it("stores an allowed file in R2 and serves it back as a download", async () => {
    cellId = (await grid()).json.sasaran[0].indicators[0].cells[0].id;
    const r = await upload("%PDF-1.4 bukti", "application/pdf");
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ filename: "bukti.pdf", size: 14 });
    const file = await api(`/tenants/${t.codeA}/evidence/${r.json.id}`, { cookie: t.a.viewer });
    expect(file.status).toBe(200);
    expect(file.json).toBe("%PDF-1.4 bukti");
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="bukti.pdf"; filename*=UTF-8''bukti.pdf`);
    expect((await grid()).json.sasaran[0].indicators[0].cells[0].evidence).toHaveLength(1);
  });

  it("keeps a non-ASCII file name in the download (RFC 6266 filename*)", async () => {
    const r = await api(`/tenants/${t.codeA}/realisasi/${cellId}/evidence?filename=${encodeURIComponent("Notulen – rapat.pdf")}`, {
      method: "POST",
      rawBody: "%PDF-1.4 notulen",
      cookie: t.a.agency_admin,
      headers: { "content-type": "application/pdf" },
    });
    expect(r.status).toBe(201);
    const file = await api(`/tenants/${t.codeA}/evidence/${r.json.id}`, { cookie: t.a.viewer });
    expect(file.headers.get("content-disposition")).toBe(`attachment; filename="Notulen _ rapat.pdf"; filename*=UTF-8''Notulen%20%E2%80%93%20rapat.pdf`);
  });

  it("limits type and size, and checks role and tenant", async () => {
    expect((await upload("<script>", "text/html")).status).toBe(415);
    const big = await upload("x".repeat(EVIDENCE_MAX_BYTES + 1), "application/pdf");
    expect(big.status).toBe(413);
    expect((await upload("%PDF", "application/pdf", t.a.viewer)).status).toBe(403);
    const bCell = (await api(`/tenants/${t.codeB}/realisasi`, { body: { indicatorId: B.layanan, year: 2022, period: 1, value: "1", status: "final", version: 0 }, cookie: t.b.agency_admin })).json.id;
    expect((await upload("%PDF", "application/pdf", t.a.tenant_admin, bCell)).status).toBe(404);
  });
});

describe("anggaran", () => {
  let lineId: string;
  it("adds a line for a Renstra program and reports penyerapan, sisa and efisiensi per sasaran", async () => {
    const r = await api(`/tenants/${t.codeA}/anggaran`, { body: { pdId: t.pdA, year: 2022, nodeId: A.programId, jenis: "operasi", paguMurni: 1_600_000_000, paguPerubahan: 1_789_275_000 }, cookie: t.a.agency_admin });
    expect(r.status).toBe(201);
    lineId = r.json.id;
    const p = await api(`/tenants/${t.codeA}/anggaran/${lineId}`, { method: "PATCH", body: { realisasi: [245_650_000, 487_000_000, 509_000_000, 492_000_000], fisik: [20, 50, 75, 100], version: 1 }, cookie: t.a.agency_admin });
    expect(p.status).toBe(200);
    const a = (await api(`/tenants/${t.codeA}/anggaran?pdId=${t.pdA}&year=2022`, { cookie: t.a.viewer })).json;
    expect(a.total).toMatchObject({ pagu: 1_789_275_000, realisasi: 1_733_650_000, sisa: 55_625_000, paguMurni: 1_600_000_000 });
    expect(a.total.percent).toBeCloseTo((1_733_650_000 / 1_789_275_000) * 100, 10);
    expect(a.efisiensi.rows[0].sasaranId).toBe(A.sasaranId);
    expect(a.efisiensi.rows[0].efisiensi).toBeCloseTo(a.efisiensi.rows[0].capaianKinerja - a.total.percent, 10);
  });

  it("stale edits get 409 with the current line; bad input 400; wrong role 403; another tenant 404", async () => {
    const stale = await api(`/tenants/${t.codeA}/anggaran/${lineId}`, { method: "PATCH", body: { paguMurni: 1, version: 1 }, cookie: t.a.agency_admin });
    expect(stale.status).toBe(409);
    expect(stale.json.error.current.version).toBe(2);
    const bad = await api(`/tenants/${t.codeA}/anggaran`, { body: { pdId: t.pdA, year: 2022, nodeId: A.sasaranId, jenis: "operasi", paguMurni: 1.5 }, cookie: t.a.agency_admin });
    expect(bad.json.error.issues.map((i: any) => i.path)).toEqual(["paguMurni"]);
    const notProgram = await api(`/tenants/${t.codeA}/anggaran`, { body: { pdId: t.pdA, year: 2022, nodeId: A.sasaranId, jenis: "modal", paguMurni: 1 }, cookie: t.a.agency_admin });
    expect(notProgram.json.error.issues.map((i: any) => i.path)).toEqual(["nodeId"]);
    expect((await api(`/tenants/${t.codeA}/anggaran/${lineId}`, { method: "PATCH", body: { paguMurni: 1, version: 2 }, cookie: t.a.viewer })).status).toBe(403);
    const bLine = await api(`/tenants/${t.codeB}/anggaran`, { body: { pdId: t.pdB, year: 2022, nodeId: B.programId, jenis: "modal", paguMurni: 5 }, cookie: t.b.agency_admin });
    expect((await api(`/tenants/${t.codeA}/anggaran/${bLine.json.id}`, { method: "PATCH", body: { paguMurni: 1, version: 1 }, cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/anggaran/${bLine.json.id}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(404);
  });
});

describe("triwulan review", () => {
  const submit = (period: number, cookie = t.a.agency_admin) => api(`/tenants/${t.codeA}/laporan-triwulan`, { body: { pdId: t.pdA, year: 2022, period, note: "Laporan TW" }, cookie });
  let reportId: string;

  it("PD submits, evaluator returns it with notes, PD revises and resubmits, evaluator accepts; history kept", async () => {
    expect((await submit(3)).status).toBe(200); // TW III holds a provisional categorical value
    const r = await submit(1);
    expect(r.json).toMatchObject({ status: "submitted", round: 1 });
    reportId = r.json.id;
    expect((await submit(1)).status).toBe(409);
    const locked = await cell({ indicatorId: A.layanan, period: 1, value: "49", version: 2 });
    expect(locked.status).toBe(409);
    expect(locked.json.error.message).toMatch(/dinilai/);
    const inboxEval = await api(`/tenants/${t.codeA}/kinerja-inbox`, { cookie: t.a.evaluator });
    expect(inboxEval.json.counts.report_review).toBe(2);

    const d = `/tenants/${t.codeA}/laporan-triwulan/${reportId}/disposition`;
    expect((await api(d, { body: { disposition: "LAPORAN SUDAH BAIK" }, cookie: t.a.agency_admin })).status).toBe(403);
    expect((await api(d, { body: { disposition: "BAGUS" }, cookie: t.a.evaluator })).json.error.issues[0].path).toBe("disposition");
    const back = await api(d, { body: { disposition: "REALISASI DITELITI ULANG", note: "Cek data Maret", indicatorNotes: [{ indicatorId: A.layanan, note: "Lampirkan daftar kegiatan" }] }, cookie: t.a.evaluator });
    expect(back.json).toMatchObject({ status: "returned", lastDisposition: "REALISASI DITELITI ULANG" });
    // The PD's operators get the disposition in their inbox; the evaluator, other roles and tenant B do not.
    const inbox = async (cookie: string) => (await api("/account/notifications", { cookie })).json.items.filter((n: any) => n.kind === "disposition");
    expect(await inbox(t.a.agency_admin)).toEqual([
      expect.objectContaining({ title: "Disposisi laporan TW I 2022: REALISASI DITELITI ULANG", link: `/t/${t.codeA}/perjanjian-kinerja/laporan?report=${reportId}`, read: false }),
    ]);
    expect((await inbox(t.a.agency_admin))[0].body).toMatch(/dikembalikan.*Cek data Maret/);
    for (const cookie of [t.a.evaluator, t.a.tenant_admin, t.a.viewer, t.b.agency_admin]) expect(await inbox(cookie)).toEqual([]);
    expect((await api(`/tenants/${t.codeA}/kinerja-inbox`, { cookie: t.a.agency_admin })).json.counts.report_revision).toBe(1);

    expect((await cell({ indicatorId: A.layanan, period: 1, value: "49", version: 2 })).status).toBe(200);
    expect((await submit(1)).json).toMatchObject({ status: "submitted", round: 2 });
    const ok = await api(d, { body: { disposition: "LAPORAN SUDAH BAIK" }, cookie: t.a.evaluator });
    expect(ok.json.status).toBe("accepted");
    expect((await inbox(t.a.agency_admin)).map((n: any) => n.title)).toEqual(["Disposisi laporan TW I 2022: LAPORAN SUDAH BAIK", "Disposisi laporan TW I 2022: REALISASI DITELITI ULANG"]);
    expect(ok.json.events.map((e: any) => e.disposition ?? e.kind)).toEqual(["submit", "REALISASI DITELITI ULANG", "note", "submit", "LAPORAN SUDAH BAIK"]);

    const frozen = await cell({ indicatorId: A.layanan, period: 1, value: "50", version: 3 });
    expect(frozen.status).toBe(409);
    expect(frozen.json.error.message).toMatch(/diterima/);
    expect((await api(d, { body: { disposition: "LAIN-LAIN" }, cookie: t.a.evaluator })).status).toBe(409);
    expect(await inbox(t.a.agency_admin)).toHaveLength(2);
    expect((await submit(1)).status).toBe(409);
    const audit = await dbOf(t.tA).prepare("SELECT count(*) AS n FROM audit_log WHERE entity = 'laporan_triwulan' AND entity_id = ?").bind(reportId).first<{ n: number }>();
    expect(audit?.n).toBe(4);
  });

  it("wrong role, nothing to report, and another tenant's report", async () => {
    expect((await submit(2, t.a.viewer)).status).toBe(403);
    expect((await submit(2, t.a.evaluator)).status).toBe(403);
    const empty = await api(`/tenants/${t.codeA}/laporan-triwulan`, { body: { pdId: t.pdA, year: 2023, period: 1 }, cookie: t.a.agency_admin });
    expect(empty.json.error.issues[0].path).toBe("period");
    const bReport = await api(`/tenants/${t.codeB}/laporan-triwulan`, { body: { pdId: t.pdB, year: 2022, period: 1 }, cookie: t.b.agency_admin });
    expect((await api(`/tenants/${t.codeA}/laporan-triwulan/${bReport.json.id}`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`/tenants/${t.codeA}/laporan-triwulan/${bReport.json.id}/disposition`, { body: { disposition: "LAPORAN SUDAH BAIK" }, cookie: t.a.evaluator })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}/laporan-triwulan/${bReport.json.id}`, { cookie: t.b.viewer })).json.status).toBe("submitted");
  });
});

describe("history", () => {
  it("lists every change to the PD's PK, realisasi, anggaran and reports with before/after; another tenant's PD is 404", async () => {
    const h = await api(`/tenants/${t.codeA}/kinerja-history?pdId=${t.pdA}&year=2022`, { cookie: t.a.viewer });
    expect(h.status).toBe(200);
    const entities = new Set(h.json.items.map((i: any) => i.entity));
    expect([...entities].sort()).toEqual(["anggaran", "laporan_triwulan", "perjanjian_kinerja", "realisasi"]);
    const edit = h.json.items.find((i: any) => i.entity === "realisasi" && i.action === "update");
    expect(edit.before.version).toBe(edit.after.version - 1);
    expect(edit.userName).toBe("agency_admin");
    expect((await api(`/tenants/${t.codeA}/kinerja-history?pdId=${t.pdB}&year=2022`, { cookie: t.a.tenant_admin })).status).toBe(404);
  });
});

describe("ranking figures", () => {
  it("capaian and penyerapan per PD for the year; a PD without data is absent", async () => {
    const db = drizzleOf(t.tA);
    const capaian = await FIGURE_PROVIDERS.capaian!(db, t.tA, 2022);
    expect([...capaian.keys()]).toEqual([t.pdA]);
    const penyerapan = await FIGURE_PROVIDERS.penyerapan!(db, t.tA, 2022);
    expect(penyerapan.get(t.pdA)).toBeCloseTo((1_733_650_000 / 1_789_275_000) * 100, 10);
    expect((await FIGURE_PROVIDERS.penyerapan!(db, t.tA, 2021)).size).toBe(0);
  });
});

describe("budget import (SIPD-like export)", () => {
  const csv = [
    "Tahun,Kode PD,Kode Rekening,Uraian,Jenis Belanja,Pagu Murni,Pagu Perubahan,Realisasi TW I,Realisasi TW II,Realisasi TW III,Realisasi TW IV",
    '2022,1.01,4.01.01,Program Penunjang,Belanja Modal,"Rp 250.000.000",,"100.000.000",0,0,0',
  ].join("\n");
  const send = (step: "dry-run" | "commit", body: string, cookie = t.a.agency_admin) =>
    api(`/tenants/${t.codeA}/imports/anggaran/${step}${step === "commit" ? "?chunk=0" : ""}`, { rawBody: body, headers: { "content-type": "text/csv" }, cookie });

  it("dry run reports per cell, commit upserts by PD, year, code and jenis, re-import changes nothing", async () => {
    const bad = await send("dry-run", csv.replace("4.01.01", "9.99").replace("Rp 250.000.000", "banyak"));
    expect(bad.json.canCommit).toBe(false);
    expect(bad.json.issues.map((i: any) => i.column)).toContain("Pagu Murni");
    const dry = await send("dry-run", csv);
    expect(dry.json).toMatchObject({ canCommit: true, summary: { create: 1, update: 0, unchanged: 0 } });
    expect((await send("commit", csv)).status).toBe(200);
    const a = (await api(`/tenants/${t.codeA}/anggaran?pdId=${t.pdA}&year=2022`, { cookie: t.a.viewer })).json;
    expect(a.byJenis.find((j: any) => j.jenis === "modal")).toMatchObject({ pagu: 250_000_000, realisasi: 100_000_000 });
    expect((await send("dry-run", csv)).json.summary).toMatchObject({ create: 0, unchanged: 1 });
    expect((await send("dry-run", csv, t.a.viewer)).status).toBe(403);
  });
});

describe("realisasi import", () => {
  const send = (step: "dry-run" | "commit", body: string) =>
    api(`/tenants/${t.codeA}/imports/realisasi/${step}${step === "commit" ? "?chunk=0" : ""}`, { rawBody: body, headers: { "content-type": "text/csv" }, cookie: t.a.agency_admin });
  const head = "Tahun,Kode PD,Triwulan,Indikator,Realisasi,Status,Penjelasan";

  it("fills cells of the PK's indicators by name; locked triwulan and unknown indicators are errors; re-import is a no-op", async () => {
    const bad = await send("dry-run", [head, "2022,1.01,TW I,Persentase Layanan Kegiatan Pimpinan Daerah,50,Final,", "2022,1.01,IV,Indikator Lain,1,,"].join("\n"));
    expect(bad.json.issues.map((i: any) => [i.row, i.column])).toEqual([[2, "Triwulan"], [3, "Indikator"]]);
    const csv = [head, "2022,1.01,IV,persentase layanan kegiatan pimpinan daerah,\"90,5 %\",Sementara,Angka sementara"].join("\n");
    expect((await send("dry-run", csv)).json.summary).toMatchObject({ create: 1 });
    expect((await send("commit", csv)).status).toBe(200);
    const cell = (await grid()).json.sasaran[0].indicators[0].cells[3];
    expect(cell).toMatchObject({ value: "90,5 %", valueNum: 90.5, status: "provisional", version: 1 });
    expect((await send("dry-run", csv)).json.summary).toMatchObject({ create: 0, update: 0, unchanged: 1 });
  });
});
