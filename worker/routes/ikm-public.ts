import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { and, eq } from "drizzle-orm";
import { renderSVG } from "uqr";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantD1, tenantDb } from "../db/client";
import { perangkatDaerah, tenants, unitLayanan } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok } from "../openapi";
import { sha256Hex } from "../auth/crypto";
import { readTenantSettings } from "../data/tenant-settings";
import { addInto, emptyTallies, periodForDate, periodOut, summarize, surveyVersion, tenantPeriods, unitTallies, type UnitRow } from "../data/ikm";
import { publicSurvey, publicUnit, type PublicUnit } from "../intake/public-unit";
import { submitIntake } from "../intake/batcher";
import { IKM_UNSUR } from "../../shared/formulas/ikm";
import {
  EDUCATION_LABELS,
  EDUCATIONS,
  GENDER_LABELS,
  GENDERS,
  IKM_MIN_FILL_MS,
  ikmPeriodLabel,
  ikmSubmissionSchema,
  looksAbusive,
  OCCUPATION_LABELS,
  OCCUPATIONS,
} from "../../shared/schemas/ikm";
import { wibDay } from "../../shared/format/wib";

/**
 * Citizen-facing IKM routes: no session. A unit's slug names its tenant, and every read and
 * write below is scoped to that tenant; nothing in the request body can choose another one.
 */
export const ikmPublicRoutes = new OpenAPIHono<AppEnv>();

const slugParams = z.object({ slug: z.string().max(80) });

/**
 * The active unit behind a public slug (cached, worker/intake/public-unit.ts) with its tenant set on
 * the context; unknown → 404, a tenant database that is not configured → 503.
 */
async function enterUnit(c: Context<AppEnv>, slug: string): Promise<PublicUnit> {
  const found = await publicUnit(c.env, slug);
  if (!found) throw notFound("Unit layanan");
  tenantD1(c.env, found.tenant.dbBinding);
  c.set("tenant", found.tenant);
  return found;
}

const option = z.object({ value: z.string(), label: z.string() });
const formOut = z.object({
  unit: z.object({ slug: z.string(), name: z.string(), pdName: z.string(), tenantCode: z.string(), tenantName: z.string(), services: z.array(z.string()), onePerDevice: z.boolean() }),
  survey: z.object({
    version: z.number(),
    unsur: z.array(z.object({ code: z.string(), name: z.string(), question: z.string(), labels: z.array(z.string()) })),
    extraQuestions: z.array(z.object({ id: z.string(), question: z.string(), options: z.array(z.string()) })),
  }),
  period: z.object({ label: z.string() }).nullable(),
  options: z.object({ gender: z.array(option), education: z.array(option), occupation: z.array(option) }),
  minFillMs: z.number(),
});
const labelled = <T extends string>(values: readonly T[], labels: Record<T, string>) => values.map((value) => ({ value, label: labels[value] }));

ikmPublicRoutes.openapi(
  createRoute({
    method: "get",
    path: "/public/ikm/units/{slug}",
    tags: ["ikm publik"],
    security: [],
    summary: "The survey form of a unit layanan (for citizens, no sign-in)",
    request: { params: slugParams },
    responses: { 200: ok(formOut), ...errors },
  }),
  async (c) => {
    const { unit, pdName, tenant } = await enterUnit(c, c.req.valid("param").slug);
    const db = tenantDb(c);
    // The period is read each time: the form tells the citizen whether the survey is open.
    const [survey, period] = await Promise.all([publicSurvey(db, tenant.id), periodForDate(db, tenant.id, wibDay())]);
    return c.json(
      {
        unit: { slug: unit.slug, name: unit.name, pdName, tenantCode: tenant.code, tenantName: tenant.name, services: JSON.parse(unit.services) as string[], onePerDevice: unit.onePerDevice },
        survey: {
          version: survey.version,
          unsur: IKM_UNSUR.map((u, i) => ({ ...u, ...survey.definition.unsur[i]! })),
          extraQuestions: survey.definition.extraQuestions,
        },
        period: period.open ? { label: ikmPeriodLabel(period.open) } : null,
        options: { gender: labelled(GENDERS, GENDER_LABELS), education: labelled(EDUCATIONS, EDUCATION_LABELS), occupation: labelled(OCCUPATIONS, OCCUPATION_LABELS) },
        minFillMs: IKM_MIN_FILL_MS,
      },
      200,
    );
  },
);

const receiptOut = z.object({ status: z.enum(["recorded", "duplicate"]), receipt: z.string() });

ikmPublicRoutes.openapi(
  createRoute({
    method: "post",
    path: "/public/ikm/units/{slug}/responses",
    tags: ["ikm publik"],
    security: [],
    summary: "Submit one survey response (idempotent by the device's key)",
    request: { params: slugParams, ...jsonBody(ikmSubmissionSchema) },
    responses: { 201: ok(receiptOut, "Tersimpan"), 200: ok(receiptOut, "Sudah tersimpan sebelumnya"), ...errors },
  }),
  async (c) => {
    const input = c.req.valid("json");
    const ip = c.req.header("cf-connecting-ip") ?? "local";
    const now = Date.now();
    // No D1 round trip of its own: the unit comes from the isolate's cache, the row goes to the tenant's batcher.
    const { unit, tenant } = await enterUnit(c, c.req.valid("param").slug);
    if (input.website) throw new AppError("bad_request", "Pengiriman ditolak. Muat ulang halaman lalu isi kembali.");
    if (input.fillMs < IKM_MIN_FILL_MS) throw new AppError("bad_request", "Pengisian terlalu cepat. Mohon baca setiap pertanyaan, lalu kirim kembali.");

    const definition = await surveyVersion(() => tenantDb(c), tenant.id, input.version);
    if (!definition) throw new AppError("conflict", "Formulir survei sudah berubah. Muat ulang halaman lalu isi kembali.");
    const extra = checkExtra(definition.extraQuestions, input.extra);
    checkService(unit, input.service);
    const today = wibDay(now);
    let deviceDay: string | null = null;
    if (unit.onePerDevice) {
      if (!input.deviceId) throw new AppError("bad_request", "Perangkat tidak dikenali. Muat ulang halaman lalu isi kembali.");
      deviceDay = `${(await sha256Hex(input.deviceId)).slice(0, 32)}:${today}`;
    }

    const outcome = await submitIntake(c.env, tenant, ip, {
      id: crypto.randomUUID(),
      tenantId: tenant.id,
      unitId: unit.id,
      surveyVersion: input.version,
      idempotencyKey: input.idempotencyKey,
      answers: input.answers.join(""),
      extraAnswers: JSON.stringify(extra),
      gender: input.gender,
      age: input.age,
      education: input.education,
      occupation: input.occupation,
      service: input.service,
      saran: input.saran || null,
      saranHidden: input.saran ? looksAbusive(input.saran) : false,
      deviceDay,
      submittedOn: today,
      submittedAt: now,
    });
    switch (outcome.status) {
      case "recorded":
        return c.json({ status: "recorded" as const, receipt: receipt(outcome.id) }, 201);
      case "duplicate":
        // A retry (or a concurrent one) with the same key: the response is stored once.
        return c.json({ status: "duplicate" as const, receipt: receipt(outcome.id) }, 200);
      case "no_open_period":
        throw new AppError("conflict", outcome.closed ? "Periode survei unit ini sudah ditutup. Terima kasih atas kesediaan Anda." : "Survei unit ini belum dibuka.");
      case "device_day_taken":
        throw new AppError("conflict", "Anda sudah mengisi survei unit ini hari ini. Terima kasih!");
    }
  },
);

const receipt = (id: string) => id.slice(0, 8).toUpperCase();

function checkExtra(questions: { id: string; options: string[] }[], answers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const value = answers[q.id];
    if (!value) continue;
    if (q.options.length && !q.options.includes(value)) {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: `extra.${q.id}`, message: "Pilih salah satu jawaban yang tersedia" }]);
    }
    out[q.id] = value;
  }
  return out;
}

function checkService(unit: UnitRow, service: string) {
  const services = JSON.parse(unit.services) as string[];
  if (services.length && !services.includes(service)) {
    throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "service", message: "Pilih jenis layanan dari daftar" }]);
  }
}

ikmPublicRoutes.openapi(
  createRoute({
    method: "get",
    path: "/public/ikm/units/{slug}/qr.svg",
    tags: ["ikm publik"],
    security: [],
    summary: "QR code (SVG) of a unit's survey link",
    request: { params: slugParams },
    responses: { 200: { description: "SVG", content: { "image/svg+xml": { schema: z.string() } } }, ...errors },
  }),
  async (c) => {
    const { unit } = await enterUnit(c, c.req.valid("param").slug);
    const url = `${new URL(c.req.url).origin}/s/${unit.slug}`;
    const svg = renderSVG(url, { ecc: "M", border: 2, pixelSize: 10 });
    return c.body(svg, 200, { "content-type": "image/svg+xml; charset=utf-8", "cache-control": "public, max-age=3600" });
  },
);

const boardOut = z.object({
  tenant: z.object({ code: z.string(), name: z.string() }),
  year: z.number().nullable(),
  periods: z.array(z.string()),
  total: z.object({ responses: z.number(), ikm: z.number().nullable(), mutu: z.object({ code: z.string(), label: z.string() }).nullable() }),
  units: z.array(
    z.object({ slug: z.string(), name: z.string(), pdName: z.string(), responses: z.number(), ikm: z.number().nullable(), mutu: z.object({ code: z.string(), label: z.string() }).nullable() }),
  ),
  updatedAt: z.string(),
});

ikmPublicRoutes.openapi(
  createRoute({
    method: "get",
    path: "/public/ikm/boards/{tenantCode}",
    tags: ["ikm publik"],
    security: [],
    summary: "Public IKM board of a tenant: each published unit's IKM and mutu for a year (default: the current survey year)",
    request: { params: z.object({ tenantCode: z.string().max(20) }), query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }) },
    responses: { 200: ok(boardOut), ...errors },
  }),
  async (c) => {
    const tenant = await controlDb(c)
      .select()
      .from(tenants)
      .where(and(eq(tenants.code, c.req.valid("param").tenantCode), eq(tenants.status, "active")))
      .get();
    if (!tenant) throw notFound("Pemda");
    c.set("tenant", { id: tenant.id, code: tenant.code, name: tenant.name, kind: tenant.kind, dbBinding: tenant.dbBinding });
    const db = tenantDb(c);
    const periods = (await tenantPeriods(db, tenant.id)).map(periodOut);
    const today = wibDay();
    const current = periods.find((p) => p.status === "open" && p.startsOn <= today && p.endsOn >= today) ?? periods.at(-1);
    const year = c.req.valid("query").year ?? current?.year ?? null;
    const inYear = periods.filter((p) => p.year === year);
    const [byUnit, units, settings] = await Promise.all([
      unitTallies(db, tenant.id, inYear.map((p) => p.id)),
      db
        .select({ unit: unitLayanan, pdName: perangkatDaerah.name })
        .from(unitLayanan)
        .innerJoin(perangkatDaerah, eq(perangkatDaerah.id, unitLayanan.pdId))
        .where(and(eq(unitLayanan.tenantId, tenant.id), eq(unitLayanan.active, true), eq(unitLayanan.published, true)))
        .all(),
      readTenantSettings(controlDb(c), tenant.id),
    ]);
    const totals = units.reduce((acc, u) => addInto(acc, byUnit.get(u.unit.id) ?? []), emptyTallies());
    const total = summarize(totals, settings.ikmWeightMode);
    const rows = units
      .map(({ unit, pdName }) => {
        const s = summarize(byUnit.get(unit.id) ?? emptyTallies(), settings.ikmWeightMode);
        return { slug: unit.slug, name: unit.name, pdName, responses: s.responses, ikm: s.ikm, mutu: s.mutu };
      })
      .sort((a, b) => (b.ikm ?? -1) - (a.ikm ?? -1) || a.name.localeCompare(b.name, "id"));
    c.header("cache-control", "no-store");
    return c.json(
      { tenant: { code: tenant.code, name: tenant.name }, year, periods: inYear.map((p) => p.label), total: { responses: total.responses, ikm: total.ikm, mutu: total.mutu }, units: rows, updatedAt: new Date().toISOString() },
      200,
    );
  },
);
