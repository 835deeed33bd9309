// Demo data of issue 12: each demo tenant admin finds one inbox entry inviting them to turn on
// two-step sign-in, so the unread count in the app shell shows from the first sign-in.
import { USERS } from "./organisation.mjs";

export function securitySql({ now, tenantId, row }) {
  return USERS.filter((u) => u.role === "tenant_admin").map((u) => {
    const userId = `demo-user-${u.email.split("@")[0]}`;
    return row("notifications", {
      id: `demo-notification-2fa-${userId}`,
      user_id: userId,
      tenant_id: tenantId(u.tenant),
      kind: "security",
      title: "Aktifkan verifikasi dua langkah",
      body: "Lindungi akun admin pemda dengan kode dari aplikasi autentikator, selain kata sandi.",
      link: "/akun",
      read_at: null,
      created_at: now,
    });
  });
}
