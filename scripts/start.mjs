// `npm start`: local D1 with migrations and the demo, the web app built, everything on :8787.
import { execFileSync, spawn } from "node:child_process";
import { prepareLocalDb, quietEnv } from "./local-db.mjs";
import { ensureDevVars } from "./dev-vars.mjs";
import { PASSWORD, USERS } from "./demo/organisation.mjs";

const PORT = process.env.PORT ?? "8787";

console.log("› Menyiapkan database lokal (migrasi + data demo)…");
prepareLocalDb();
ensureDevVars();
console.log("› Membangun aplikasi web…");
execFileSync("npm", ["run", "build:web", "--silent"], { stdio: ["ignore", "ignore", "inherit"], env: quietEnv });

const server = spawn(process.execPath, ["node_modules/wrangler/bin/wrangler.js", "dev", "--port", PORT, "--ip", "127.0.0.1", "--log-level", "warn"], {
  stdio: ["ignore", "inherit", "inherit"],
  env: quietEnv,
});

console.log(`\nAkuntabel berjalan di http://localhost:${PORT}\n`);
console.log(`Akun demo (kata sandi semua: ${PASSWORD})`);
for (const u of USERS) console.log(`  ${u.email.padEnd(48)} ${u.platform ? "operator platform (diminta mengaktifkan verifikasi dua langkah saat masuk pertama)" : `${u.role} · ${u.tenant}${u.pd ? ` · ${u.pd}` : ""}`}`);
console.log(`\nHalaman publik tanpa akun:`);
console.log(`  Survei IKM (ponsel)   http://localhost:${PORT}/s/kaltim-adpim`);
console.log(`  Papan IKM (TV)        http://localhost:${PORT}/papan-ikm/64`);
console.log(`  Portal publik         http://localhost:${PORT}/publik/64`);
console.log("\nTekan Ctrl+C untuk berhenti.");

for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => server.kill(sig));
server.on("exit", (code) => process.exit(code ?? 0));
