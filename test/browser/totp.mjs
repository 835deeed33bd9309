// TOTP codes for browser journeys (RFC 6238, SHA-1, 6 digits, 30 s), computed from the secret the page shows.
import { createHmac } from "node:crypto";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32Decode(text) {
  let bits = 0;
  let value = 0;
  const out = [];
  for (const ch of text.replace(/[\s=]/g, "").toUpperCase()) {
    value = (value << 5) | BASE32.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** The code at `ms` (default now); `ms + 30_000` gives the next step's, which the server also accepts. */
export function totpCode(secret, ms = Date.now()) {
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(ms / 30_000)));
  const mac = createHmac("sha1", base32Decode(secret)).update(counter).digest();
  const offset = mac[mac.length - 1] & 0x0f;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1_000_000).padStart(6, "0");
}

/** On the account page: start enrolment, confirm with the current code, acknowledge the recovery codes. Returns the secret. */
export async function enrolInBrowser(page, shot) {
  await page.getByRole("button", { name: "Aktifkan verifikasi dua langkah" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent()).trim();
  await page.getByLabel("Kode dari aplikasi").fill(totpCode(secret));
  await shot?.(page, "totp-qr");
  await page.getByRole("button", { name: "Aktifkan", exact: true }).click();
  await page.getByTestId("recovery-codes").waitFor();
  await shot?.(page, "recovery-codes");
  await page.getByRole("button", { name: "Saya sudah menyimpan kode ini" }).click();
  return secret;
}
