/** A minimal typed event emitter that runs in browsers and Node (no `node:events`). */
// biome-ignore lint/suspicious/noExplicitAny: listener signatures are constrained per key by the event map.
export type Listener = (...args: any[]) => void;

/** The emitter's `emit`, handed to the parts of a class that raise its events. */
export type EmitFn<Events extends { [K in keyof Events]: Listener }> = <E extends keyof Events>(
  event: E,
  ...args: Parameters<Events[E]>
) => unknown[];

export class TypedEmitter<Events extends { [K in keyof Events]: Listener }> {
  private readonly listeners = new Map<keyof Events, Set<Listener>>();

  /** Adds a listener; returns a function that removes it. */
  on<E extends keyof Events>(event: E, listener: Events[E]): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => this.off(event, listener);
  }

  off<E extends keyof Events>(event: E, listener: Events[E]): void {
    this.listeners.get(event)?.delete(listener);
  }

  /** Calls every listener; returns the errors listeners threw (one bad listener must not stop the others). */
  protected emit<E extends keyof Events>(event: E, ...args: Parameters<Events[E]>): unknown[] {
    const errors: unknown[] = [];
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        listener(...args);
      } catch (error) {
        errors.push(error);
      }
    }
    return errors;
  }

  protected listenerCount(event: keyof Events): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
