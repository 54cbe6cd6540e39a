/**
 * A bounded cache of decoded tiles and their GPU textures, after Marzipano's TextureStore: entries
 * in use (drawn in the current frame) and pinned ones (the current scene's preview, the previews
 * of the stops it links to) always stay; the rest are kept by least recent use until the bytes
 * exceed the cap, and the oldest are then disposed.
 */
export interface TileCacheOptions<V> {
  /** Bytes of decoded pixels (and textures) kept beyond what is in use or pinned. */
  maxBytes: number;
  /** Frees what an entry holds (closes its bitmap, deletes its texture). */
  dispose(value: V, key: string): void;
}

interface Entry<V> {
  value: V;
  bytes: number;
}

export class TileCache<V> {
  private readonly entries = new Map<string, Entry<V>>(); // oldest use first
  private pinned = new Set<string>();
  private inUse = new Set<string>();
  private total = 0;

  constructor(private readonly options: TileCacheOptions<V>) {}

  /** Bytes held now. */
  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.entries.size;
  }

  get maxBytes(): number {
    return this.options.maxBytes;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** The value, marked as just used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** The value, without marking it used. */
  peek(key: string): V | undefined {
    return this.entries.get(key)?.value;
  }

  /** Adds (or replaces) an entry as the most recently used, then trims the cache. */
  set(key: string, value: V, bytes: number): void {
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.total -= old.bytes;
      if (old.value !== value) this.options.dispose(old.value, key);
    }
    this.entries.set(key, { value, bytes });
    this.total += bytes;
    // What just arrived was asked for: it stays at least until the next frame says what is in use.
    this.trim(key);
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.total -= entry.bytes;
    this.options.dispose(entry.value, key);
  }

  /** Replaces the set of pinned keys (they need not be in the cache yet). */
  pin(keys: Iterable<string>): void {
    this.pinned = new Set(keys);
    this.trim();
  }

  isPinned(key: string): boolean {
    return this.pinned.has(key);
  }

  /** Replaces the set of keys the current frame draws; they stay, and count as just used. */
  use(keys: Iterable<string>): void {
    this.inUse = new Set(keys);
    for (const key of this.inUse) this.get(key);
    this.trim();
  }

  /** Disposes the least recently used entries that are neither pinned nor in use until under the cap. */
  trim(keep?: string): void {
    if (this.total <= this.options.maxBytes) return;
    for (const [key, entry] of this.entries) {
      if (this.total <= this.options.maxBytes) break;
      if (this.pinned.has(key) || this.inUse.has(key) || key === keep) continue;
      this.entries.delete(key);
      this.total -= entry.bytes;
      this.options.dispose(entry.value, key);
    }
  }

  /** Disposes everything. */
  clear(): void {
    for (const [key, entry] of this.entries) this.options.dispose(entry.value, key);
    this.entries.clear();
    this.total = 0;
  }

  /** Keys from the least to the most recently used (for tests and the benchmark). */
  keys(): string[] {
    return [...this.entries.keys()];
  }
}
