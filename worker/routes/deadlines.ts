import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import type { AppEnv } from "../env";
import { tenantDb } from "../db/client";
import { deadlines } from "../db/schema";
import { AppError, notFound } from "../errors";
import { errors, jsonBody, ok, okSchema, tenantParams } from "../openapi";
import { createDeadlineSchema, deadlineYearSchema, updateDeadlineSchema } from "../../shared/schemas/security";
import { canActForPd, requireRole } from "../middleware/tenant";
import { findDeadline, ikmDueOfYear, listDeadlines } from "../data/deadlines";
import { activePds, lateness } from "../data/monitoring";
import { audit } from "../audit";
import { deadlineCalendarOut, deadlineOut, monitoringOut } from "../../shared/schemas/responses";
import { wibDay } from "../../shared/format/wib";

export const deadlineRoutes = new OpenAPIHono<AppEnv>();
const adminOnly = requireRole("tenant_admin");

const toOut = (d: typeof deadlines.$inferSelect) => ({
  id: d.id,
  year: d.year,
  key: d.key,
  label: d.label,
  dueDate: d.dueDate,
  remindDaysBefore: d.remindDaysBefore,
  custom: d.key.startsWith("custom-"),
});
const idParams = tenantParams.extend({ id: z.string().max(64) });

deadlineRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/deadlines",
    tags: ["deadlines"],
    summary: "The tenant's calendar of due dates for a year (defaults until the tenant changes them), with its IKM survey periods' ends",
    request: { params: tenantParams, query: z.object({ year: deadlineYearSchema.optional() }) },
    responses: { 200: ok(deadlineCalendarOut), ...errors },
  }),
  async (c) => {
    const year = c.req.valid("query").year ?? new Date().getUTCFullYear();
    const db = tenantDb(c);
    const tenantId = c.get("tenant").id;
    const [rows, ikm] = await Promise.all([listDeadlines(db, tenantId, year), ikmDueOfYear(db, tenantId, year)]);
    const ikmPeriods = ikm.periodEnds.map(({ periodId, label, dueDate, remindDaysBefore, open }) => ({ periodId, label, dueDate, remindDaysBefore, open }));
    return c.json({ year, ikmBasis: ikm.basis, items: rows.filter(ikm.applies).map(toOut), ikmPeriods }, 200);
  },
);

deadlineRoutes.openapi(
  createRoute({
    method: "post",
    path: "/tenants/{code}/deadlines",
    tags: ["deadlines"],
    summary: "Add a tenant-specific due date",
    middleware: [adminOnly] as const,
    request: { params: tenantParams, ...jsonBody(createDeadlineSchema) },
    responses: { 201: ok(deadlineOut), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const db = tenantDb(c);
    const body = c.req.valid("json");
    const now = Date.now();
    const id = crypto.randomUUID();
    const row = { id, tenantId: t.id, year: Number(body.dueDate.slice(0, 4)), key: `custom-${id}`, ...body, createdAt: now, updatedAt: now };
    await db.batch([db.insert(deadlines).values(row), audit(c, db, { action: "create", entity: "deadline", entityId: id, after: body })]);
    return c.json(toOut(row), 201);
  },
);

deadlineRoutes.openapi(
  createRoute({
    method: "patch",
    path: "/tenants/{code}/deadlines/{id}",
    tags: ["deadlines"],
    summary: "Change a due date, its label or how early reminders go out",
    middleware: [adminOnly] as const,
    request: { params: idParams, ...jsonBody(updateDeadlineSchema) },
    responses: { 200: ok(deadlineOut), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const db = tenantDb(c);
    const { id } = c.req.valid("param");
    const before = await findDeadline(db, t.id, id);
    if (!before) throw notFound("Tenggat");
    const patch = c.req.valid("json");
    if (patch.dueDate && Math.abs(Number(patch.dueDate.slice(0, 4)) - before.year) > 1) {
      throw new AppError("validation_failed", "Periksa kembali isian yang ditandai", [{ path: "dueDate", message: `Tanggal harus sekitar tahun ${before.year}` }]);
    }
    const after = { ...before, ...patch, updatedAt: Date.now() };
    await db.batch([
      db.update(deadlines).set({ label: after.label, dueDate: after.dueDate, remindDaysBefore: after.remindDaysBefore, updatedAt: after.updatedAt }).where(and(eq(deadlines.tenantId, t.id), eq(deadlines.id, id))),
      audit(c, db, { action: "update", entity: "deadline", entityId: id, before: toOut(before), after: toOut(after) }),
    ]);
    return c.json(toOut(after), 200);
  },
);

deadlineRoutes.openapi(
  createRoute({
    method: "delete",
    path: "/tenants/{code}/deadlines/{id}",
    tags: ["deadlines"],
    summary: "Remove a tenant-specific due date (the standard ones can only be moved)",
    middleware: [adminOnly] as const,
    request: { params: idParams },
    responses: { 200: ok(okSchema), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const db = tenantDb(c);
    const { id } = c.req.valid("param");
    const before = await findDeadline(db, t.id, id);
    if (!before) throw notFound("Tenggat");
    if (!before.key.startsWith("custom-")) throw new AppError("conflict", "Tenggat baku tidak dapat dihapus; ubah tanggalnya bila perlu");
    await db.batch([
      db.delete(deadlines).where(and(eq(deadlines.tenantId, t.id), eq(deadlines.id, id))),
      audit(c, db, { action: "delete", entity: "deadline", entityId: id, before: toOut(before) }),
    ]);
    return c.json({ ok: true as const }, 200);
  },
);



deadlineRoutes.openapi(
  createRoute({
    method: "get",
    path: "/tenants/{code}/monitoring",
    tags: ["deadlines"],
    summary: "Late-updaters board: per PD, what was due and is not submitted (or came late), most late first",
    request: { params: tenantParams, query: z.object({ year: deadlineYearSchema.optional() }) },
    responses: { 200: ok(monitoringOut), ...errors },
  }),
  async (c) => {
    const t = c.get("tenant");
    const grants = c.get("grants");
    const today = wibDay();
    const year = c.req.valid("query").year ?? Number(today.slice(0, 4));
    const db = tenantDb(c);
    // PD-scoped roles see their own perangkat daerah only.
    const pds = (await activePds(db, t.id)).filter((pd) => grants.some((g) => g.pdId === null) || canActForPd(grants, ["agency_admin", "agency_head"], pd.id));
    return c.json({ year, today, ...(await lateness(db, t.id, year, today, pds)) }, 200);
  },
);
