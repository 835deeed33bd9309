// Drizzle table definitions, one file per module; each mirrors its migrations/*.sql
// (the migrations are the source of truth; these give queries their types).
export * from "./control";
