import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../engine/config';
import { EngineClient } from './client';
import { InProcessWorker } from './in-process-worker';
import { connectClient } from './client-harness';

const init = { type: 'init', model: 'spread', graphId: 1, config: { ...DEFAULT_CONFIG, nodes: 30 }, options: { recordMessages: true, trackNodeStats: true } } as const;

const setup = (timeoutMs = 1000) => connectClient(new InProcessWorker(), EngineClient, timeoutMs);

afterEach(() => {
  vi.useRealTimers();
});

describe('EngineClient', () => {
  it('passes requests to the worker and answers back', () => {
    const { worker, client, received } = setup();
    client.send(init);
    client.send({ type: 'step', requestId: 1 });
    worker.flush();
    expect(received.map((m) => m.type)).toEqual(['ready', 'frame', 'frame']);
  });

  it('turns a worker error event into one failure and stops talking to it', () => {
    const { worker, client, failures } = setup();
    client.send(init);
    worker.emit('error', Object.assign(new Event('error'), { message: 'boom' }));
    expect(failures).toEqual(['The simulation crashed: boom.']);
    expect(worker.terminated).toBe(true);
    expect(client.alive).toBe(false);
    client.send({ type: 'step', requestId: 2 }); // ignored, no throw
    worker.emit('messageerror', new Event('messageerror'));
    expect(failures).toHaveLength(1);
  });

  it('reports an unreadable message', () => {
    const { worker, failures } = setup();
    worker.emit('messageerror', new Event('messageerror'));
    expect(failures[0]).toMatch(/could not read/);
  });

  it('reports a fatal error from inside the worker', () => {
    const { worker, failures, received } = setup();
    worker.emit('message', { data: { type: 'fatal', message: 'The simulation failed: x' } } as MessageEvent);
    expect(failures).toEqual(['The simulation failed: x']);
    expect(received).toEqual([]);
  });

  it('declares the worker hung when a request stays unanswered past the timeout', () => {
    vi.useFakeTimers();
    const { client, failures } = setup(1000);
    client.send(init); // never flushed: the worker "hangs"
    vi.advanceTimersByTime(999);
    expect(failures).toEqual([]);
    vi.advanceTimersByTime(2);
    expect(failures[0]).toMatch(/stopped responding/);
  });

  it('keeps quiet while answers arrive in time', () => {
    vi.useFakeTimers();
    const { worker, client, failures } = setup(1000);
    client.send(init);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(800);
      worker.flush();
      client.send({ type: 'step', requestId: i });
    }
    worker.flush();
    vi.advanceTimersByTime(5000);
    expect(failures).toEqual([]);
  });

  it('fails cleanly when the worker cannot be created', async () => {
    const failures: string[] = [];
    const client = new EngineClient({ onMessage: () => {}, onFailure: (f) => failures.push(f) }, {
      createWorker: () => { throw new Error('no workers here'); },
    });
    client.send(init);
    await Promise.resolve();
    expect(failures).toEqual(['The simulation could not start: no workers here']);
  });
});
