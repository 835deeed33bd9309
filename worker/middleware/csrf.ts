import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { AppError } from "../errors";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Cookie-authenticated writes must come from our own pages: browsers send Origin on every
 * cross-origin POST/PUT/PATCH/DELETE, and Sec-Fetch-Site where Origin is absent.
 */
export const csrfGuard = createMiddleware<AppEnv>(async (c, next) => {
  // A bearer-token call without cookies carries no ambient credential a third-party page could borrow.
  const bearerOnly = !c.req.header("cookie") && /^Bearer\s/i.test(c.req.header("authorization") ?? "");
  if (!SAFE.has(c.req.method) && !bearerOnly) {
    const origin = c.req.header("origin");
    const site = c.req.header("sec-fetch-site");
    const own = new URL(c.req.url).origin;
    if ((origin && origin !== own) || (!origin && site === "cross-site")) {
      throw new AppError("forbidden", "Permintaan ditolak: asal halaman tidak dikenal");
    }
  }
  await next();
});
