import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM_ARGS = [
  '--no-sandbox', // non-root containers without user namespaces (k8s restricted profile)
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Accessible PDFs through Chromium's print-to-PDF with tagging on (headings and table structure
 * become PDF tags). One browser per worker process, started on first use; a fresh page per
 * document so nothing leaks between reports.
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser?: Promise<Browser>;

  private start(): Promise<Browser> {
    this.browser ??= (async () => {
      const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
      if (!fs.existsSync(executablePath)) {
        throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH`);
      }
      const b = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      b.on('disconnected', () => (this.browser = undefined));
      this.logger.log('chromium started for PDF rendering');
      return b;
    })().catch((err) => {
      this.browser = undefined;
      throw err;
    });
    return this.browser;
  }

  async render(html: string): Promise<Buffer> {
    const browser = await this.start();
    const page = await browser.newPage();
    try {
      await page.setContent(html, { waitUntil: 'load' });
      return await page.pdf({
        tagged: true,
        outline: true,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:7pt;width:100%;text-align:center;font-family:sans-serif">Thuismonitor · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>',
      });
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}
