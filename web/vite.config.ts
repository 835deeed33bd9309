import { sveltekit } from "@sveltejs/kit/vite";
import { defineConfig } from "vite";

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    // $shared points outside web/.
    fs: { allow: ["../shared"] },
    // `vite dev` talks to a running `wrangler dev` (default port 8787) for the API.
    proxy: { "/api": "http://127.0.0.1:8787" },
  },
});
