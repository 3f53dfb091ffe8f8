import { errorText } from './error-text';

/** The part of `Worker` the client uses, so tests can hand it an in-process stand-in. */
export interface WorkerLike {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (event: Event) => void): void;
  terminate(): void;
}

export interface WorkerClientHandlers<FromW> {
  onMessage(msg: FromW): void;
  /**
   * The worker is gone (crashed, unreadable message, no answer); the page offers a restart.
   * `message` is English; `failure` says the same as data, for the page to word in its language
   * (absent for the worker's own fatal error, whose text comes from the engine).
   */
  onFailure(message: string, failure?: WorkerFailure): void;
}

/** Why a worker is gone, as data: its name (the spec's), and the error's own text or the seconds waited. */
export type WorkerFailure =
  | { kind: 'start' | 'crashed' | 'unreachable'; worker: string; detail: string }
  | { kind: 'unreadable'; worker: string }
  | { kind: 'hung'; worker: string; seconds: number };

export interface WorkerClientOptions {
  createWorker?: () => WorkerLike;
  /** How long a request may go unanswered before the worker counts as hung. */
  timeoutMs?: number;
}

/** What tells one worker from another: how the page names it, how it starts, which answers close a request. */
export interface WorkerSpec<FromW> {
  /** As the page says it in failure messages: "simulation", "membership simulation". */
  name: string;
  createWorker(): WorkerLike;
  timeoutMs: number;
  /** Every request is answered by exactly one message this returns true for. */
  closes(msg: FromW): boolean;
}

/** Something broke inside the worker: both protocols end their answers with this. */
type Fatal = { type: 'fatal'; message: string };

/**
 * The page's handle on a worker. While any request is pending a watchdog runs, so a hung or
 * crashed worker becomes one failure message on the page instead of a frozen run; after a
 * failure the worker is terminated and nothing more is sent or reported.
 *
 * @example
 *   const client = new WorkerClient<ToWorker, FromWorker>(spec, { onMessage: (m) => session.receive(m), onFailure: showRestart });
 *   client.send({ type: 'step', requestId: 1 });
 *   client.terminate();
 */
export class WorkerClient<ToW, FromW extends { type: string }> {
  private worker: WorkerLike | null;
  private pending = 0;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private readonly timeoutMs: number;

  constructor(
    private readonly spec: WorkerSpec<FromW>,
    private readonly handlers: WorkerClientHandlers<FromW>,
    options: WorkerClientOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? spec.timeoutMs;
    let worker: WorkerLike;
    try {
      worker = (options.createWorker ?? spec.createWorker)();
    } catch (e) {
      this.worker = null;
      queueMicrotask(() => handlers.onFailure(`The ${spec.name} could not start: ${errorText(e)}`, { kind: 'start', worker: spec.name, detail: errorText(e) }));
      return;
    }
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent) => this.receive(event.data as FromW | Fatal));
    worker.addEventListener('error', (event: Event) => {
      event.preventDefault?.();
      const detail = (event as ErrorEvent).message;
      this.fail(`The ${spec.name} crashed${detail ? `: ${detail}` : ''}.`, { kind: 'crashed', worker: spec.name, detail: detail ?? '' });
    });
    worker.addEventListener('messageerror', () => this.fail(`The ${spec.name} sent a message the page could not read.`, { kind: 'unreadable', worker: spec.name }));
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  /** Requests not answered yet. */
  get pendingRequests(): number {
    return this.pending;
  }

  send(msg: ToW): void {
    if (!this.worker) return;
    this.pending++;
    this.arm();
    try {
      this.worker.postMessage(msg);
    } catch (e) {
      this.fail(`Could not reach the ${this.spec.name}: ${errorText(e)}`, { kind: 'unreachable', worker: this.spec.name, detail: errorText(e) });
    }
  }

  terminate(): void {
    this.clearWatchdog();
    this.worker?.terminate();
    this.worker = null;
    this.pending = 0;
  }

  private receive(msg: FromW | Fatal): void {
    if (!this.worker) return;
    if (msg.type === 'fatal') {
      this.fail((msg as Fatal).message);
      return;
    }
    if (this.spec.closes(msg as FromW)) this.pending = Math.max(0, this.pending - 1);
    this.clearWatchdog();
    if (this.pending > 0) this.arm();
    this.handlers.onMessage(msg as FromW);
  }

  private arm(): void {
    if (this.watchdog !== null) return;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      if (this.pending > 0) {
        const seconds = Math.round(this.timeoutMs / 1000);
        this.fail(`The ${this.spec.name} stopped responding (no answer in ${seconds} s).`, { kind: 'hung', worker: this.spec.name, seconds });
      }
    }, this.timeoutMs);
  }

  private clearWatchdog(): void {
    if (this.watchdog !== null) clearTimeout(this.watchdog);
    this.watchdog = null;
  }

  private fail(message: string, failure?: WorkerFailure): void {
    if (!this.worker) return;
    this.terminate();
    this.handlers.onFailure(message, failure);
  }
}
