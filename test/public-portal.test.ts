import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, twoTenants, type World } from "./helpers";
import { countRoundTrips } from "./round-trips";

/** The public portal: only published documents and published SAKIP years of the tenant in the path. */
let t: World;
const PDF = "%PDF-1.4\n% portal\n";
const ids = { published: "", draft: "", tenantWide: "", bPublished: "" };

const upload = async (code: string, cookie: string, q: Record<string, string>) => {
  const qs = new URLSearchParams({ filename: "dokumen.pdf", kind: "lkjip", year: "2021", ...q }).toString();
  const r = await api(`/tenants/${code}/documents?${qs}`, { method: "POST", rawBody: PDF, cookie, headers: { "content-type": "application/pdf" } });
  expect(r.status).toBe(201);
  return r.json.id as string;
};
const publish = (code: string, id: string, cookie: string, what = "publish") => api(`/tenants/${code}/documents/${id}/${what}`, { method: "POST", cookie });
const portal = (code: string, headers: Record<string, string> = {}) => api(`/public/portal/${encodeURIComponent(code)}`, { headers });
const download = (code: string, id: string, headers: Record<string, string> = {}) => api(`/public/portal/${encodeURIComponent(code)}/documents/${encodeURIComponent(id)}`, { headers });

async function seedSakip(tenantId: string, pdId: string, years: number[], publishedYears: number[]) {
  const template = crypto.randomUUID();
  const now = Date.now();
  const stmts = [
    dbOf(tenantId).prepare("INSERT INTO lke_templates (id, tenant_id, year, kind, name, definition, locked_at, created_at, updated_at) VALUES (?, ?, 2000, 'legacy', 'x', '{}', ?, ?, ?)").bind(template, tenantId, now, now, now),
    ...years.map((y, i) =>
      dbOf(tenantId).prepare("INSERT INTO lke_evaluations (id, tenant_id, pd_id, year, template_id, source, status, total, predikat, flags, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'import', 'final', ?, ?, '[]', ?, ?)")
        .bind(crypto.randomUUID(), tenantId, pdId, y, template, 73.55 + i, "BB", now, now),
    ),
    ...publishedYears.map((y) => env.DB.prepare("INSERT INTO published_figures (tenant_id, year, figure, value, pd_count, published_at) VALUES (?, ?, 'sakip', 74, 1, ?)").bind(tenantId, y, now)),
  ];
  await dbOf(tenantId).batch(stmts.slice(0, years.length + 1));
  if (publishedYears.length) await env.DB.batch(stmts.slice(years.length + 1));
}

beforeAll(async () => {
  t = await twoTenants();
  ids.published = await upload(t.codeA, t.a.agency_admin, { pdId: t.pdA, title: "LKjIP 2021 PD A" });
  ids.draft = await upload(t.codeA, t.a.agency_admin, { pdId: t.pdA, title: "Draf rahasia", kind: "renstra" });
  ids.tenantWide = await upload(t.codeA, t.a.tenant_admin, { title: "IKU Pemda 2022", kind: "iku", year: "2022" });
  ids.bPublished = await upload(t.codeB, t.b.agency_admin, { pdId: t.pdB, title: "LKjIP tenant B" });
  for (const [code, id, cookie] of [[t.codeA, ids.published, t.a.agency_head], [t.codeA, ids.tenantWide, t.a.tenant_admin], [t.codeB, ids.bPublished, t.b.agency_head]] as const) {
    expect((await publish(code, id, cookie)).status).toBe(200);
  }
  await seedSakip(t.tA, t.pdA, [2019, 2020, 2021], [2019, 2020]);
  await seedSakip(t.tB, t.pdB, [2020], [2020]);
});

describe("public portal page data", () => {
  it("shows the tenant's published documents and nothing unpublished or of another tenant, without signing in", async () => {
    const r = await portal(t.codeA);
    expect(r.status).toBe(200);
    expect(r.json.tenant).toEqual({ code: t.codeA, name: "Pemda 35.16", kind: "kabupaten" });
    expect(r.json.documents.map((d: any) => d.title).sort()).toEqual(["IKU Pemda 2022", "LKjIP 2021 PD A"]);
    const text = JSON.stringify(r.json);
    for (const hidden of [ids.draft, "Draf rahasia", ids.bPublished, "LKjIP tenant B", t.pdB, t.tA, "r2Key", "createdBy", "sha256"]) expect(text).not.toContain(hidden);
    expect(r.json.pds).toEqual([{ id: t.pdA, code: "1.01", name: "PD 1.01" }]);
    expect(r.json.documents.find((d: any) => d.kind === "lkjip").timeliness).toEqual({ dueDate: "2022-02-28", status: "terlambat" });
  });

  it("measures timeliness against this tenant's own deadline, not another tenant's", async () => {
    for (const [code, cookie] of [[t.codeA, t.a.tenant_admin], [t.codeB, t.b.tenant_admin]] as const) await api(`/tenants/${code}/deadlines?year=2022`, { cookie });
    await dbOf(t.tB).prepare("UPDATE deadlines SET due_date = '2099-12-31' WHERE tenant_id = ? AND year = 2022 AND key = 'lkjip'").bind(t.tB).run();
    const lkjip = () => portal(t.codeA).then((r) => r.json.documents.find((d: any) => d.kind === "lkjip").timeliness);
    expect(await lkjip()).toEqual({ dueDate: "2022-02-28", status: "terlambat" });
    await dbOf(t.tA).prepare("UPDATE deadlines SET due_date = '2099-12-30' WHERE tenant_id = ? AND year = 2022 AND key = 'lkjip'").bind(t.tA).run();
    expect(await lkjip()).toEqual({ dueDate: "2099-12-30", status: "tepat_waktu" });
  });

  it("shows SAKIP results only of the years whose figures the pemda published", async () => {
    const { sakip } = (await portal(t.codeA)).json;
    expect(sakip.pd.map((s: any) => s.year)).toEqual([2019, 2020]);
    expect(sakip.pd[0]).toEqual({ pdId: t.pdA, year: 2019, total: 73.55, predikat: "BB" });
    expect(sakip.tenant).toEqual([{ year: 2019, value: 74, pdCount: 1 }, { year: 2020, value: 74, pdCount: 1 }]);
  });

  it("is cacheable: public Cache-Control with s-maxage, an ETag, and 304 when unchanged", async () => {
    const r = await portal(t.codeA);
    expect(r.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60");
    const etag = r.headers.get("etag")!;
    expect(etag).toBeTruthy();
    const again = await portal(t.codeA, { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.json).toBeNull();
  });

  it("costs two D1 round trips per page and per download", async () => {
    expect(await countRoundTrips(`/public/portal/${t.codeA}`)).toMatchObject({ status: 200, trips: 2 });
    expect(await countRoundTrips(`/public/portal/${t.codeA}/documents/${ids.tenantWide}`)).toMatchObject({ status: 200, trips: 2 });
  });

  it("answers 404 for unknown, malformed and suspended tenants", async () => {
    for (const code of ["99", "../64", "' OR 1=1 --", "x".repeat(21)]) expect((await portal(code)).status, code).toBeGreaterThanOrEqual(400);
    expect((await portal("99")).json.error.code).toBe("not_found");
    await env.DB.prepare("UPDATE tenants SET status = 'suspended' WHERE id = ?").bind(t.tB).run();
    expect((await portal(t.codeB)).status).toBe(404);
    expect((await download(t.codeB, ids.bPublished)).status).toBe(404);
    await env.DB.prepare("UPDATE tenants SET status = 'active' WHERE id = ?").bind(t.tB).run();
    expect((await portal(t.codeB)).json.documents.map((d: any) => d.id)).toEqual([ids.bPublished]);
  });
});

describe("public download", () => {
  it("serves a published document with its name, a strong ETag and a public cache", async () => {
    const r = await download(t.codeA, ids.published);
    expect(r.status).toBe(200);
    expect(r.json).toBe(PDF);
    expect(r.headers.get("content-type")).toBe("application/pdf");
    expect(r.headers.get("content-disposition")).toMatch(/^attachment; filename="dokumen.pdf"/);
    expect(r.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=60");
    expect((await download(t.codeA, ids.published, { "if-none-match": r.headers.get("etag")! })).status).toBe(304);
  });

  it("never serves an unpublished document, another tenant's, or a crafted id", async () => {
    expect((await download(t.codeA, ids.draft)).status).toBe(404);
    expect((await download(t.codeA, ids.bPublished)).status).toBe(404);
    expect((await download(t.codeB, ids.published)).status).toBe(404);
    for (const id of ["x", "' OR 1=1 --", `${ids.published}' OR '1'='1`, "%00", "..%2F..%2Fetc"]) expect((await download(t.codeA, id)).status, id).toBe(404);
  });

  it("withdraws a document from the page and its download as soon as it is unpublished", async () => {
    expect((await publish(t.codeA, ids.published, t.a.agency_head, "unpublish")).status).toBe(200);
    expect((await portal(t.codeA)).json.documents.map((d: any) => d.id)).toEqual([ids.tenantWide]);
    expect((await download(t.codeA, ids.published)).status).toBe(404);
    expect((await publish(t.codeA, ids.published, t.a.agency_head)).status).toBe(200);
  });
});
