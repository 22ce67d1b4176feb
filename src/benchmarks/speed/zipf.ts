/**
 * Zipf-like ranks: the name at rank r (0-based) is drawn with a weight of 1 / (r + 1)^exponent.
 * Personal names follow such a law closely in the head (a few names carry a large share) with a
 * long tail of rare ones; the exponent sets how heavy the head is.
 */
export class ZipfSampler {
  private readonly cumulative: Float64Array;

  constructor(
    readonly size: number,
    readonly exponent: number,
  ) {
    if (size < 1) throw new Error('a Zipf distribution needs at least one rank');
    this.cumulative = new Float64Array(size);
    let total = 0;
    for (let rank = 0; rank < size; rank += 1) {
      total += 1 / (rank + 1) ** exponent;
      this.cumulative[rank] = total;
    }
    for (let rank = 0; rank < size; rank += 1) this.cumulative[rank] /= total;
  }

  /** The rank for a uniform draw u in [0, 1). */
  sample(u: number): number {
    let low = 0;
    let high = this.size - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.cumulative[middle] > u) high = middle;
      else low = middle + 1;
    }
    return low;
  }

  /** Share of draws that land on one of the first k ranks. */
  shareOfTop(k: number): number {
    return k <= 0 ? 0 : this.cumulative[Math.min(k, this.size) - 1];
  }
}
