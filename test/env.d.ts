declare namespace Cloudflare {
  interface Env {
    TEST_CONTROL_MIGRATIONS: import("cloudflare:test").D1Migration[];
    TEST_TENANT_MIGRATIONS: import("cloudflare:test").D1Migration[];
    /** Demo SQL statements per database binding (scripts/demo/seed-sql.mjs demoStatements). */
    TEST_DEMO: Record<string, string[]>;
  }
  interface GlobalProps {
    mainModule: typeof import("../worker/index");
  }
}
