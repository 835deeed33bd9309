import type { IsolationCase } from "./case";

// Tenant B's document ids are not needed: any id under B's code is answered 404 by tenantAccess first;
// test/documents.test.ts tries B's real ids under A's code.
export const cases: IsolationCase[] = [
  { method: "get", path: "/tenants/{code}/documents" },
  { method: "post", path: "/tenants/{code}/documents" },
  { method: "get", path: "/tenants/{code}/documents/lkjip-status" },
  { method: "get", path: "/tenants/{code}/documents/{documentId}/file" },
  { method: "delete", path: "/tenants/{code}/documents/{documentId}" },
  { method: "post", path: "/tenants/{code}/documents/{documentId}/publish" },
  { method: "post", path: "/tenants/{code}/documents/{documentId}/unpublish" },
];
