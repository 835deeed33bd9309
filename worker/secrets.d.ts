// Optional vars and secrets (wrangler secret put …), not in wrangler.toml so `wrangler types` does not list them.
declare namespace Cloudflare {
  interface Env {
    /** HTTP e-mail API endpoint (JSON POST); unset = e-mail stays in the outbox table (development, tests). */
    EMAIL_API_URL?: string;
    /** Bearer key for EMAIL_API_URL. */
    EMAIL_API_KEY?: string;
    /** Sender address for the HTTP e-mail API. */
    EMAIL_FROM?: string;
    /** base64 of 32 random bytes: AES-GCM key for TOTP secrets at rest (worker/auth/secret-box.ts). */
    TOTP_ENCRYPTION_KEY?: string;
    /** Older TOTP keys (comma-separated), only to open values sealed before a rotation until the cron re-seals them. */
    TOTP_ENCRYPTION_KEY_PREVIOUS?: string;
    /** "off": no reads served from the in-isolate caches (worker/cache/policy.ts; the Worker tests). */
    READ_CACHE?: string;
  }
}
