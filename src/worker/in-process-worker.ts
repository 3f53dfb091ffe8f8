import { createEngineHost } from './engine-host';
import type { ToWorker } from './protocol';
import type { WorkerLike } from './worker-client';

type Listener = (event: MessageEvent | Event) => void;

/**
 * The worker host (engine-host.ts, every model) behind a Worker-shaped object on the test's
 * thread. Messages are queued and cross only on `flush()`, each way through structuredClone
 * (with transfers), exactly as they would between threads, so tests see the real protocol
 * (detached buffers included) and can stop it between any two steps.
 */
export class InProcessWorker implements WorkerLike {
  readonly sent: ToWorker[] = [];
  terminated = false;
  private toHost: ToWorker[] = [];
  private toPage: unknown[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private readonly host = createEngineHost((msg, transfer) => {
    this.toPage.push(structuredClone(msg, { transfer }));
  });

  postMessage(message: unknown): void {
    if (this.terminated) return;
    const msg = structuredClone(message) as ToWorker;
    this.sent.push(msg);
    this.toHost.push(msg);
  }

  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  addEventListener(type: string, listener: (event: never) => void): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener as Listener]);
  }

  terminate(): void {
    this.terminated = true;
    this.toHost = [];
    this.toPage = [];
  }

  /** Requests the host has not handled yet. */
  get queued(): number {
    return this.toHost.length;
  }

  /** Delivers messages both ways until none is left (or `limit` requests were handled). */
  flush(limit = Infinity): void {
    let handled = 0;
    while (!this.terminated && (this.toHost.length > 0 || this.toPage.length > 0)) {
      while (this.toPage.length > 0 && !this.terminated) this.emit('message', { data: this.toPage.shift() } as MessageEvent);
      if (handled >= limit) return;
      const next = this.toHost.shift();
      if (next) {
        this.host.handle(next);
        handled++;
      }
    }
  }

  /** Fires an event at the page's listeners (tests use it to fake a crash). */
  emit(type: string, event: MessageEvent | Event): void {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}
