import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../env";
import { controlDb } from "../db/client";
import { readSession } from "../auth/session";
import { AppError } from "../errors";

/** Loads the signed-in user (or null) for every API request. */
export const loadSession = createMiddleware<AppEnv>(async (c, next) => {
  c.set("user", await readSession(c, controlDb(c)));
  await next();
});

export const requireUser = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.get("user")) throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu");
  await next();
});

export const requirePlatformOperator = createMiddleware<AppEnv>(async (c, next) => {
  const user = c.get("user");
  if (!user) throw new AppError("unauthenticated", "Silakan masuk terlebih dahulu");
  if (!user.isPlatformOperator) throw new AppError("forbidden", "Hanya operator platform yang dapat melakukan ini");
  await next();
});
