/**
 * A least-recently-used map bounded by the total weight of its values (bytes for tiles, vertices for
 * geometry indexes) rather than by count, because tile sizes span four orders of magnitude.
 *
 * A read moves its entry to the young end unless the entry is already among the youngest quarter (fewer
 * than a quarter of the entries were stored or moved after it): such an entry is far from eviction, and a
 * warm tile's read then costs one map lookup instead of a delete and an insert (issue 19). With fewer than
 * four entries every read moves, as exact LRU does.
 */
export class LruCache<V> {
  /** Map keeps insertion order: the first key is the least recently used. */
  readonly #entries = new Map<string, { value: V; weight: number; stamp: number }>();
  #weight = 0;
  /** Counts insertions and moves: an entry's `stamp` is the count when it last went to the young end. */
  #clock = 0;

  constructor(readonly maxWeight: number) {}

  /** The value, marked as just used; undefined on a miss. */
  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    // Entries stored or moved after this one: at most clock - 1 - stamp of them are younger.
    if (this.#clock - 1 - entry.stamp >= this.#entries.size / 4) {
      this.#entries.delete(key);
      entry.stamp = this.#clock++;
      this.#entries.set(key, entry);
    }
    return entry.value;
  }

  /** Stores a value, evicting the least recently used until the total fits. A value heavier than the bound is not kept. */
  set(key: string, value: V, weight: number): void {
    this.delete(key);
    if (weight > this.maxWeight) return;
    this.#entries.set(key, { value, weight, stamp: this.#clock++ });
    this.#weight += weight;
    for (const [oldest, entry] of this.#entries) {
      if (this.#weight <= this.maxWeight) break;
      this.#entries.delete(oldest);
      this.#weight -= entry.weight;
    }
  }

  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (!entry) return;
    this.#entries.delete(key);
    this.#weight -= entry.weight;
  }

  clear(): void {
    this.#entries.clear();
    this.#weight = 0;
  }

  /** Number of entries. */
  get size(): number {
    return this.#entries.size;
  }

  /** Sum of the weights of the entries. */
  get weight(): number {
    return this.#weight;
  }
}
