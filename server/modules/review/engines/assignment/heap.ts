/**
 * Indexed binary min-heap over node ids with keys in a shared Float64Array, with decrease-key. Typed
 * arrays and no per-push allocation: Dijkstra runs thousands of times on the same network.
 */
export class NodeHeap {
  private heap: Int32Array;
  private pos: Int32Array;
  size = 0;

  constructor(
    capacity: number,
    private readonly key: Float64Array,
  ) {
    this.heap = new Int32Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  /** Empties the heap (only the positions of nodes still inside are reset). */
  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.heap[i]!] = -1;
    this.size = 0;
  }

  /** Inserts v, or moves it up after its key decreased. */
  pushOrDecrease(v: number): void {
    let i = this.pos[v]!;
    if (i < 0) {
      i = this.size++;
      this.heap[i] = v;
      this.pos[v] = i;
    }
    this.up(i);
  }

  /** Removes and returns the node with the smallest key. */
  pop(): number {
    const top = this.heap[0]!;
    this.pos[top] = -1;
    const last = this.heap[--this.size]!;
    if (this.size > 0) {
      this.heap[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  private up(i: number): void {
    const h = this.heap;
    const v = h[i]!;
    const k = this.key[v]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = h[parent]!;
      if (this.key[p]! <= k) break;
      h[i] = p;
      this.pos[p] = i;
      i = parent;
    }
    h[i] = v;
    this.pos[v] = i;
  }

  private down(i: number): void {
    const h = this.heap;
    const v = h[i]!;
    const k = this.key[v]!;
    const n = this.size;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.key[h[c + 1]!]! < this.key[h[c]!]!) c++;
      const child = h[c]!;
      if (this.key[child]! >= k) break;
      h[i] = child;
      this.pos[child] = i;
      i = c;
    }
    h[i] = v;
    this.pos[v] = i;
  }
}
