/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266), so no header injection and no mangled names. */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\w.\- ()]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
