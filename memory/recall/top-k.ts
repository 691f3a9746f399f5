/**
 * The k best-scoring items of a stream, kept in a small sorted array: for the k ≤ 100 recall
 * asks for, a binary-search insert beats a heap and never holds more than k items.
 */
export class TopK<T> {
  private readonly items: { score: number; item: T }[] = []

  constructor(private readonly k: number) {}

  offer(score: number, item: T): void {
    const items = this.items
    if (items.length === this.k && score <= items[items.length - 1]!.score) return
    let lo = 0
    let hi = items.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (items[mid]!.score >= score) lo = mid + 1
      else hi = mid
    }
    items.splice(lo, 0, { score, item })
    if (items.length > this.k) items.pop()
  }

  /** Best first. */
  best(): { score: number; item: T }[] {
    return [...this.items]
  }
}
