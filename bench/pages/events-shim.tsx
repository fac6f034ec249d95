// The part of Node's EventEmitter that pouchdb-browser uses, for the bench's PouchDB page (the
// package imports `events`, which browsers do not have). PouchDB copies the prototype's methods by
// Object.keys, so they are made enumerable below, as in Node's own implementation.
type Listener = (...args: unknown[]) => void;

const EVENTS = Symbol('events');

/** Listeners live on the object lazily: PouchDB also calls these methods on objects it mixed them into. */
function eventsOf(emitter: object): Map<string | symbol, Listener[]> {
  const holder = emitter as { [EVENTS]?: Map<string | symbol, Listener[]> };
  if (!Object.hasOwn(holder, EVENTS)) holder[EVENTS] = new Map();
  return holder[EVENTS]!;
}

export default class EventEmitter {
  static listenerCount(emitter: EventEmitter, type: string | symbol): number {
    return emitter.listenerCount(type);
  }

  on(type: string | symbol, listener: Listener): this {
    this.emit('newListener', type, listener);
    eventsOf(this).set(type, [...(eventsOf(this).get(type) ?? []), listener]);
    return this;
  }

  addListener(type: string | symbol, listener: Listener): this {
    return this.on(type, listener);
  }

  once(type: string | symbol, listener: Listener): this {
    const wrapped: Listener & { listener?: Listener } = (...args) => {
      this.removeListener(type, wrapped);
      listener.apply(this, args);
    };
    wrapped.listener = listener;
    return this.on(type, wrapped);
  }

  removeListener(type: string | symbol, listener: Listener): this {
    const list = eventsOf(this).get(type);
    if (!list) return this;
    const index = list.findIndex(
      (l) => l === listener || (l as { listener?: Listener }).listener === listener,
    );
    if (index >= 0) {
      const next = [...list.slice(0, index), ...list.slice(index + 1)];
      if (next.length > 0) eventsOf(this).set(type, next);
      else eventsOf(this).delete(type);
      this.emit('removeListener', type, listener);
    }
    return this;
  }

  off(type: string | symbol, listener: Listener): this {
    return this.removeListener(type, listener);
  }

  removeAllListeners(type?: string | symbol): this {
    if (type === undefined) eventsOf(this).clear();
    else eventsOf(this).delete(type);
    return this;
  }

  emit(type: string | symbol, ...args: unknown[]): boolean {
    const list = eventsOf(this).get(type);
    if (!list || list.length === 0) {
      if (type === 'error') throw args[0] instanceof Error ? args[0] : new Error(String(args[0]));
      return false;
    }
    for (const listener of [...list]) listener.apply(this, args);
    return true;
  }

  listeners(type: string | symbol): Listener[] {
    return [...(eventsOf(this).get(type) ?? [])];
  }

  listenerCount(type: string | symbol): number {
    return eventsOf(this).get(type)?.length ?? 0;
  }

  setMaxListeners(_count: number): this {
    return this;
  }

  getMaxListeners(): number {
    return 0;
  }
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor') {
    Object.defineProperty(EventEmitter.prototype, key, { enumerable: true });
  }
}
