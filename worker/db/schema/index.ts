// Drizzle table definitions, one file per module; each mirrors its migrations/*.sql
// (the migrations are the source of truth; these give queries their types).
export * from "./control";
export * from "./organisation";
export * from "./planning";
export * from "./ikm";
export * from "./evaluation";
export * from "./security";
export * from "./performance";
export * from "./documents";
export * from "./reports";
export * from "./ranking-snapshots";
export * from "./lkjip-tables";
