import type { WorkerLike } from './client';
import type { FromMembershipWorker, ToMembershipWorker } from './membership-protocol';

export interface MembershipClientHandlers {
  onMessage(msg: FromMembershipWorker): void;
  /** The worker is gone (crashed, unreadable message, no answer); the page offers a restart. */
  onFailure(message: string): void;
}

export interface MembershipClientOptions {
  createWorker?: () => WorkerLike;
  /** How long a request may go unanswered before the worker counts as hung (a 2000-node heartbeat round takes ~0.3 s). */
  timeoutMs?: number;
}

function defaultWorker(): WorkerLike {
  return new Worker(new URL('./membership.worker.ts', import.meta.url), { type: 'module', name: 'gossip-membership' });
}

/** Messages that close a request: every request is answered by exactly one of them. */
const closes = (msg: FromMembershipWorker): boolean => msg.type === 'frame' || msg.type === 'error' || msg.type === 'comparison';

/**
 * The page's handle on the membership worker, with a watchdog while any request is pending,
 * so a hung or crashed worker becomes a message on the page instead of a frozen run.
 *
 * @example
 *   const client = new MembershipClient({ onMessage: (m) => session.receive(m), onFailure: showRestart });
 *   client.send({ type: 'init', runId: 1, config: { protocol: 'swim', nodes: 50, seed: 1, loss: 0 }, schedule: [] });
 *   client.terminate();
 */
export class MembershipClient {
  private worker: WorkerLike | null;
  private pending = 0;
  private watchdog: ReturnType<typeof setTimeout> | null = null;
  private readonly timeoutMs: number;

  constructor(private readonly handlers: MembershipClientHandlers, options: MembershipClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 20_000;
    let worker: WorkerLike;
    try {
      worker = (options.createWorker ?? defaultWorker)();
    } catch (e) {
      this.worker = null;
      queueMicrotask(() => handlers.onFailure(`The membership simulation could not start: ${e instanceof Error ? e.message : String(e)}`));
      return;
    }
    this.worker = worker;
    worker.addEventListener('message', (event: MessageEvent) => this.receive(event.data as FromMembershipWorker));
    worker.addEventListener('error', (event: Event) => {
      event.preventDefault?.();
      const detail = (event as ErrorEvent).message;
      this.fail(`The membership simulation crashed${detail ? `: ${detail}` : ''}.`);
    });
    worker.addEventListener('messageerror', () => this.fail('The membership simulation sent a message the page could not read.'));
  }

  get alive(): boolean {
    return this.worker !== null;
  }

  /** Requests not answered yet. */
  get pendingRequests(): number {
    return this.pending;
  }

  send(msg: ToMembershipWorker): void {
    if (!this.worker) return;
    this.pending++;
    this.arm();
    try {
      this.worker.postMessage(msg);
    } catch (e) {
      this.fail(`Could not reach the membership simulation: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  terminate(): void {
    this.clearWatchdog();
    this.worker?.terminate();
    this.worker = null;
    this.pending = 0;
  }

  private receive(msg: FromMembershipWorker): void {
    if (!this.worker) return;
    if (msg.type === 'fatal') {
      this.fail(msg.message);
      return;
    }
    if (closes(msg)) this.pending = Math.max(0, this.pending - 1);
    this.clearWatchdog();
    if (this.pending > 0) this.arm();
    this.handlers.onMessage(msg);
  }

  private arm(): void {
    if (this.watchdog !== null) return;
    this.watchdog = setTimeout(() => {
      this.watchdog = null;
      if (this.pending > 0) this.fail(`The membership simulation stopped responding (no answer in ${Math.round(this.timeoutMs / 1000)} s).`);
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
