import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

// Debian's chromium, as the browser tests drive it: playwright-core never downloads a browser, and without
// the background-networking flags Chromium's connections are refused by a closed network, many at a time.

export const CHROMIUM = '/usr/bin/chromium';

/** False where Debian's chromium is not installed: the browser tests are then skipped, saying so. */
export const hasChromium = existsSync(CHROMIUM);

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}
