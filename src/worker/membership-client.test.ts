import { afterEach, describe, expect, it, vi } from 'vitest';
import { MembershipClient } from './membership-client';
import { InProcessMembershipWorker } from './in-process-worker';
import { connectClient } from './client-harness';
import type { ToMembershipWorker } from './membership-protocol';

const init: Extract<ToMembershipWorker, { type: 'init' }> = { type: 'init', runId: 1, config: { protocol: 'swim', nodes: 20, seed: 1, loss: 0 }, schedule: [] };

const setup = (timeoutMs = 1000) => connectClient(new InProcessMembershipWorker(), MembershipClient, timeoutMs);

afterEach(() => {
  vi.useRealTimers();
});

describe('MembershipClient', () => {
  it('passes requests to the worker and counts each answered once', () => {
    const { worker, client, received } = setup();
    client.send(init);
    client.send({ type: 'step', requestId: 1 });
    client.send({ type: 'apply', requestId: 2, action: { type: 'crash', node: 1 } });
    client.send({ type: 'compare', requestId: 3, config: init.config, schedule: [], rounds: 5, variants: [{ label: 'a' }] });
    expect(client.pendingRequests).toBe(4);
    worker.flush();
    expect(received.map((m) => m.type)).toEqual(['ready', 'frame', 'frame', 'actionResult', 'frame', 'comparison']);
    expect(client.pendingRequests).toBe(0);
  });

  it('turns a worker error into one failure and stops talking to it', () => {
    const { worker, client, failures } = setup();
    client.send(init);
    worker.emit('error', Object.assign(new Event('error'), { message: 'boom' }));
    expect(failures).toEqual(['The membership simulation crashed: boom.']);
    expect(worker.terminated).toBe(true);
    expect(client.alive).toBe(false);
    client.send({ type: 'step', requestId: 2 });
    worker.emit('messageerror', new Event('messageerror'));
    expect(failures).toHaveLength(1);
  });

  it('reports a fatal error from inside the worker', () => {
    const { worker, failures, received } = setup();
    worker.emit('message', { data: { type: 'fatal', message: 'The membership simulation failed: x' } } as MessageEvent);
    expect(failures).toEqual(['The membership simulation failed: x']);
    expect(received).toEqual([]);
  });

  it('declares the worker hung when a request stays unanswered past the timeout', () => {
    vi.useFakeTimers();
    const { client, failures } = setup(1000);
    client.send(init);
    vi.advanceTimersByTime(999);
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(failures[0]).toMatch(/stopped responding/);
  });

  it('fails cleanly when the worker cannot be created', async () => {
    const failures: string[] = [];
    const client = new MembershipClient({ onMessage: () => {}, onFailure: (f) => failures.push(f) }, {
      createWorker: () => { throw new Error('no workers here'); },
    });
    client.send(init);
    await Promise.resolve();
    expect(failures).toEqual(['The membership simulation could not start: no workers here']);
  });
});
