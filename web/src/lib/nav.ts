import type { Role } from "$shared/roles";

export type Module = {
  /** Path below /t/[code]; "" is the tenant home. */
  slug: string;
  label: string;
  /** Roles that may open the module; absent = every member. The server enforces the same rule. */
  roles?: Role[];
  /** Not built yet: served by the shared placeholder route (src/params/placeholder.ts). */
  placeholder?: true;
};

export const MODULES: Module[] = [
  { slug: "", label: "Beranda" },
  { slug: "organisasi", label: "Organisasi" },
  { slug: "perencanaan", label: "Perencanaan & Pohon Kinerja" },
  { slug: "perjanjian-kinerja", label: "Perjanjian Kinerja & Realisasi" },
  { slug: "survei-ikm", label: "Survei IKM" },
  { slug: "evaluasi", label: "Evaluasi SAKIP" },
  { slug: "peringkat", label: "Peringkat" },
  { slug: "laporan", label: "Laporan", roles: ["tenant_admin", "evaluator", "agency_admin", "agency_head"] },
  { slug: "tenggat", label: "Tenggat & Pengingat" },
  { slug: "pengguna", label: "Pengguna & Peran", roles: ["tenant_admin"] },
  { slug: "integrasi", label: "Keamanan & Integrasi", roles: ["tenant_admin"] },
  { slug: "pengaturan", label: "Pengaturan", roles: ["tenant_admin"] },
  { slug: "audit", label: "Log Audit", roles: ["tenant_admin", "evaluator"] },
];

export function canOpen(module: Module, roles: readonly Role[]): boolean {
  return !module.roles || module.roles.some((r) => roles.includes(r));
}
