/** localStorage's interface over a Map, as the unit project runs in Node. */
export class MemoryStorage implements Storage {
  private readonly items = new Map<string, string>()
  full = false
  get length() {
    return this.items.size
  }
  clear() {
    this.items.clear()
  }
  getItem(key: string) {
    return this.items.get(key) ?? null
  }
  key(index: number) {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.items.delete(key)
  }
  setItem(key: string, value: string) {
    if (this.full) throw new Error('QuotaExceededError')
    this.items.set(key, value)
  }
}
