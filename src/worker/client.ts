import type { FromWorker, ToWorker } from './protocol';

/** The part of `Worker` the client uses, so tests can hand it an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface EngineClientHandlers {
  onMessage(msg: FromWorker): void;
  /** The worker is gone (crashed, unreadable message, no answer); the page offers a restart. */
  onFailure(message: string): void;
}

export interface EngineClientOptions {
  createWorker?: () => WorkerLike;
  /** How long a request may go unanswered before the worker counts as hung. */
  timeoutMs?: number;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'gossip-engine' });
}

/**
 * The page's handle on the engine worker. Every request (init, reset, step, apply, watch) is
 * answered by exactly one `frame` or `error`; while any is pending a watchdog
 * runs, so a hung or crashed worker becomes a message in the page instead of a frozen run.
 *
 * @example
 *   const client = new EngineClient({ onMessage: (m) => store.receive(m), onFailure: showRestart });
 *   client.send({ type: 'init', graphId: 1, config, options });
 *   client.terminate();
 */
export class EngineClient {
  private worker: WorkerLike | null;
  private pending = 0;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private readonly timeoutMs: number;

  constructor(private readonly handlers: EngineClientHandlers, options: EngineClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 15_000;
    let worker: WorkerLike;
    try {
      worker = (options.createWorker ?? defaultWorker)();
    } catch (e) {
      this.worker = null;
      queueMicrotask(() => handlers.onFailure(`The simulation could not start: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent) => this.receive(event.data as FromWorker));
    worker.addEventListener('error', (event: Event) => {
      event.preventDefault?.();
      const detail = (event as ErrorEvent).message;
      this.fail(`The simulation crashed${detail ? `: ${detail}` : ''}.`);
    });
    worker.addEventListener('messageerror', () => this.fail('The simulation sent a message the page could not read.'));
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  send(msg: ToWorker): void {
    if (!this.worker) return;
    this.pending++;
    this.arm();
    try {
      this.worker.postMessage(msg);
    } catch (e) {
      this.fail(`Could not reach the simulation: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  terminate(): void {
    this.clearWatchdog();
    this.worker?.terminate();
    this.worker = null;
    this.pending = 0;
  }

  private receive(msg: FromWorker): void {
    if (!this.worker) return;
    if (msg.type === 'fatal') {
      this.fail(msg.message);
      return;
    }
    if (msg.type === 'frame' || msg.type === 'error') this.pending = Math.max(0, this.pending - 1);
    this.clearWatchdog();
    if (this.pending > 0) this.arm();
    this.handlers.onMessage(msg);
  }

  private arm(): void {
    if (this.watchdog !== null) return;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      if (this.pending > 0) this.fail(`The simulation stopped responding (no answer in ${Math.round(this.timeoutMs / 1000)} s).`);
    }, this.timeoutMs);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private fail(message: string): void {
    if (!this.worker) return;
    this.terminate();
    this.handlers.onFailure(message);
  }
}
