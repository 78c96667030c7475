/** The invocations the gateway started and has not seen settle, so that shutdown can wait for them. */
export class InvocationTracker {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(promise: Promise<T>): Promise<T> {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise)).catch(() => {});
    return promise;
  }

  /** Waits until nothing is pending or `deadline` (epoch ms) passes, checking at least every 100 ms. */
  async settle(deadline: number): Promise<void> {
    while (this.pending.size > 0 && Date.now() < deadline) {
      await Promise.race([Promise.allSettled([...this.pending]), new Promise((r) => setTimeout(r, 100))]);
    }
  }
}
