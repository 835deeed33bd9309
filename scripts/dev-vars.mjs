import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";

/**
 * Local secrets for `wrangler dev` (.dev.vars, git-ignored): a random TOTP_ENCRYPTION_KEY the first time,
 * kept afterwards so enrolled authenticators keep working. Production sets it with `wrangler secret put`.
 */
export function ensureDevVars(file = ".dev.vars") {
  const text = existsSync(file) ? readFileSync(file, "utf8") : "";
  if (/^TOTP_ENCRYPTION_KEY=/m.test(text)) return;
  appendFileSync(file, `${text && !text.endsWith("\n") ? "\n" : ""}TOTP_ENCRYPTION_KEY=${randomBytes(32).toString("base64")}\n`);
}
