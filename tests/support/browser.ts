import {type Browser, chromium} from 'playwright-core'

/**
 * Debian's Chromium, headless, with the flags this machine needs: no sandbox as root, and no
 * background traffic to hosts the closed network refuses. Certificate errors are ignored for
 * the local lake's self-signed certificate.
 *
 * @returns the browser; close it when done
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--ignore-certificate-errors',
    ],
  })
}
