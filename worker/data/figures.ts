import type { Db } from "../db/client";
import { sakipFigure } from "./evaluation";
import { capaianFigure, penyerapanFigure } from "./performance";
import { ikmFigure } from "./ikm";

/**
 * Per-PD yearly figures that the ranking tables compare. Each module that owns a figure
 * registers a provider here, so the ranking reads them without knowing their tables.
 */
export type PdFigure = "sakip" | "ikm" | "capaian" | "penyerapan";

/** Value per perangkat daerah id for one tenant and year; a PD without data is absent (never 0). */
export type FigureProvider = (db: Db, tenantId: string, year: number) => Promise<Map<string, number>>;

export const FIGURE_PROVIDERS: Partial<Record<PdFigure, FigureProvider>> = {
  sakip: sakipFigure,
  ikm: ikmFigure,
  capaian: capaianFigure,
  penyerapan: penyerapanFigure,
};
