import { ApiError, type Issue } from "./api";

/**
 * The state of one form that talks to the API: busy flag, the server's message for the top of
 * the form, and its issues keyed by field path. `fields` lists the paths (or path prefixes,
 * such as "capaianBands") the form shows next to a field; other issues are listed at the top.
 */
export class FormState {
  busy = $state(false);
  message = $state("");
  issues = $state<Issue[]>([]);
  readonly #fields: string[];

  constructor(fields: string[] = []) {
    this.#fields = fields;
  }

  /** The message for field `path`, if the server sent one. */
  error(path: string): string | undefined {
    return this.issues.find((i) => i.path === path)?.message;
  }

  /** Issues no field of this form shows. */
  get unplaced(): Issue[] {
    return this.issues.filter((i) => !this.#fields.some((f) => i.path === f || i.path.startsWith(`${f}.`)));
  }

  fail(message: string, issues: Issue[] = []) {
    this.message = message;
    this.issues = issues;
  }

  /** Runs `action`, turning an ApiError into the form's message and field errors. */
  async submit(action: () => Promise<unknown>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.fail("");
    try {
      await action();
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.fail(e.message, e.issues);
      return false;
    } finally {
      this.busy = false;
    }
  }
}
