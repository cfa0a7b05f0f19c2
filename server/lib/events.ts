/**
 * A small typed event bus. `M` maps each event name to its payload. Handlers run in the order they were
 * subscribed and are awaited one after another by `emit`, so the write that emits an event has finished
 * everything that follows it before it answers, and a failing handler fails the write (as a direct call
 * would). A handler that must survive a crash schedules a persisted job rather than doing the work itself.
 */
export interface Emits<M> {
  emit<K extends keyof M>(name: K, payload: M[K]): Promise<void>;
}

export type Handler<P> = (payload: P) => Promise<void> | void;

export class EventBus<M> implements Emits<M> {
  private readonly handlers = new Map<keyof M, Handler<never>[]>();

  on<K extends keyof M>(name: K, handler: Handler<M[K]>): this {
    const list = this.handlers.get(name) ?? [];
    list.push(handler as Handler<never>);
    this.handlers.set(name, list);
    return this;
  }

  async emit<K extends keyof M>(name: K, payload: M[K]): Promise<void> {
    for (const handler of (this.handlers.get(name) ?? []) as Handler<M[K]>[]) await handler(payload);
  }

  /** The events that have at least one subscriber (the architecture test reads it). */
  subscribed(): (keyof M)[] {
    return [...this.handlers.keys()];
  }
}

