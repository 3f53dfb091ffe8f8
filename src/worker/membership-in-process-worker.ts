import type { WorkerLike } from './client';
import { createMembershipHost } from './membership-host';
import type { ToMembershipWorker } from './membership-protocol';

type Listener = (event: MessageEvent | Event) => void;

/**
 * The membership host behind a Worker-shaped object on the same thread. Messages are queued
 * and cross only on `flush()`, through structuredClone with transfers, as between threads, so
 * tests see the real protocol (detached buffers included) and can stop it between any two steps.
 */
export class InProcessMembershipWorker implements WorkerLike {
  readonly sent: ToMembershipWorker[] = [];
  terminated = false;
  private toHost: ToMembershipWorker[] = [];
  private toPage: unknown[] = [];
  private readonly listeners = new Map<string, Listener[]>();
  private readonly host = createMembershipHost((msg, transfer) => {
    this.toPage.push(structuredClone(msg, { transfer }));
  });

  postMessage(message: unknown): void {
    if (this.terminated) return;
    const msg = structuredClone(message) as ToMembershipWorker;
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

  get queued(): number {
    return this.toHost.length;
  }

  /** Delivers messages both ways until none is left. */
  flush(): void {
    while (!this.terminated && (this.toHost.length > 0 || this.toPage.length > 0)) {
      while (this.toPage.length > 0 && !this.terminated) this.emit('message', { data: this.toPage.shift() } as MessageEvent);
      const next = this.toHost.shift();
      if (next) this.host.handle(next);
    }
  }

  emit(type: string, event: MessageEvent | Event): void {
    for (const l of this.listeners.get(type) ?? []) l(event);
  }
}
