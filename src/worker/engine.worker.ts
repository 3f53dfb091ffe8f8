import { createEngineHost } from './engine-host';
import { serveHost } from './serve-host';

/**
 * The engine's home off the main thread: a long run or a 10,000-node round never freezes the
 * page. All logic is in engine-host.ts; serve-host.ts connects it to the worker's ports.
 */
serveHost(createEngineHost, 'The simulation failed');
