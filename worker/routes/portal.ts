import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { etag } from "hono/etag";
import { z } from "zod";
import type { AppEnv } from "../env";
import { controlDb, tenantDb } from "../db/client";
import { errors, ok } from "../openapi";
import { downloadResponse } from "../data/documents";
import { portalControl, portalData, publicTenant, publishedDocument, type PublicTenant } from "../data/portal";
import { portalOut } from "../../shared/schemas/documents";
import { cachedPortal, PORTAL_TTL_MS } from "../cache/portal-cache";

/**
 * The tenant's public portal, no sign-in: profile, published documents, SAKIP history. Every read is
 * scoped to the tenant named by the code in the path. The isolate and shared caches may keep the page
 * data a minute, so a withdrawn document disappears within that (at once in the isolate that withdrew
 * it); ETags let browsers revalidate for free.
 */
export const portalRoutes = new OpenAPIHono<AppEnv>();

const TAG = ["portal publik"];
/** Shared caches keep an answer as long as this isolate does (worker/cache/portal-cache.ts). */
const publicCache = (seconds = PORTAL_TTL_MS / 1000) => `public, max-age=${seconds}, s-maxage=${seconds}`;
const codeParams = z.object({ tenantCode: z.string().max(20) });
/** Public routes run without tenantAccess: the tenant named in the path becomes the context's tenant. */
function useTenant(c: Context<AppEnv>, t: PublicTenant) {
  c.set("tenant", { id: t.id, code: t.code, name: t.name, kind: t.kind, dbBinding: t.dbBinding });
  return tenantDb(c);
}

portalRoutes.openapi(
  createRoute({
    method: "get",
    path: "/public/portal/{tenantCode}",
    tags: TAG,
    security: [],
    summary: "A tenant's public portal: profile, published documents (all years, newest first), published SAKIP and IKM history",
    middleware: [etag()] as const,
    request: { params: codeParams },
    responses: { 200: ok(portalOut), 304: { description: "Tidak berubah (If-None-Match)" }, ...errors },
  }),
  async (c) => {
    const code = c.req.valid("param").tenantCode;
    const { value, maxAgeS } = await cachedPortal(c, code, async () => {
      const { tenant, ...control } = await portalControl(controlDb(c), code);
      const data = await portalData(useTenant(c, tenant), tenant.id, control);
      return { tenantId: tenant.id, value: { tenant: { code: tenant.code, name: tenant.name, kind: tenant.kind }, ...data } };
    });
    c.header("cache-control", publicCache(maxAgeS));
    return c.json(value, 200);
  },
);

portalRoutes.openapi(
  createRoute({
    method: "get",
    path: "/public/portal/{tenantCode}/documents/{documentId}",
    tags: TAG,
    security: [],
    summary: "Download a published document (unpublished or another tenant's: 404)",
    request: { params: codeParams.extend({ documentId: z.string().max(64) }) },
    responses: { 200: { description: "Berkas", content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } } }, 304: { description: "Tidak berubah" }, ...errors },
  }),
  async (c) => {
    const { tenantCode, documentId } = c.req.valid("param");
    const tenant = await publicTenant(controlDb(c), tenantCode);
    const row = await publishedDocument(useTenant(c, tenant), tenant.id, documentId);
    return (await downloadResponse(c.env.DOCUMENTS, row, c.req.header("if-none-match"), publicCache())) as never;
  },
);
