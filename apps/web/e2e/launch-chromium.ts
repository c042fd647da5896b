import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's Chromium, headless, for every browser suite: playwright-core never downloads a browser, and the
 * background-networking flags keep Chromium from calling out of this closed network at start.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
