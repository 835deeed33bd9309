import { z } from "./zod-locale";
import { TENANT_KINDS } from "../kinds";
import { DOCUMENT_KINDS, DOCUMENT_PERIODS, TIMELINESS } from "./document-labels";

// Documents and their publication on the tenant's public portal (issue 9).

export * from "./document-labels";

const year = z.coerce.number().int().min(2000).max(2100);
const optionalId = z.string().trim().min(1).max(64).optional();

/** Metadata of an upload, sent as the query string beside the raw file body. */
export const documentUploadQuerySchema = z.object({
  filename: z.string().trim().min(1).max(200),
  title: z.string().trim().min(3, "Judul minimal 3 huruf").max(200),
  kind: z.enum(DOCUMENT_KINDS),
  year,
  /** Absent = a tenant-wide document of the pemda (tenant_admin only). */
  pdId: optionalId,
  period: z.enum(DOCUMENT_PERIODS).optional(),
});

const flag = z.enum(["true", "false"]).transform((v) => v === "true");

export const documentListQuerySchema = z.object({
  year: year.optional(),
  pdId: optionalId,
  kind: z.enum(DOCUMENT_KINDS).optional(),
  published: flag.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
});

// ---- responses (the API declares them in OpenAPI; the web app derives its types from them) ----

const due = z.object({ dueDate: z.string(), status: z.enum(TIMELINESS) }).nullable();

export const documentOut = z.object({
  id: z.string(),
  pdId: z.string().nullable(),
  pdName: z.string().nullable(),
  year: z.number(),
  kind: z.enum(DOCUMENT_KINDS),
  period: z.string().nullable(),
  title: z.string(),
  source: z.enum(["generated", "uploaded"]),
  format: z.string(),
  filename: z.string(),
  sizeBytes: z.number(),
  dataVersion: z.string().nullable(),
  createdAt: z.number(),
  publishedAt: z.number().nullable(),
  timeliness: due,
});

const figure = z.object({ year: z.number(), value: z.number(), pdCount: z.number() });

export const portalOut = z.object({
  tenant: z.object({ code: z.string(), name: z.string(), kind: z.enum(TENANT_KINDS) }),
  pds: z.array(z.object({ id: z.string(), code: z.string(), name: z.string() })),
  documents: z.array(
    documentOut.pick({ id: true, pdId: true, year: true, kind: true, period: true, title: true, format: true, filename: true, sizeBytes: true, timeliness: true }).extend({ publishedAt: z.number() }),
  ),
  sakip: z.object({ tenant: z.array(figure), pd: z.array(z.object({ pdId: z.string(), year: z.number(), total: z.number(), predikat: z.string() })) }),
});

/** Per PD: its LKjIP of a year on the portal, against the tenant's deadline (GET …/documents/lkjip-status). */
export const lkjipStatusOut = z.object({
  year: z.number(),
  dueDate: z.string(),
  counts: z.object({ tepat_waktu: z.number(), terlambat: z.number(), menunggu: z.number() }),
  items: z.array(
    z.object({
      pdId: z.string(),
      pdCode: z.string(),
      pdName: z.string(),
      documentId: z.string().nullable(),
      publishedAt: z.number().nullable(),
      /** An LKjIP of that year is stored but not yet published. */
      hasDraft: z.boolean(),
      status: z.enum(TIMELINESS),
    }),
  ),
});
