declare namespace Cloudflare {
  interface Env {
    TEST_CONTROL_MIGRATIONS: import("cloudflare:test").D1Migration[];
    TEST_TENANT_MIGRATIONS: import("cloudflare:test").D1Migration[];
  }
  interface GlobalProps {
    mainModule: typeof import("../worker/index");
  }
}
