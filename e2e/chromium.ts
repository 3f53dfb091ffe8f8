import { execFileSync } from 'node:child_process';

/**
 * The Chromium the browser tests drive: $CHROMIUM_PATH, else Debian's `chromium` on PATH.
 * Playwright's own browser download cannot work on our machines.
 */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No Chromium found: install Debian\'s chromium package or set CHROMIUM_PATH');
  }
}

/** Flags for headless Chromium as root on a machine with no GPU and a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
