import { createMembershipHost, errorText } from './membership-host';
import { serveHost } from './serve-host';

/**
 * The membership engines off the main thread: a 2000-node heartbeat round (O(n²) by design)
 * takes a few hundred milliseconds and must not freeze the page. All logic is in
 * membership-host.ts; serve-host.ts connects it to the worker's ports.
 */
serveHost(createMembershipHost, 'The membership simulation failed', errorText);
