import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";
import { timelinessOf } from "../worker/data/documents";
import { DOCUMENT_MAX_BYTES } from "../shared/schemas/documents";

let t: World;
let pdA2: string;
beforeAll(async () => {
  t = await twoTenants();
  pdA2 = await seedPd(t.tA, "1.02", "Biro Umum");
});

const PDF = "%PDF-1.4\n% LKjIP contoh\n";
type Meta = { title?: string; kind?: string; year?: number | string; pdId?: string; filename?: string; period?: string };
const query = (m: Meta) => new URLSearchParams(Object.entries({ filename: "LKjIP 2021.pdf", title: "LKjIP 2021", kind: "lkjip", year: 2021, ...m }).filter(([, v]) => v !== undefined).map(([k, v]) => [k, String(v)])).toString();
const upload = (m: Meta, cookie: string, body: string = PDF, type = "application/pdf", code = t.codeA) =>
  api(`/tenants/${code}/documents?${query(m)}`, { method: "POST", rawBody: body, cookie, headers: { "content-type": type } });
const docs = (code: string, cookie: string, qs = "") => api(`/tenants/${code}/documents${qs}`, { cookie });
const action = (id: string, what: "publish" | "unpublish", cookie: string, code = t.codeA) => api(`/tenants/${code}/documents/${id}/${what}`, { method: "POST", cookie });
const remove = (id: string, cookie: string, code = t.codeA) => api(`/tenants/${code}/documents/${id}`, { method: "DELETE", cookie });
const file = (id: string, cookie: string, headers: Record<string, string> = {}, code = t.codeA) => api(`/tenants/${code}/documents/${id}/file`, { cookie, headers });

describe("upload, list, download", () => {
  it("stores an agency's PDF in R2 and lists and serves it to every member", async () => {
    const r = await upload({ pdId: t.pdA }, t.a.agency_admin);
    expect(r.status).toBe(201);
    expect(r.json).toMatchObject({ pdId: t.pdA, pdName: "PD 1.01", year: 2021, kind: "lkjip", source: "uploaded", format: "pdf", filename: "LKjIP 2021.pdf", sizeBytes: PDF.length, publishedAt: null });
    // LKjIP 2021 was due at the end of February 2022 and is still not published.
    expect(r.json.timeliness).toEqual({ dueDate: "2022-02-28", status: "terlambat" });

    const list = await docs(t.codeA, t.a.viewer);
    expect(list.status).toBe(200);
    expect(list.json.total).toBe(1);
    expect(list.json.items[0].id).toBe(r.json.id);

    const got = await file(r.json.id, t.a.viewer);
    expect(got.status).toBe(200);
    expect(got.json).toBe(PDF);
    expect(got.headers.get("content-type")).toBe("application/pdf");
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="LKjIP 2021.pdf"; filename*=UTF-8''LKjIP%202021.pdf`);
    expect(got.headers.get("x-content-type-options")).toBe("nosniff");
    const etag = got.headers.get("etag")!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await file(r.json.id, t.a.viewer, { "if-none-match": etag })).status).toBe(304);

    const audit = await dbOf(t.tA).prepare("SELECT action FROM audit_log WHERE entity = 'document' AND entity_id = ?").bind(r.json.id).all();
    expect(audit.results).toEqual([{ action: "create" }]);
  });

  it("keeps names safe: no path, no header injection, the extension of the stored format", async () => {
    const r = await upload({ pdId: t.pdA, filename: '../../Renstra "final"\r\nX-Evil: 1', kind: "renstra", title: "Renstra 2019–2023" }, t.a.tenant_admin);
    expect(r.status).toBe(201);
    expect(r.json.filename).toBe("Renstra finalX-Evil: 1.pdf"); // no path, quotes or line breaks
    const got = await file(r.json.id, t.a.viewer);
    expect(got.headers.get("content-disposition")).toMatch(/^attachment; filename="[\w.\- ()]+"; filename\*=UTF-8''/);
    expect(got.headers.get("x-evil")).toBeNull();
    await remove(r.json.id, t.a.tenant_admin);
  });

  it("keeps a non-ASCII name for the browser and an ASCII fallback, and a triwulan's period", async () => {
    const r = await upload({ pdId: t.pdA, kind: "triwulan", period: "TW2", year: 2022, filename: "Laporan TW II – Biro Organisasi.pdf", title: "Laporan Triwulan II" }, t.a.agency_admin);
    expect(r.json.period).toBe("TW2");
    const got = await file(r.json.id, t.a.viewer);
    expect(got.headers.get("content-disposition")).toBe(`attachment; filename="Laporan TW II _ Biro Organisasi.pdf"; filename*=UTF-8''Laporan%20TW%20II%20%E2%80%93%20Biro%20Organisasi.pdf`);
    const noPeriod = await upload({ pdId: t.pdA, kind: "triwulan", title: "Laporan Triwulan" }, t.a.agency_admin);
    expect(noPeriod.status).toBe(400);
    expect(noPeriod.json.error.issues).toEqual([{ path: "period", message: expect.any(String) }]);
    expect((await upload({ pdId: t.pdA, period: "TW9" }, t.a.agency_admin)).json.error.issues[0].path).toBe("period");
    const lkjip = await upload({ pdId: t.pdA, period: "TW1", title: "LKjIP bertriwulan?" }, t.a.agency_admin);
    expect(lkjip.json.period).toBeNull();
    for (const id of [r.json.id, lkjip.json.id]) await remove(id, t.a.agency_admin);
  });

  it("filters by year, PD, kind and publication, with paging", async () => {
    await upload({ pdId: pdA2, kind: "pk", year: 2022, title: "PK 2022 Biro Umum", filename: "pk.docx" }, t.a.tenant_admin, "PK\u0003\u0004docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    await upload({ kind: "iku", year: 2022, title: "IKU Pemda 2022", filename: "iku.xlsx" }, t.a.tenant_admin, "PK\u0003\u0004xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect((await docs(t.codeA, t.a.viewer, "?year=2022")).json.total).toBe(2);
    expect((await docs(t.codeA, t.a.viewer, `?pdId=${pdA2}`)).json.items.map((d: any) => d.title)).toEqual(["PK 2022 Biro Umum"]);
    expect((await docs(t.codeA, t.a.viewer, "?kind=iku")).json.items[0]).toMatchObject({ pdId: null, pdName: null, format: "xlsx", timeliness: null });
    expect((await docs(t.codeA, t.a.viewer, "?published=true")).json.total).toBe(0);
    const page = await docs(t.codeA, t.a.viewer, "?limit=1&offset=1");
    expect(page.json.items).toHaveLength(1);
    expect(page.json.total).toBe(3);
    const bad = await docs(t.codeA, t.a.viewer, "?year=abc&kind=surat");
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["kind", "year"]);
  });
});

describe("bad input", () => {
  it("answers 400 with field paths, 415 for other types and 413 above the limit", async () => {
    const missing = await api(`/tenants/${t.codeA}/documents?kind=lkjip&year=1999`, { method: "POST", rawBody: PDF, cookie: t.a.tenant_admin, headers: { "content-type": "application/pdf" } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.issues.map((i: any) => i.path).sort()).toEqual(["filename", "title", "year"]);
    expect((await upload({ pdId: t.pdA }, t.a.tenant_admin, "<html>", "text/html")).status).toBe(415);
    const notPdf = await upload({ pdId: t.pdA }, t.a.tenant_admin, "MZ\u0090 not a pdf");
    expect(notPdf.status).toBe(400);
    expect(notPdf.json.error.message).toMatch(/bukan PDF/);
    expect((await upload({ pdId: t.pdA }, t.a.tenant_admin, "")).status).toBe(400);
    expect((await upload({ pdId: "tidak-ada" }, t.a.tenant_admin)).status).toBe(404);
    const before = (await docs(t.codeA, t.a.viewer)).json.total;
    const big = await upload({ pdId: t.pdA }, t.a.tenant_admin, "%PDF-" + "x".repeat(DOCUMENT_MAX_BYTES));
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe("payload_too_large");
    expect((await docs(t.codeA, t.a.viewer)).json.total).toBe(before);
  });

  it("accepts a 2 MB document while every other route keeps its 1 MB limit", async () => {
    const r = await upload({ pdId: t.pdA, title: "LKjIP dengan lampiran" }, t.a.tenant_admin, "%PDF-" + "x".repeat(2 * 1024 * 1024));
    expect(r.status).toBe(201);
    await remove(r.json.id, t.a.tenant_admin);
    const other = await api(`/tenants/${t.codeA}/perangkat-daerah`, { body: { code: "9.99", name: "x".repeat(1024 * 1024 + 10), kind: "dinas" }, cookie: t.a.tenant_admin });
    expect(other.status).toBe(413);
  });
});

describe("roles", () => {
  it("lets operators and heads handle only their PD's files; tenant-wide files are the tenant admin's", async () => {
    for (const role of ["viewer", "evaluator"] as const) expect((await upload({ pdId: t.pdA }, t.a[role])).status, role).toBe(403);
    expect((await upload({ pdId: pdA2 }, t.a.agency_admin)).status).toBe(403);
    expect((await upload({}, t.a.agency_admin)).status).toBe(403);
    expect((await upload({}, t.a.agency_head)).status).toBe(403);
    const own = await upload({ pdId: t.pdA, kind: "pk", year: 2023, title: "PK 2023" }, t.a.agency_head);
    expect(own.status).toBe(201);
    for (const role of ["viewer", "evaluator"] as const) expect((await remove(own.json.id, t.a[role])).status, role).toBe(403);
    const other = await upload({ pdId: pdA2, kind: "pk", year: 2023, title: "PK 2023 Biro Umum" }, t.a.tenant_admin);
    expect((await remove(other.json.id, t.a.agency_admin)).status).toBe(403);
    expect((await remove(own.json.id, t.a.agency_admin)).status).toBe(200);
  });

  it("lets the head of the PD and the tenant admin publish; operators, evaluators and viewers may not", async () => {
    const d = (await upload({ pdId: t.pdA, kind: "renstra", year: 2024, title: "Renstra 2024" }, t.a.agency_admin)).json;
    for (const role of ["viewer", "evaluator", "agency_admin"] as const) expect((await action(d.id, "publish", t.a[role])).status, role).toBe(403);
    const other = (await upload({ pdId: pdA2, kind: "renstra", year: 2024, title: "Renstra Biro Umum" }, t.a.tenant_admin)).json;
    expect((await action(other.id, "publish", t.a.agency_head)).status).toBe(403);
    expect((await action(d.id, "publish", t.a.agency_head)).status).toBe(200);
    for (const role of ["viewer", "evaluator", "agency_admin"] as const) expect((await action(d.id, "unpublish", t.a[role])).status, role).toBe(403);
    expect((await action(d.id, "unpublish", t.a.tenant_admin)).status).toBe(200);
  });
});

describe("publication", () => {
  it("records the date, audits both ways, refuses repeats and deleting a published file", async () => {
    const d = (await upload({ pdId: t.pdA, kind: "lkjip", year: 2025, title: "LKjIP 2025" }, t.a.agency_admin)).json;
    const before = Date.now();
    const pub = await action(d.id, "publish", t.a.agency_head);
    expect(pub.status).toBe(200);
    expect(pub.json.publishedAt).toBeGreaterThanOrEqual(before);
    expect(pub.json.timeliness).toEqual({ dueDate: "2026-02-28", status: expect.stringMatching(/tepat_waktu|terlambat/) });
    expect((await action(d.id, "publish", t.a.tenant_admin)).status).toBe(409);
    const del = await remove(d.id, t.a.tenant_admin);
    expect(del.status).toBe(409);
    expect(del.json.error.message).toMatch(/tarik dari portal/);
    expect((await docs(t.codeA, t.a.viewer, "?published=true")).json.items.map((x: any) => x.id)).toContain(d.id);

    expect((await action(d.id, "unpublish", t.a.agency_head)).json.publishedAt).toBeNull();
    expect((await action(d.id, "unpublish", t.a.agency_head)).status).toBe(409);
    const trail = await dbOf(t.tA).prepare("SELECT before, after FROM audit_log WHERE entity = 'document_publication' AND entity_id = ? ORDER BY id").bind(d.id).all<{ before: string; after: string }>();
    expect(trail.results.map((r) => [JSON.parse(r.before).publishedAt === null, JSON.parse(r.after).publishedAt === null])).toEqual([[true, false], [false, true]]);

    expect((await remove(d.id, t.a.agency_admin)).status).toBe(200);
    expect((await file(d.id, t.a.viewer)).status).toBe(404);
  });

  it("measures against the tenant's own deadline when it moved it", async () => {
    await api(`/tenants/${t.codeA}/deadlines?year=2027`, { cookie: t.a.tenant_admin });
    await dbOf(t.tA).prepare("UPDATE deadlines SET due_date = '2099-03-31' WHERE tenant_id = ? AND year = 2027 AND key = 'lkjip'").bind(t.tA).run();
    const d = (await upload({ pdId: t.pdA, kind: "lkjip", year: 2026, title: "LKjIP 2026" }, t.a.agency_admin)).json;
    expect(d.timeliness).toEqual({ dueDate: "2099-03-31", status: "menunggu" });
    expect((await action(d.id, "publish", t.a.agency_head)).json.timeliness).toEqual({ dueDate: "2099-03-31", status: "tepat_waktu" });
    await action(d.id, "unpublish", t.a.agency_head);
  });

  it("counts the publication day in WIB: up to 28 February is on time", () => {
    const due = new Map([["lkjip:2022", "2022-02-28"]]);
    const at = (iso: string) => timelinessOf({ kind: "lkjip", year: 2021, publishedAt: Date.parse(iso) }, due);
    expect(at("2022-02-28T16:59:00Z")).toEqual({ dueDate: "2022-02-28", status: "tepat_waktu" }); // 23.59 WIB
    expect(at("2022-02-28T17:00:00Z")?.status).toBe("terlambat"); // 1 March 00.00 WIB
    expect(timelinessOf({ kind: "renstra", year: 2021, publishedAt: null }, due)).toBeNull();
  });

  it("keeps generated documents as history: they can be published but not deleted", async () => {
    const id = crypto.randomUUID();
    await dbOf(t.tA).prepare(
      "INSERT INTO documents (id, tenant_id, pd_id, year, kind, title, source, format, content_type, filename, r2_key, size_bytes, sha256, data_version, created_at) VALUES (?, ?, ?, 2021, 'iku', 'IKU 2021', 'generated', 'html', 'text/html; charset=utf-8', 'iku.html', ?, 0, 'x', 'v1', ?)",
    )
      .bind(id, t.tA, t.pdA, `${t.tA}/${id}/iku.html`, Date.now())
      .run();
    expect((await remove(id, t.a.tenant_admin)).status).toBe(409);
    // Its bytes are missing from R2 here: the download says so instead of failing.
    const missing = await file(id, t.a.viewer);
    expect(missing.status).toBe(404);
    expect(missing.json.error.message).toMatch(/tidak tersedia/);
  });
});

describe("LKjIP status per PD", () => {
  const status = (year: number | string, cookie = t.a.viewer) => api(`/tenants/${t.codeA}/documents/lkjip-status?year=${year}`, { cookie });

  it("lists every active PD: published on time, late, or not yet due, and whether a draft waits", async () => {
    const past = await status(2021);
    expect(past.status).toBe(200);
    expect(past.json.dueDate).toBe("2022-02-28");
    // PD 1.01 has an unpublished LKjIP 2021 from the first test; Biro Umum has none. Both are late now.
    expect(past.json.items.map((i: any) => [i.pdCode, i.status, i.hasDraft, i.documentId])).toEqual([["1.01", "terlambat", true, null], ["1.02", "terlambat", false, null]]);
    expect(past.json.counts).toEqual({ tepat_waktu: 0, terlambat: 2, menunggu: 0 });

    const d = (await upload({ pdId: t.pdA, year: 2030, title: "LKjIP 2030" }, t.a.agency_admin)).json;
    await action(d.id, "publish", t.a.agency_head);
    await upload({ pdId: pdA2, year: 2030, title: "LKjIP 2030 Biro Umum" }, t.a.tenant_admin);
    const future = (await status(2030)).json;
    expect(future.items.map((i: any) => [i.pdCode, i.status, i.hasDraft, i.documentId])).toEqual([["1.01", "tepat_waktu", false, d.id], ["1.02", "menunggu", true, null]]);
    expect(future.counts).toEqual({ tepat_waktu: 1, terlambat: 0, menunggu: 1 });
    await action(d.id, "unpublish", t.a.agency_head);
  });

  it("needs a year and shows only this tenant's PD", async () => {
    expect((await api(`/tenants/${t.codeA}/documents/lkjip-status`, { cookie: t.a.viewer })).json.error.issues[0].path).toBe("year");
    expect((await status("dua ribu")).status).toBe(400);
    expect((await status(2021)).json.items.map((i: any) => i.pdId)).not.toContain(t.pdB);
  });
});

describe("cross tenant", () => {
  it("answers 404 for tenant B's documents under tenant A's code, and B is unchanged", async () => {
    const b = (await upload({ pdId: t.pdB, title: "LKjIP B" }, t.b.agency_admin, PDF, "application/pdf", t.codeB)).json;
    expect((await file(b.id, t.a.tenant_admin)).status).toBe(404);
    expect((await remove(b.id, t.a.tenant_admin)).status).toBe(404);
    expect((await action(b.id, "publish", t.a.tenant_admin)).status).toBe(404);
    expect((await action(b.id, "unpublish", t.a.tenant_admin)).status).toBe(404);
    expect((await upload({ pdId: t.pdB }, t.a.tenant_admin)).status).toBe(404);
    expect((await docs(t.codeA, t.a.tenant_admin)).json.items.map((d: any) => d.id)).not.toContain(b.id);
    const bList = (await docs(t.codeB, t.b.viewer)).json.items;
    expect(bList).toEqual([expect.objectContaining({ id: b.id, publishedAt: null })]);
    expect((await file(b.id, t.b.viewer, {}, t.codeB)).json).toBe(PDF);
  });
});
