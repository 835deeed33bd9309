import { api } from "./helpers";
import { base32Decode, totp } from "../worker/auth/totp";

/** The authenticator code for `secret` at `ms` (default: now). */
export const codeFor = (secret: string, ms = Date.now()) => totp(base32Decode(secret), ms);

/** Enrols the signed-in user in two-step sign-in; returns the secret and the recovery codes. */
export async function enrolTotp(cookie: string) {
  const setup = await api("/account/totp/setup", { method: "POST", cookie });
  if (setup.status !== 200) throw new Error(`setup failed: ${setup.status} ${JSON.stringify(setup.json)}`);
  const secret: string = setup.json.secret;
  const confirm = await api("/account/totp/confirm", { cookie, body: { code: await codeFor(secret) } });
  if (confirm.status !== 200) throw new Error(`confirm failed: ${confirm.status} ${JSON.stringify(confirm.json)}`);
  return { secret, recoveryCodes: confirm.json.recoveryCodes as string[] };
}
