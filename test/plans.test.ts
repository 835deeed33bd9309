import { beforeAll, describe, expect, it } from "vitest";
import { api, dbOf, seedPd, twoTenants, type World } from "./helpers";

let t: World;
let rpjmdA: string;
let renstraA: string;
let renstraB: string;
const base = (code: string) => `/tenants/${code}/plans`;

async function node(code: string, plan: string, body: Record<string, unknown>, cookie: string) {
  const r = await api(`${base(code)}/${plan}/nodes`, { cookie, body });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return r.json.id as string;
}

beforeAll(async () => {
  t = await twoTenants();
  rpjmdA = (await api(base(t.codeA), { cookie: t.a.tenant_admin, body: { kind: "rpjmd", name: "RPJMD 2025-2029", yearFrom: 2025, yearTo: 2029 } })).json.id;
  renstraA = (await api(base(t.codeA), { cookie: t.a.agency_admin, body: { kind: "renstra", pdId: t.pdA, rpjmdPlanId: rpjmdA, name: "Renstra 2025-2029", yearFrom: 2025, yearTo: 2029 } })).json.id;
  renstraB = (await api(base(t.codeB), { cookie: t.b.tenant_admin, body: { kind: "renstra", pdId: t.pdB, name: "Renstra B", yearFrom: 2025, yearTo: 2029 } })).json.id;
});

describe("plans", () => {
  it("creates RPJMD and Renstra, lists them, and refuses duplicates and bad periods", async () => {
    expect(rpjmdA && renstraA && renstraB).toBeTruthy();
    const list = await api(base(t.codeA), { cookie: t.a.viewer });
    expect(list.json.items.map((p: any) => p.kind).sort()).toEqual(["renstra", "rpjmd"]);
    const dup = await api(base(t.codeA), { cookie: t.a.tenant_admin, body: { kind: "rpjmd", name: "Lagi", yearFrom: 2025, yearTo: 2029 } });
    expect(dup.status).toBe(409);
    const bad = await api(base(t.codeA), { cookie: t.a.tenant_admin, body: { kind: "renstra", name: "X", yearFrom: 2030, yearTo: 2020 } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path)).toEqual(expect.arrayContaining(["name"]));
    const noPd = await api(base(t.codeA), { cookie: t.a.tenant_admin, body: { kind: "renstra", name: "Tanpa PD", yearFrom: 2030, yearTo: 2034 } });
    expect(noPd.json.error.issues.map((i: any) => i.path)).toEqual(["pdId"]);
    const renamed = await api(`${base(t.codeA)}/${renstraA}`, { method: "PATCH", cookie: t.a.agency_admin, body: { name: "Renstra PD A 2025-2029" } });
    expect(renamed.status).toBe(200);
    expect(renamed.json.name).toBe("Renstra PD A 2025-2029");
  });

  it("only the right roles create, change and approve plans (403)", async () => {
    for (const role of ["viewer", "evaluator", "agency_head"] as const) {
      expect((await api(base(t.codeA), { cookie: t.a[role], body: { kind: "rpjmd", name: "Tidak Boleh", yearFrom: 2040, yearTo: 2044 } })).status).toBe(403);
    }
    // The PD operator may not start the RPJMD nor another PD's Renstra.
    expect((await api(base(t.codeA), { cookie: t.a.agency_admin, body: { kind: "rpjmd", name: "Tidak Boleh", yearFrom: 2040, yearTo: 2044 } })).status).toBe(403);
    const otherPd = await seedPd(t.tA, "9.99");
    expect((await api(base(t.codeA), { cookie: t.a.agency_admin, body: { kind: "renstra", pdId: otherPd, name: "PD Lain", yearFrom: 2025, yearTo: 2029 } })).status).toBe(403);
    expect((await api(`${base(t.codeA)}/${rpjmdA}`, { method: "PATCH", cookie: t.a.agency_admin, body: { name: "Diubah" } })).status).toBe(403);
    expect((await api(`${base(t.codeA)}/${rpjmdA}/approve`, { method: "POST", cookie: t.a.agency_head })).status).toBe(403);
    expect((await api(`${base(t.codeA)}/${renstraA}/approve`, { method: "POST", cookie: t.a.agency_admin })).status).toBe(403);
  });

  it("another tenant's plan answers 404 and stays unchanged", async () => {
    const id = renstraB;
    expect((await api(`${base(t.codeA)}/${id}`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diambil" } })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${id}/approve`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${id}/nodes`, { cookie: t.a.tenant_admin, body: { level: "tujuan", name: "Sisipan" } })).status).toBe(404);
    const list = await api(base(t.codeA), { cookie: t.a.tenant_admin });
    expect(list.json.items.some((p: any) => p.id === id)).toBe(false);
    const b = await api(`${base(t.codeB)}/${id}`, { cookie: t.b.viewer });
    expect(b.json.plan).toMatchObject({ name: "Renstra B", status: "draft" });
    expect(b.json.nodes).toEqual([]);
  });
});

describe("cascading tree, indicators and targets", () => {
  let sasaranRpjmd: string;
  let tujuan: string;
  let sasaran: string;
  let program: string;
  let indicator: string;

  it("builds RPJMD → Renstra → program → kegiatan → sub kegiatan → rencana aksi with indicators and targets", async () => {
    const admin = t.a.tenant_admin;
    const op = t.a.agency_admin;
    const visi = await node(t.codeA, rpjmdA, { level: "visi", name: "Terwujudnya masyarakat yang sejahtera" }, admin);
    const misi = await node(t.codeA, rpjmdA, { level: "misi", parentId: visi, code: "3", name: "Tata kelola pemerintahan yang bersih" }, admin);
    const tujuanR = await node(t.codeA, rpjmdA, { level: "tujuan", parentId: misi, name: "Birokrasi yang efektif" }, admin);
    sasaranRpjmd = await node(t.codeA, rpjmdA, { level: "sasaran", parentId: tujuanR, name: "Meningkatnya kualitas pelayanan publik" }, admin);
    tujuan = await node(t.codeA, renstraA, { level: "tujuan", name: "Meningkatkan pelayanan keprotokolan", supports: [sasaranRpjmd] }, op);
    sasaran = await node(t.codeA, renstraA, { level: "sasaran", parentId: tujuan, name: "Meningkatnya kualitas layanan keprotokolan", supports: [sasaranRpjmd] }, op);
    program = await node(t.codeA, renstraA, { level: "program", parentId: sasaran, code: "4.01.01", name: "Program Penunjang Urusan Pemerintahan Daerah" }, op);
    const kegiatan = await node(t.codeA, renstraA, { level: "kegiatan", parentId: program, code: "4.01.01.1.01", name: "Fasilitasi Keprotokolan", budget: 10_240_438_000 }, op);
    const sub = await node(t.codeA, renstraA, { level: "sub_kegiatan", parentId: kegiatan, code: "4.01.01.1.01.01", name: "Fasilitasi dan Koordinasi Pelaksanaan Acara" }, op);
    await node(t.codeA, renstraA, { level: "rencana_aksi", parentId: sub, name: "Lomba Karya Tulis Wartawan", schedule: [3] }, op);
    await node(t.codeA, renstraA, { level: "rencana_aksi", parentId: kegiatan, name: "Penyusunan Laporan Kinerja", schedule: [1] }, op);

    const ind = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}/indicators`, {
      cookie: op,
      body: { name: "Persentase PD yang puas terhadap layanan keprotokolan", satuan: "%", polarity: "positive", kind: "numeric", isIku: true, formulaNumerator: "Jumlah responden puas", formulaDenominator: "Jumlah responden", sumberData: "Survei", penanggungJawab: "Bagian Protokol" },
    });
    expect(ind.status).toBe(201);
    indicator = ind.json.id;
    const targets = await api(`${base(t.codeA)}/${renstraA}/indicators/${indicator}/targets`, {
      method: "POST",
      cookie: op,
      body: { targets: [{ year: 2026, period: 0, value: "70 (cukup)" }, { year: 2027, period: 0, value: "81,64 %" }, { year: 2026, period: 1, value: "20", cumulative: true }, { year: 2026, period: 2, value: "50", cumulative: true }] },
    });
    expect(targets.status).toBe(200);
    expect(targets.json.targets.map((x: any) => [x.year, x.period, x.valueNum, x.label, x.cumulative])).toEqual([
      [2026, 0, 70, "cukup", false],
      [2026, 1, 20, null, true],
      [2026, 2, 50, null, true],
      [2027, 0, 81.64, null, false],
    ]);
    const cat = await api(`${base(t.codeA)}/${renstraA}/nodes/${program}/indicators`, { cookie: op, body: { name: "Nilai SAKIP", satuan: "predikat", polarity: "positive", kind: "categorical", scale: "AA>A>BB>B>CC>C>D" } });
    expect(cat.json.scale).toEqual(["AA", "A", "BB", "B", "CC", "C", "D"]);
    expect((await api(`${base(t.codeA)}/${renstraA}/indicators/${cat.json.id}/targets`, { cookie: op, body: { targets: [{ year: 2026, period: 0, value: "bb" }] } })).json.targets[0].category).toBe("BB");

    const tree = await api(`${base(t.codeA)}/${renstraA}?asOf=2026-06-01`, { cookie: t.a.viewer });
    expect(tree.status).toBe(200);
    expect(tree.json.nodes.map((n: any) => n.level)).toEqual(expect.arrayContaining(["tujuan", "sasaran", "program", "kegiatan", "sub_kegiatan", "rencana_aksi"]));
    expect(tree.json.nodes).toHaveLength(7);
    expect(tree.json.nodes.find((n: any) => n.name === "Lomba Karya Tulis Wartawan").schedule).toEqual([3]);
    expect(tree.json.nodes.find((n: any) => n.id === sasaran).indicators[0]).toMatchObject({ isIku: true, satuan: "%", targets: expect.any(Array) });
    expect(tree.json.rpjmd.map((n: any) => n.level)).toEqual(["visi", "misi", "tujuan", "sasaran"]);
  });

  it("the RPJMD's cascade brings every following Renstra; a Renstra has none; other tenants see 404", async () => {
    const r = await api(`${base(t.codeA)}/${rpjmdA}/cascade?asOf=2026-06-01`, { cookie: t.a.viewer });
    expect(r.status).toBe(200);
    expect(r.json.plans.map((p: any) => p.plan.id)).toEqual([renstraA]);
    expect(r.json.plans[0].nodes.find((n: any) => n.level === "tujuan").supports).toEqual([sasaranRpjmd]);
    expect((await api(`${base(t.codeA)}/${renstraA}/cascade`, { cookie: t.a.viewer })).status).toBe(400);
    expect((await api(`${base(t.codeA)}/${renstraB}/cascade`, { cookie: t.a.tenant_admin })).status).toBe(404);
  });

  it("rejects wrong levels, missing indicator fields and targets that do not parse, naming the field", async () => {
    const op = t.a.agency_admin;
    const wrongParent = await api(`${base(t.codeA)}/${renstraA}/nodes`, { cookie: op, body: { level: "kegiatan", parentId: sasaran, name: "Kegiatan tanpa program" } });
    expect(wrongParent.status).toBe(400);
    expect(wrongParent.json.error.issues[0].path).toBe("parentId");
    const wrongPlan = await api(`${base(t.codeA)}/${renstraA}/nodes`, { cookie: op, body: { level: "visi", name: "Visi di Renstra" } });
    expect(wrongPlan.json.error.issues[0].path).toBe("level");
    // Moving a node under its own descendant is a wrong level too, so no cycle can form.
    const cycle = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}`, { method: "PATCH", cookie: op, body: { parentId: program } });
    expect(cycle.json.error.issues[0].path).toBe("parentId");
    const badSupport = await api(`${base(t.codeA)}/${renstraA}/nodes`, { cookie: op, body: { level: "program", parentId: sasaran, name: "Program X", supports: [sasaranRpjmd] } });
    expect(badSupport.json.error.issues[0].path).toBe("supports");
    const noFields = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}/indicators`, { cookie: op, body: { name: "Indikator", kind: "numeric" } });
    expect(noFields.status).toBe(400);
    expect(noFields.json.error.issues.map((i: any) => i.path).sort()).toEqual(["polarity", "satuan"]);
    const noScale = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}/indicators`, { cookie: op, body: { name: "Predikat", satuan: "predikat", polarity: "positive", kind: "categorical" } });
    expect(noScale.json.error.issues[0].path).toBe("scale");
    const badTargets = await api(`${base(t.codeA)}/${renstraA}/indicators/${indicator}/targets`, {
      method: "POST",
      cookie: op,
      body: { targets: [{ year: 2026, period: 0, value: "tujuh puluh" }, { year: 2031, period: 0, value: "70" }, { year: 2026, period: 3, value: "BB" }] },
    });
    expect(badTargets.status).toBe(400);
    expect(badTargets.json.error.issues.map((i: any) => i.path)).toEqual(["targets.0.value", "targets.1.year", "targets.2.value"]);
  });

  it("links an owning jabatan of the PD and reads its name", async () => {
    const now = Date.now();
    await dbOf(t.tA).prepare("INSERT INTO jabatan (id, tenant_id, pd_id, name, eselon, is_head, active, created_at, updated_at) VALUES (?, ?, ?, ?, 'III', 0, 1, ?, ?)").bind("jab-a", t.tA, t.pdA, "Kepala Bagian Protokol", now, now).run();
    await dbOf(t.tA).prepare("INSERT INTO jabatan (id, tenant_id, pd_id, name, eselon, is_head, active, created_at, updated_at) VALUES (?, ?, ?, ?, 'III', 0, 1, ?, ?)").bind("jab-b", t.tB, t.pdB, "Jabatan B", now, now).run();
    const r = await api(`${base(t.codeA)}/${renstraA}/nodes/${program}`, { method: "PATCH", cookie: t.a.agency_admin, body: { ownerJabatanId: "jab-a" } });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ ownerJabatanId: "jab-a", ownerName: "Kepala Bagian Protokol", ownerEselon: "III" });
    const other = await api(`${base(t.codeA)}/${renstraA}/nodes/${program}`, { method: "PATCH", cookie: t.a.agency_admin, body: { ownerJabatanId: "jab-b" } });
    expect(other.status).toBe(400);
    expect(other.json.error.issues[0].path).toBe("ownerJabatanId");
  });

  it("refuses to delete a node with dependants, naming them; a leaf goes", async () => {
    const r = await api(`${base(t.codeA)}/${renstraA}/nodes/${program}`, { method: "DELETE", cookie: t.a.agency_admin });
    expect(r.status).toBe(409);
    expect(r.json.error.message).toContain("Fasilitasi Keprotokolan");
    const rpjmd = await api(`${base(t.codeA)}/${rpjmdA}/nodes/${sasaranRpjmd}`, { method: "DELETE", cookie: t.a.tenant_admin });
    expect(rpjmd.status).toBe(409);
    expect(rpjmd.json.error.message).toContain("Meningkatnya kualitas layanan keprotokolan");
    const leaf = await node(t.codeA, renstraA, { level: "program", parentId: sasaran, name: "Program sementara" }, t.a.agency_admin);
    await api(`${base(t.codeA)}/${renstraA}/nodes/${leaf}/indicators`, { cookie: t.a.agency_admin, body: { name: "Indikator sementara", satuan: "dokumen", polarity: "positive", kind: "numeric" } });
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${leaf}`, { method: "DELETE", cookie: t.a.agency_admin })).status).toBe(200);
    expect((await api(`${base(t.codeA)}/${renstraA}`, { cookie: t.a.viewer })).json.nodes.some((n: any) => n.id === leaf)).toBe(false);
  });

  it("node and indicator writes: wrong role 403, other PD's operator 403, other tenant 404", async () => {
    const path = `${base(t.codeA)}/${renstraA}/nodes/${program}`;
    for (const role of ["viewer", "evaluator", "agency_head"] as const) {
      expect((await api(path, { method: "PATCH", cookie: t.a[role], body: { name: "Tidak boleh" } })).status).toBe(403);
      expect((await api(`${base(t.codeA)}/${renstraA}/indicators/${indicator}/targets`, { cookie: t.a[role], body: { targets: [{ year: 2026, period: 0, value: "1" }] } })).status).toBe(403);
    }
    expect((await api(`${base(t.codeA)}/${rpjmdA}/nodes`, { cookie: t.a.agency_admin, body: { level: "visi", name: "Visi operator" } })).status).toBe(403);
    // Tenant B's records under tenant A's code look missing.
    const bNode = await node(t.codeB, renstraB, { level: "tujuan", name: "Tujuan B" }, t.b.tenant_admin);
    const bInd = (await api(`${base(t.codeB)}/${renstraB}/nodes/${bNode}/indicators`, { cookie: t.b.tenant_admin, body: { name: "Indikator B", satuan: "%", polarity: "positive", kind: "numeric" } })).json.id;
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${bNode}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diambil" } })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${bNode}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${bNode}/history`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${bNode}/indicators`, { cookie: t.a.tenant_admin, body: { name: "Sisipan", satuan: "%", polarity: "positive", kind: "numeric" } })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${renstraA}/indicators/${bInd}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diambil" } })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${renstraA}/indicators/${bInd}/targets`, { cookie: t.a.tenant_admin, body: { targets: [{ year: 2026, period: 0, value: "1" }] } })).status).toBe(404);
    expect((await api(`${base(t.codeA)}/${renstraA}/indicators/${bInd}`, { method: "DELETE", cookie: t.a.tenant_admin })).status).toBe(404);
    const b = await api(`${base(t.codeB)}/${renstraB}`, { cookie: t.b.viewer });
    expect(b.json.nodes[0]).toMatchObject({ name: "Tujuan B", indicators: [{ name: "Indikator B", targets: [] }] });
  });

  it("after approval, changes are dated versions with a reason; reads take a date; history shows them", async () => {
    const approved = await api(`${base(t.codeA)}/${renstraA}/approve`, { method: "POST", cookie: t.a.agency_head });
    expect(approved.status).toBe(200);
    expect(approved.json.status).toBe("approved");
    expect((await api(`${base(t.codeA)}/${renstraA}/approve`, { method: "POST", cookie: t.a.tenant_admin })).status).toBe(409);

    const noReason = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}`, { method: "PATCH", cookie: t.a.agency_admin, body: { name: "Sasaran baru" } });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.issues[0].path).toBe("reason");
    const early = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}`, { method: "PATCH", cookie: t.a.agency_admin, body: { name: "Sasaran baru", reason: "Terlalu awal", effectiveDate: "2024-12-31" } });
    expect(early.json.error.issues[0].path).toBe("effectiveDate");
    const revised = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}`, {
      method: "PATCH",
      cookie: t.a.agency_admin,
      body: { name: "Meningkatnya kualitas layanan keprotokolan dan komunikasi", effectiveDate: "2026-08-20", reason: "Perubahan tupoksi Pergub 18/2021" },
    });
    expect(revised.status).toBe(200);
    expect(revised.json).toMatchObject({ version: 2, effectiveDate: "2026-08-20" });
    const target = await api(`${base(t.codeA)}/${renstraA}/indicators/${indicator}/targets`, {
      method: "POST",
      cookie: t.a.agency_admin,
      body: { targets: [{ year: 2026, period: 0, value: "75" }], effectiveDate: "2026-08-20", reason: "PK perubahan" },
    });
    expect(target.status).toBe(200);

    const before = await api(`${base(t.codeA)}/${renstraA}?asOf=2026-08-19`, { cookie: t.a.viewer });
    const after = await api(`${base(t.codeA)}/${renstraA}?asOf=2026-08-20`, { cookie: t.a.viewer });
    const sas = (r: any) => r.json.nodes.find((n: any) => n.id === sasaran);
    expect(sas(before).name).toBe("Meningkatnya kualitas layanan keprotokolan");
    expect(sas(after).name).toBe("Meningkatnya kualitas layanan keprotokolan dan komunikasi");
    const annual = (r: any) => sas(r).indicators[0].targets.find((x: any) => x.year === 2026 && x.period === 0);
    expect(annual(before).value).toBe("70 (cukup)");
    expect(annual(after)).toMatchObject({ value: "75", version: 2 });

    // A removal is a dated version too: gone after, still there before.
    const rencana = after.json.nodes.find((n: any) => n.name === "Penyusunan Laporan Kinerja").id;
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${rencana}?effectiveDate=2026-10-01`, { method: "DELETE", cookie: t.a.agency_admin })).status).toBe(400);
    expect((await api(`${base(t.codeA)}/${renstraA}/nodes/${rencana}?effectiveDate=2026-10-01&reason=Dibatalkan`, { method: "DELETE", cookie: t.a.agency_admin })).status).toBe(200);
    expect((await api(`${base(t.codeA)}/${renstraA}?asOf=2026-09-30`, { cookie: t.a.viewer })).json.nodes.some((n: any) => n.id === rencana)).toBe(true);
    expect((await api(`${base(t.codeA)}/${renstraA}?asOf=2026-10-01`, { cookie: t.a.viewer })).json.nodes.some((n: any) => n.id === rencana)).toBe(false);

    const history = await api(`${base(t.codeA)}/${renstraA}/nodes/${sasaran}/history`, { cookie: t.a.viewer });
    expect(history.status).toBe(200);
    expect(history.json.node.map((v: any) => [v.version, v.effectiveDate, v.reason])).toEqual([
      [1, "2025-01-01", null],
      [2, "2026-08-20", "Perubahan tupoksi Pergub 18/2021"],
    ]);
    expect(history.json.targets.filter((v: any) => v.year === 2026 && v.period === 0).map((v: any) => v.value)).toEqual(["70 (cukup)", "75"]);
  });

  it("a changed kind or scale may not strand existing targets", async () => {
    const r = await api(`${base(t.codeA)}/${renstraA}/indicators/${indicator}`, { method: "PATCH", cookie: t.a.agency_admin, body: { kind: "categorical", scale: ["Tinggi", "Sedang", "Rendah"], reason: "Ganti", effectiveDate: "2026-09-01" } });
    expect(r.status).toBe(400);
    expect(r.json.error.issues[0].path).toBe("scale");
    const ok = await api(`${base(t.codeA)}/${renstraA}/indicators/${indicator}`, { method: "PATCH", cookie: t.a.agency_admin, body: { sumberData: "Survei kepuasan", reason: "Sumber data diperjelas", effectiveDate: "2026-09-01" } });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ sumberData: "Survei kepuasan", version: 2 });
  });
});

describe("a PD tree of 2,000 nodes", () => {
  it("comes back whole in one request", async () => {
    const plan = (await api(base(t.codeA), { cookie: t.a.tenant_admin, body: { kind: "renstra", pdId: t.pdA, name: "Renstra besar", yearFrom: 2030, yearTo: 2034 } })).json.id;
    const now = Date.now();
    const stmts: D1PreparedStatement[] = [];
    const add = (level: string, parent: string | null, i: number) => {
      const id = `big-${i}`;
      stmts.push(dbOf(t.tA).prepare("INSERT INTO plan_nodes (id, tenant_id, plan_id, pd_id, level, created_at) VALUES (?, ?, ?, ?, ?, ?)").bind(id, t.tA, plan, t.pdA, level, now));
      stmts.push(
        dbOf(t.tA).prepare("INSERT INTO plan_node_versions (id, tenant_id, plan_id, node_id, version, effective_date, parent_id, name, position, created_at) VALUES (?, ?, ?, ?, 1, '2030-01-01', ?, ?, ?, ?)").bind(`${id}-v1`, t.tA, plan, id, parent, `${level} ${i}`, i, now),
      );
      if (level !== "rencana_aksi") {
        stmts.push(dbOf(t.tA).prepare("INSERT INTO indicators (id, tenant_id, plan_id, node_id, created_at) VALUES (?, ?, ?, ?, ?)").bind(`${id}-i`, t.tA, plan, id, now));
        stmts.push(
          dbOf(t.tA).prepare("INSERT INTO indicator_versions (id, tenant_id, plan_id, indicator_id, version, effective_date, name, satuan, polarity, kind, created_at) VALUES (?, ?, ?, ?, 1, '2030-01-01', ?, '%', 'positive', 'numeric', ?)").bind(`${id}-iv`, t.tA, plan, `${id}-i`, `Indikator ${i}`, now),
        );
        stmts.push(dbOf(t.tA).prepare("INSERT INTO indicator_targets (id, tenant_id, plan_id, indicator_id, year, period, version, effective_date, value_text, value_num, created_at) VALUES (?, ?, ?, ?, 2030, 0, 1, '2030-01-01', '80', 80, ?)").bind(`${id}-t`, t.tA, plan, `${id}-i`, now));
      }
      return id;
    };
    let i = 0;
    const tujuan = add("tujuan", null, i++);
    const levels = [["sasaran", 3], ["program", 4], ["kegiatan", 5], ["sub_kegiatan", 6]] as const;
    let parents = [tujuan];
    for (const [level, per] of levels) parents = parents.flatMap((p) => Array.from({ length: per }, () => add(level, p, i++)));
    while (i < 2000) add("rencana_aksi", parents[i % parents.length]!, i++);
    for (let k = 0; k < stmts.length; k += 500) await dbOf(t.tA).batch(stmts.slice(k, k + 500));

    const started = performance.now();
    const r = await api(`${base(t.codeA)}/${plan}?asOf=2030-06-30`, { cookie: t.a.viewer });
    const ms = performance.now() - started;
    expect(r.status).toBe(200);
    expect(r.json.nodes).toHaveLength(2000);
    expect(r.json.nodes.filter((n: any) => n.indicators.length === 1)).toHaveLength(436);
    console.log(`2,000-node tree: ${Math.round(ms)} ms, ${Math.round(JSON.stringify(r.json).length / 1024)} KiB`);
  });
});
