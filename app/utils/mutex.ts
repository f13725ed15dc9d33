/**
 * A first-come first-served async lock. Candor writes to SQLite from one process; taking this
 * lock around every statement and transaction means no connection ever waits (synchronously,
 * blocking the event loop) for a lock another part of the same process holds.
 */
export class Mutex {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return acquired;
  }

  async run<T>(work: () => T | Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }
}
