import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { api, grant, login, seedPd, seedUser, twoTenants, type World } from "./helpers";

let t: World;
let pdA2: string;
let otherPdAdmin: string;
beforeAll(async () => {
  t = await twoTenants();
  pdA2 = await seedPd(t.tA, "1.02", "Dinas Kedua");
  const id = await seedUser("operator.kedua@a.test");
  await grant(id, t.tA, "agency_admin", pdA2);
  otherPdAdmin = await login("operator.kedua@a.test");
});

const A = () => `/tenants/${t.codeA}`;
type Detail = { id: string; status: string; template: { definition: { components: { code: string; criteria: Record<string, { id: string; answerType: string }[]> }[] } } };
const criteriaOf = (d: Detail) => d.template.definition.components.flatMap((c) => Object.values(c.criteria).flat());
/** Y for Y/T criteria, `ae` for A–E ones. */
const answersFor = (d: Detail, ae: string) => criteriaOf(d).map((c) => ({ criterionId: c.id, answer: c.answerType === "YT" ? "Y" : ae, evidenceUrl: "https://sakip.example.go.id/bukti.pdf" }));

describe("LKE templates", () => {
  let templateId: string;

  it("clones the 88/2021 sheet for a year; the admin may adjust it", async () => {
    const r = await api(`${A()}/lke-templates`, { cookie: t.a.tenant_admin, body: { year: 2023, kind: "lke2021" } });
    expect(r.status).toBe(201);
    expect(r.json.locked).toBe(false);
    expect(r.json.definition.components.map((c: any) => [c.code, c.weight])).toEqual([["perencanaan", 30], ["pengukuran", 30], ["pelaporan", 15], ["evaluasi", 25]]);
    expect(r.json.definition.subShares).toEqual({ pemenuhan: 0.2, kualitas: 0.3, pemanfaatan: 0.5 });
    templateId = r.json.id;

    const def = r.json.definition;
    def.components[0].criteria.pemenuhan.pop();
    const p = await api(`${A()}/lke-templates/${templateId}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { definition: def } });
    expect(p.status).toBe(200);
    expect(p.json.definition.components[0].criteria.pemenuhan).toHaveLength(def.components[0].criteria.pemenuhan.length);
  });

  it("rejects bad input with field paths, a second sheet for the year, and wrong roles", async () => {
    const bad = await api(`${A()}/lke-templates`, { cookie: t.a.tenant_admin, body: { year: 1900, kind: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["kind", "year"]);
    const tpl = (await api(`${A()}/lke-templates/${templateId}`, { cookie: t.a.viewer })).json;
    tpl.definition.components[0].weight = 20;
    const weights = await api(`${A()}/lke-templates/${templateId}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { definition: tpl.definition } });
    expect(weights.status).toBe(400);
    expect(weights.json.error.issues[0].path).toBe("definition.components");
    expect((await api(`${A()}/lke-templates`, { cookie: t.a.tenant_admin, body: { year: 2023, kind: "legacy" } })).status).toBe(409);
    expect((await api(`${A()}/lke-templates`, { cookie: t.a.agency_admin, body: { year: 2024, kind: "lke2021" } })).status).toBe(403);
    expect((await api(`${A()}/lke-templates/${templateId}`, { method: "PATCH", cookie: t.a.viewer, body: { name: "Ubah" } })).status).toBe(403);
  });

  it("is locked once evaluation of the year opens", async () => {
    const open = await api(`${A()}/evaluations`, { cookie: t.a.evaluator, body: { pdId: pdA2, year: 2023 } });
    expect(open.status).toBe(201);
    const tpl = await api(`${A()}/lke-templates/${templateId}`, { cookie: t.a.viewer });
    expect(tpl.json.locked).toBe(true);
    const p = await api(`${A()}/lke-templates/${templateId}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diubah setelah dibuka" } });
    expect(p.status).toBe(409);
    expect(p.json.error.code).toBe("conflict");
  });

  it("years before 2021 use the five-component sheet, which only takes imported results", async () => {
    const r = await api(`${A()}/evaluations`, { cookie: t.a.evaluator, body: { pdId: t.pdA, year: 2019 } });
    expect(r.status).toBe(409);
  });

  it("tenant B's template under A's code is 404 and B is unchanged", async () => {
    const b = await api(`/tenants/${t.codeB}/lke-templates`, { cookie: t.b.tenant_admin, body: { year: 2023, kind: "lke2021" } });
    expect((await api(`${A()}/lke-templates/${b.json.id}`, { cookie: t.a.tenant_admin })).status).toBe(404);
    expect((await api(`${A()}/lke-templates/${b.json.id}`, { method: "PATCH", cookie: t.a.tenant_admin, body: { name: "Diambil Alih" } })).status).toBe(404);
    expect((await api(`/tenants/${t.codeB}/lke-templates/${b.json.id}`, { cookie: t.b.viewer })).json.name).not.toBe("Diambil Alih");
  });
});

describe("self-assessment → evaluator → final", () => {
  let ev: Detail;

  it("opens an evaluation (evaluator or admin), once per PD and year", async () => {
    const r = await api(`${A()}/evaluations`, { cookie: t.a.evaluator, body: { pdId: t.pdA, year: 2022 } });
    expect(r.status).toBe(201);
    expect(r.json.status).toBe("self_assessment");
    ev = r.json;
    expect((await api(`${A()}/evaluations`, { cookie: t.a.evaluator, body: { pdId: t.pdA, year: 2022 } })).status).toBe(409);
    expect((await api(`${A()}/evaluations`, { cookie: t.a.agency_admin, body: { pdId: t.pdA, year: 2024 } })).status).toBe(403);
    const bad = await api(`${A()}/evaluations`, { cookie: t.a.evaluator, body: { pdId: "", year: "x" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues.map((i: any) => i.path).sort()).toEqual(["pdId", "year"]);
    // Tenant B's PD cannot be evaluated under A.
    expect((await api(`${A()}/evaluations`, { cookie: t.a.evaluator, body: { pdId: t.pdB, year: 2022 } })).status).toBe(404);
  });

  it("only the PD's own operator self-assesses; answers are checked against the sheet", async () => {
    const one = [{ criterionId: criteriaOf(ev)[0]!.id, answer: "Y" }];
    expect((await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.evaluator, body: { answers: one } })).status).toBe(403);
    expect((await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.tenant_admin, body: { answers: one } })).status).toBe(403);
    expect((await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: otherPdAdmin, body: { answers: one } })).status).toBe(403);

    const wrong = await api(`${A()}/evaluations/${ev.id}/answers`, {
      method: "PATCH",
      cookie: t.a.agency_admin,
      body: { answers: [{ criterionId: "perencanaan.a.1", answer: "B" }, { criterionId: "tidak.ada", answer: "Y" }, { criterionId: "perencanaan.b.1", answer: "A", evidenceUrl: "javascript:alert(1)" }] },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.issues.map((i: any) => i.path)).toContain("answers.2.evidenceUrl");

    const wrongType = await api(`${A()}/evaluations/${ev.id}/answers`, {
      method: "PATCH",
      cookie: t.a.agency_admin,
      body: { answers: [{ criterionId: "perencanaan.a.1", answer: "B" }, { criterionId: "tidak.ada", answer: "Y" }] },
    });
    expect(wrongType.json.error.issues.map((i: any) => i.path)).toEqual(["answers.0.answer", "answers.1.criterionId"]);
  });

  it("submitting needs every criterion answered; then the PD can no longer change its answers", async () => {
    const partial = await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.agency_admin, body: { answers: answersFor(ev, "A").slice(0, 5) } });
    expect(partial.status).toBe(200);
    expect(partial.json.selfScore.total).toBeNull();
    const early = await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.agency_admin, body: { action: "submit" } });
    expect(early.status).toBe(409);
    expect(early.json.error.issues.length).toBeGreaterThan(0);

    const full = await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.agency_admin, body: { answers: answersFor(ev, "A") } });
    expect(full.json.selfScore.total).toBeCloseTo(100, 9);
    expect(full.json.answers[0].evidenceUrl).toBe("https://sakip.example.go.id/bukti.pdf");

    expect((await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.evaluator, body: { action: "submit" } })).status).toBe(403);
    expect((await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.evaluator, body: { action: "finalise" } })).status).toBe(409);
    const submitted = await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.agency_head, body: { action: "submit" } });
    expect(submitted.status).toBe(200);
    expect(submitted.json.status).toBe("evaluator_review");
    expect((await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.agency_admin, body: { answers: answersFor(ev, "A") } })).status).toBe(403);
  });

  it("the evaluator scores with notes, may send it back, and finalises: 80,00 is BB", async () => {
    const returned = await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.evaluator, body: { action: "return", note: "Lengkapi bukti" } });
    expect(returned.json.status).toBe("self_assessment");
    await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.agency_admin, body: { action: "submit" } });

    // Pemenuhan all Y (20 points), kualitas and pemanfaatan all B = 0,75 of 80 → 80,00 exactly.
    const scores = answersFor(ev, "B").map((a) => ({ criterionId: a.criterionId, answer: a.answer, note: "Sesuai bukti" }));
    expect((await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.agency_admin, body: { answers: scores } })).status).toBe(403);
    const scored = await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.evaluator, body: { answers: scores } });
    expect(scored.status).toBe(200);
    expect(scored.json.evaluatorScore.total).toBeCloseTo(80, 9);
    expect(scored.json.evaluatorScore.components[0].subComponents.map((s: any) => s.weight)).toEqual([6, 9, 15]);
    expect(scored.json.selfScore.total).toBeCloseTo(100, 9);

    expect((await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.agency_head, body: { action: "finalise" } })).status).toBe(403);
    const final = await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.evaluator, body: { action: "finalise" } });
    expect(final.status).toBe(200);
    expect(final.json).toMatchObject({ status: "final", predikat: "BB" });
    expect(final.json.total).toBeCloseTo(80, 9);
    // The PD's people get the result in their inbox; the evaluator and tenant B do not.
    const results = async (cookie: string) => (await api("/account/notifications", { cookie })).json.items.filter((n: any) => n.kind === "evaluation");
    for (const cookie of [t.a.agency_admin, t.a.agency_head]) {
      expect(await results(cookie)).toEqual([expect.objectContaining({ title: "Hasil evaluasi SAKIP 2022: BB (80,00)", link: `/t/${t.codeA}/evaluasi/${ev.id}` })]);
    }
    for (const cookie of [t.a.evaluator, t.b.agency_admin, t.b.agency_head]) expect(await results(cookie)).toEqual([]);

    expect((await api(`${A()}/evaluations/${ev.id}/answers`, { method: "PATCH", cookie: t.a.evaluator, body: { answers: scores.slice(0, 1) } })).status).toBe(409);
    expect((await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.evaluator, body: { action: "finalise" } })).status).toBe(409);
    const bad = await api(`${A()}/evaluations/${ev.id}/transition`, { cookie: t.a.evaluator, body: { action: "approve" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("action");
  });

  it("recommendations per component: the evaluator writes, the PD follows up", async () => {
    const rec = await api(`${A()}/evaluations/${ev.id}/recommendations`, { cookie: t.a.evaluator, body: { componentCode: "pengukuran", text: "Susun definisi operasional seluruh IKU" } });
    expect(rec.status).toBe(201);
    expect(rec.json.status).toBe("open");
    expect((await api(`${A()}/evaluations/${ev.id}/recommendations`, { cookie: t.a.agency_admin, body: { componentCode: "pengukuran", text: "Rekomendasi sendiri" } })).status).toBe(403);
    const bad = await api(`${A()}/evaluations/${ev.id}/recommendations`, { cookie: t.a.evaluator, body: { componentCode: "capaian", text: "Komponen lama" } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("componentCode");

    const follow = await api(`${A()}/evaluations/${ev.id}/recommendations/${rec.json.id}`, { method: "PATCH", cookie: t.a.agency_admin, body: { status: "done", followUp: "Definisi operasional ditetapkan" } });
    expect(follow.status).toBe(200);
    expect(follow.json).toMatchObject({ status: "done", followUp: "Definisi operasional ditetapkan" });
    expect((await api(`${A()}/evaluations/${ev.id}/recommendations/${rec.json.id}`, { method: "PATCH", cookie: t.a.agency_admin, body: { text: "Diubah PD" } })).status).toBe(403);
    expect((await api(`${A()}/evaluations/${ev.id}/recommendations/${rec.json.id}`, { method: "PATCH", cookie: otherPdAdmin, body: { status: "open" } })).status).toBe(403);
    expect((await api(`${A()}/evaluations/${ev.id}/recommendations/${rec.json.id}`, { method: "PATCH", cookie: t.a.viewer, body: { status: "open" } })).status).toBe(403);
    const detail = await api(`${A()}/evaluations/${ev.id}`, { cookie: t.a.viewer });
    expect(detail.json.recommendations).toHaveLength(1);
    expect(detail.json.can.recommend).toBe(false);
  });

  it("tenant B's evaluation under A's code is 404 on every action, and B is unchanged", async () => {
    const b = await api(`/tenants/${t.codeB}/evaluations`, { cookie: t.b.evaluator, body: { pdId: t.pdB, year: 2022 } });
    const id = b.json.id;
    const one = [{ criterionId: criteriaOf(b.json)[0]!.id, answer: "Y" }];
    // Each action with callers whose role allows it in their own tenant (a wrong role is a 403 before any lookup).
    const all = [t.a.tenant_admin, t.a.evaluator, t.a.agency_admin];
    for (const [path, call, cookies] of [
      [`/evaluations/${id}`, {}, all],
      [`/evaluations/${id}/answers`, { method: "PATCH", body: { answers: one } }, all],
      [`/evaluations/${id}/transition`, { body: { action: "submit" } }, all],
      [`/evaluations/${id}/recommendations`, { body: { componentCode: "pengukuran", text: "Rekomendasi asing" } }, [t.a.evaluator]],
      [`/evaluations/${id}/recommendations/x`, { method: "PATCH", body: { status: "done" } }, all],
    ] as const) {
      for (const cookie of cookies) expect((await api(`${A()}${path}`, { ...call, cookie })).status, path).toBe(404);
    }
    const after = await api(`/tenants/${t.codeB}/evaluations/${id}`, { cookie: t.b.viewer });
    expect(after.json.status).toBe("self_assessment");
    expect(after.json.answers).toEqual([]);
  });
});

describe("PD ranking", () => {
  it("lists every PD; one without a result shows no value and no rank (never 0)", async () => {
    const r = await api(`${A()}/ranking?year=2022`, { cookie: t.a.viewer });
    expect(r.status).toBe(200);
    const byId = new Map(r.json.rows.map((row: any) => [row.pd.id, row]));
    const evaluated: any = byId.get(t.pdA);
    const missing: any = byId.get(pdA2);
    expect(evaluated.values.sakip).toBeCloseTo(80, 9);
    expect(evaluated.ranks.sakip).toBe(1);
    expect(evaluated.composite.value).toBeCloseTo(80, 9);
    expect(missing.values.sakip).toBeNull();
    expect(missing.ranks.sakip).toBeNull();
    expect(missing.composite.value).toBeNull();
    expect(missing.evaluation).toBeNull();
    expect(r.json.summary).toMatchObject({ evaluated: 1, atLeastB: 1, shareAtLeastB: 100 });
    expect(r.json.summary.counts.BB).toBe(1);
    expect(r.json.available).toContain("sakip");
  });

  it("without a year, shows the latest year with final results; a bad year is a 400", async () => {
    expect((await api(`${A()}/ranking`, { cookie: t.a.viewer })).json.year).toBe(2022);
    const bad = await api(`${A()}/ranking?year=abc`, { cookie: t.a.viewer });
    expect(bad.status).toBe(400);
    expect(bad.json.error.issues[0].path).toBe("year");
  });

  it("publishing is for the tenant admin", async () => {
    expect((await api(`${A()}/ranking/publish`, { cookie: t.a.evaluator, body: { year: 2022 } })).status).toBe(403);
    const bad = await api(`${A()}/ranking/publish`, { cookie: t.a.tenant_admin, body: { year: "x" } });
    expect(bad.status).toBe(400);
    const ok = await api(`${A()}/ranking/publish`, { cookie: t.a.tenant_admin, body: { year: 2022 } });
    expect(ok.status).toBe(200);
    expect(ok.json.figures.find((f: any) => f.figure === "sakip")).toMatchObject({ pdCount: 1 });
    const row = await env.DB.prepare("SELECT value FROM published_figures WHERE tenant_id = ? AND year = 2022 AND figure = 'sakip'").bind(t.tA).first<{ value: number }>();
    expect(row?.value).toBeCloseTo(80, 9);
  });
});
