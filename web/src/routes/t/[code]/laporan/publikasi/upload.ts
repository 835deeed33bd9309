import { ApiError, query } from "$lib/api";
import type { DocumentItem } from "$lib/documents";
import { DOCUMENT_MAX_BYTES, UPLOAD_FORMATS } from "$shared/schemas/documents";

export type UploadMeta = { title: string; kind: string; year: string; pdId: string; period: string };

const TYPE_OF_EXTENSION = Object.fromEntries(Object.entries(UPLOAD_FORMATS).map(([type, ext]) => [ext, type]));

/** POSTs the file as the raw body (the API's upload takes no multipart), its metadata in the query string. */
export async function uploadDocument(tenantCode: string, meta: UploadMeta, file: File): Promise<DocumentItem> {
  if (file.size > DOCUMENT_MAX_BYTES) throw new ApiError(413, "payload_too_large", `Berkas terlalu besar (maks. ${DOCUMENT_MAX_BYTES / 1024 / 1024} MB)`);
  // Browsers do not always know the type of an office file; its extension does.
  const type = TYPE_OF_EXTENSION[file.name.split(".").pop()?.toLowerCase() ?? ""] ?? file.type;
  const qs = query({ filename: file.name, title: meta.title, kind: meta.kind, year: meta.year, pdId: meta.pdId, period: meta.kind === "triwulan" ? meta.period : "" });
  let res: Response;
  try {
    res = await fetch(`/api/v1/tenants/${encodeURIComponent(tenantCode)}/documents${qs}`, {
      method: "POST",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": type || "application/octet-stream" },
      body: file,
    });
  } catch {
    throw new ApiError(0, "network", "Tidak dapat terhubung ke server. Periksa koneksi internet Anda, lalu coba lagi.");
  }
  const data = await res.json().catch(() => null);
  if (!res.ok) throw new ApiError(res.status, data?.error?.code ?? "internal", data?.error?.message ?? `Unggahan gagal (${res.status}).`, data?.error?.issues);
  return data as DocumentItem;
}
