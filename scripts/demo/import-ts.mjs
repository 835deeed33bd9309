import { buildSync } from "esbuild";
import { createRequire } from "node:module";

/**
 * Loads exports of the project's TypeScript sources into these Node scripts (Node 20 cannot import
 * .ts), so the demo seed uses the same parsers and data as the Worker and cannot drift from them.
 * `source` is an ES module body such as `export { parseTarget } from "./shared/schemas/planning.ts";`.
 */
export function importTs(source) {
  const bundle = buildSync({
    stdin: { contents: source, resolveDir: process.cwd(), loader: "ts" },
    bundle: true,
    format: "cjs",
    platform: "node",
    write: false,
  });
  const mod = { exports: {} };
  new Function("module", "exports", "require", bundle.outputFiles[0].text)(mod, mod.exports, createRequire(import.meta.url));
  return mod.exports;
}
