import { api, ApiError } from "$lib/api";
import { FormState } from "$lib/form.svelte";
import type { LkjipTableKey, LkjipTablesOut } from "$shared/schemas/lkjip-tables";

type Saved<R> = { rows: R[]; sumber: string; version: number };

/**
 * An LKjIP Bab I table being edited (Tabel 1.1 or 1.2): rows in order, saved whole with the version
 * the edit started from (a stale save is a 409, as for the texts). `clean` turns an edited row
 * (an emptied number field is null) into what the API takes.
 */
export class TableDraft<R extends object> {
  rows = $state<R[]>([]);
  sumber = $state("");
  version = $state(0);
  readonly form = new FormState(["rows", "sumber"]);
  /** What the last save or copy did, for the status line. */
  note = $state("");
  conflict = $state(false);
  #saved = $state("");

  constructor(
    private readonly url: string,
    private readonly key: LkjipTableKey,
    data: Saved<R>,
    private readonly clean: (r: R) => R,
  ) {
    this.#reset(data);
  }

  #reset(data: Saved<R>) {
    this.rows = structuredClone(data.rows);
    this.sumber = data.sumber;
    this.version = data.version;
    this.#saved = this.#snapshot();
  }

  #snapshot = () => JSON.stringify([this.rows.map(this.clean), this.sumber.trim()]);
  get dirty() {
    return this.#snapshot() !== this.#saved;
  }

  add(row: R, at = this.rows.length) {
    this.rows.splice(at, 0, row);
  }
  remove(i: number) {
    this.rows.splice(i, 1);
  }
  move(i: number, by: -1 | 1) {
    const j = i + by;
    if (j < 0 || j >= this.rows.length) return;
    [this.rows[i], this.rows[j]] = [this.rows[j]!, this.rows[i]!];
  }

  async save() {
    this.note = "";
    const body = { rows: this.rows.map(this.clean), sumber: this.sumber.trim(), version: this.version };
    const ok = await this.form.submit(async () => {
      try {
        const r = await api<Saved<R>>("POST", `${this.url}/${this.key}`, body);
        this.#reset({ ...r, rows: body.rows });
      } catch (e) {
        if (e instanceof ApiError && e.status === 409) this.conflict = true;
        throw e;
      }
    });
    if (ok) this.note = "Tersimpan";
  }

  /** Last year's table as the start of this year's (not saved until Simpan). */
  async copyFrom(lastYearUrl: string) {
    this.note = "";
    await this.form.submit(async () => {
      const last = (await api<LkjipTablesOut>("GET", lastYearUrl))[this.key] as unknown as Saved<R>;
      if (!last.rows.length) {
        this.note = "Tabel tahun lalu belum diisi.";
        return;
      }
      this.rows = structuredClone(last.rows);
      this.sumber = last.sumber;
      this.note = "Disalin dari tahun lalu; periksa angkanya, lalu simpan.";
    });
  }
}

/** What the row buttons and the footer use of a draft, whatever its rows. */
export type DraftControls = Pick<TableDraft<object>, "rows" | "sumber" | "form" | "note" | "conflict" | "dirty" | "move" | "remove" | "save" | "copyFrom">;

/** "rows.3.golongan" → "Baris 4: …", so a server issue names the row as the editor numbers it. */
export const issueText = (i: { path: string; message: string }) => {
  const row = /^rows\.(\d+)/.exec(i.path)?.[1];
  return row === undefined ? i.message : `Baris ${Number(row) + 1}: ${i.message}`;
};
