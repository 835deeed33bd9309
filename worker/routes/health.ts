import { OpenAPIHono, createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import type { AppEnv } from "../env";
import { ok } from "../openapi";

export const healthRoutes = new OpenAPIHono<AppEnv>();

healthRoutes.openapi(
  createRoute({
    method: "get",
    path: "/health",
    tags: ["system"],
    summary: "Liveness check (no database access)",
    responses: { 200: ok(z.object({ ok: z.literal(true) })) },
  }),
  (c) => c.json({ ok: true as const }, 200),
);
