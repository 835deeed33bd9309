import { OpenAPIHono } from "@hono/zod-openapi";
import { bodyLimit } from "hono/body-limit";
import type { ErrorHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import { secureHeaders } from "hono/secure-headers";
import type { AppEnv } from "./env";
import { AppError, D1_UNAVAILABLE, d1Unavailable, validationError, type ErrorCode } from "./errors";
import { loadSession } from "./middleware/session";
import { csrfGuard } from "./middleware/csrf";
import { tenantAccess } from "./middleware/tenant";
import { tenantBookmark } from "./db/bookmark";
import { noteWrites } from "./cache/read-cache";
import { healthRoutes } from "./routes/health";
import { authRoutes } from "./routes/auth";
import { invitationRoutes } from "./routes/invitations";
import { platformTenantRoutes } from "./routes/platform-tenants";
import { tenantRoutes } from "./routes/tenant";
import { userRoutes } from "./routes/users";
import { perangkatDaerahRoutes } from "./routes/perangkat-daerah";
import { auditRoutes } from "./routes/audit";
import { accountRoutes } from "./routes/account";
import { apiTokenRoutes } from "./routes/api-tokens";
import { deadlineRoutes } from "./routes/deadlines";
import { organisationRoutes } from "./routes/organisation";
import { importRoutes } from "./routes/imports";
import { evaluationRoutes } from "./routes/evaluations";
import { rankingRoutes } from "./routes/ranking";
import { planRoutes } from "./routes/plans";
import { perjanjianKinerjaRoutes } from "./routes/perjanjian-kinerja";
import { realisasiRoutes } from "./routes/realisasi";
import { anggaranRoutes } from "./routes/anggaran";
import { laporanTriwulanRoutes } from "./routes/laporan-triwulan";
import { unitLayananRoutes } from "./routes/unit-layanan";
import { ikmRoutes } from "./routes/ikm";
import { ikmPublicRoutes } from "./routes/ikm-public";
import { reportRoutes } from "./routes/reports";
import { lkjipTableRoutes } from "./routes/lkjip-tables";
import { documentRoutes, isDocumentUpload } from "./routes/documents";
import { portalRoutes } from "./routes/portal";
import { deliverAfterWrites } from "./notify/email";

const MAX_BODY_BYTES = 1024 * 1024;

const HTTP_CODES: Partial<Record<number, [ErrorCode, string]>> = {
  400: ["bad_request", "Format permintaan tidak valid (JSON rusak)"],
  413: ["payload_too_large", "Data yang dikirim terlalu besar"],
  415: ["unsupported_media_type", "Kirim data sebagai JSON (Content-Type: application/json)"],
};

export function createApp() {
  // Every route's zod schema failure becomes the one error shape, with field paths.
  const api = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });

  api.use("*", secureHeaders({ crossOriginResourcePolicy: "same-origin" }));
  const defaultBodyLimit = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: () => { throw new AppError("payload_too_large", "Data yang dikirim terlalu besar (maks. 1 MB)"); } });
  // Document uploads declare their own, larger limit on the route (after the role check).
  api.use("*", (c, next) => (isDocumentUpload(c.req.method, c.req.path) ? next() : defaultBodyLimit(c, next)));
  api.use("*", csrfGuard);
  api.use("*", loadSession);
  api.use("*", noteWrites);
  api.use("*", deliverAfterWrites);
  api.use("/tenants/:code/*", tenantAccess);
  api.use("/tenants/:code", tenantAccess);
  api.use("/tenants/:code/*", tenantBookmark);

  api.route("/", healthRoutes);
  api.route("/", authRoutes);
  api.route("/", invitationRoutes);
  api.route("/", platformTenantRoutes);
  api.route("/", tenantRoutes);
  api.route("/", userRoutes);
  api.route("/", perangkatDaerahRoutes);
  api.route("/", auditRoutes);
  api.route("/", accountRoutes);
  api.route("/", apiTokenRoutes);
  api.route("/", deadlineRoutes);
  api.route("/", organisationRoutes);
  api.route("/", importRoutes);
  api.route("/", evaluationRoutes);
  api.route("/", rankingRoutes);
  api.route("/", planRoutes);
  api.route("/", perjanjianKinerjaRoutes);
  api.route("/", realisasiRoutes);
  api.route("/", anggaranRoutes);
  api.route("/", laporanTriwulanRoutes);
  api.route("/", unitLayananRoutes);
  api.route("/", ikmRoutes);
  api.route("/", ikmPublicRoutes);
  api.route("/", reportRoutes);
  api.route("/", lkjipTableRoutes);
  api.route("/", documentRoutes);
  api.route("/", portalRoutes);

  api.doc31("/openapi.json", {
    openapi: "3.1.0",
    info: { title: "Akuntabel API", version: "1" },
    servers: [{ url: "/api/v1" }],
    security: [{ session: [] }, { apiToken: [] }],
  });

  api.notFound(() => {
    throw new AppError("not_found", "Alamat API tidak dikenal");
  });
  api.onError(renderError);

  const app = new OpenAPIHono<AppEnv>();
  app.route("/api/v1", api);
  // Anything else under /api that the router does not know is still answered as JSON.
  app.all("/api/*", () => {
    throw new AppError("not_found", "Alamat API tidak dikenal");
  });
  app.onError(renderError);
  return app;
}

const renderError: ErrorHandler<AppEnv> = (err, c) => {
  const known =
      err instanceof AppError
        ? err
        : err instanceof HTTPException && HTTP_CODES[err.status]
          ? new AppError(...HTTP_CODES[err.status]!)
          : D1_UNAVAILABLE.test(String(err))
            ? d1Unavailable()
            : null;
    if (known) {
      for (const [k, v] of Object.entries(known.headers ?? {})) c.header(k, v);
      return c.json(known.toJSON(), known.status);
    }
    console.error(err);
    return c.json(new AppError("internal", "Terjadi kesalahan pada server. Silakan coba lagi.").toJSON(), 500);
};
