// Prints SQL that creates a platform operator; run it with `wrangler d1 execute DB --remote --file`.
// The password is asked on stdin so it never lands in shell history.
import { createInterface } from "node:readline/promises";
import { randomUUID } from "node:crypto";
import { hashPassword, sqlValue } from "./demo/seed-sql.mjs";

const [email, name] = process.argv.slice(2);
if (!email || !name) {
  console.error('Pakai: node scripts/create-operator.mjs <email> "<nama>" > operator.sql');
  process.exit(2);
}
const rl = createInterface({ input: process.stdin, output: process.stderr });
const password = await rl.question("Kata sandi (min. 10 karakter): ");
rl.close();
if (password.length < 10) {
  console.error("Kata sandi minimal 10 karakter");
  process.exit(2);
}
const values = [randomUUID(), email.trim().toLowerCase(), name, hashPassword(password), 1, "active", Date.now()];
console.log(`INSERT INTO users (id, email, name, password_hash, is_platform_operator, status, created_at) VALUES (${values.map(sqlValue).join(", ")});`);
