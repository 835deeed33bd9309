/**
 * A small in-isolate cache: entries expire `ttlMs` after they were set, and the oldest entry goes
 * when `max` is reached (a Map keeps insertion order). An isolate serves many requests, but there
 * are many isolates, so whatever is kept here may be stale in another one for up to `ttlMs`:
 * callers decide what may be served that stale and clear what their own writes change.
 */
export class Memo<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  /** Bumped by every delete and clear: a load that began before one must not put back what it removed. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly max = 1000,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expiresAt > now) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, value: V, now = Date.now()): void {
    if (this.ttlMs <= 0) return;
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
  }

  /**
   * The cached value of `key`, else what `load()` reads — kept when it is not null and nothing was
   * deleted or cleared meanwhile (the read may predate the write that removal was about). Values
   * only, never a pending promise: a promise is bound to the request that started it, and another
   * request awaiting it would hang if that request were cancelled.
   */
  async getOrLoad<R extends V | null>(key: string, load: () => Promise<R>): Promise<V | R> {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const seen = this.generation;
    const value = await load();
    if (value !== null && seen === this.generation) this.set(key, value);
    return value;
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Drops every entry whose key starts with `prefix` (e.g. everything of one tenant). */
  deletePrefix(prefix: string): void {
    this.generation++;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}
