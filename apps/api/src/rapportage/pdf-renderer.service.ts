import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { metPdfEigenschappen, type PdfEigenschappen } from './pdf-eigenschappen';

const CHROMIUM_ARGS = [
  '--no-sandbox', // non-root containers without user namespaces (k8s restricted profile)
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--disable-extensions',
  '--mute-audio',
  '--renderer-process-limit=2',
];

/** pages open at once: a small pool, two by default (the worker runs two jobs at a time) */
const POOL = Math.max(1, Number(process.env.PDF_PAGINAS ?? 2));
/** a fresh browser context after this many documents keeps Chromium's memory bounded */
const DOCUMENTEN_PER_CONTEXT = 150;

/**
 * Accessible PDFs through Chromium's print-to-PDF with tagging on (headings and table structure
 * become PDF tags, headings the bookmarks). One warm browser per worker process, started on first
 * use, with a small pool of pages in a context without JavaScript (the report HTML has none; its
 * charts are static SVG): a page is reused for the next document (setContent replaces it), so a
 * document costs no page start-up. Afterwards the document properties Chromium does not write
 * (language, author, subject) are added as an incremental update (pdf-eigenschappen.ts).
 */
@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser?: Promise<Browser>;
  private context?: Promise<BrowserContext>;
  private vrij: Page[] = [];
  private open = 0;
  private wachtenden: ((p: Page) => void)[] = [];
  private documenten = 0;

  private start(): Promise<Browser> {
    this.browser ??= (async () => {
      const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
      if (!fs.existsSync(executablePath)) {
        throw new Error(`Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH`);
      }
      const b = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      b.on('disconnected', () => {
        this.browser = undefined;
        this.context = undefined;
        this.vrij = [];
        this.open = 0;
      });
      this.logger.log(`chromium started for PDF rendering (page pool ${POOL})`);
      return b;
    })().catch((err) => {
      this.browser = undefined;
      throw err;
    });
    return this.browser;
  }

  private async ctx(): Promise<BrowserContext> {
    this.context ??= this.start().then((b) => b.newContext({ javaScriptEnabled: false, locale: 'nl-NL' }));
    return this.context;
  }

  private async pak(): Promise<Page> {
    const p = this.vrij.pop();
    if (p && !p.isClosed()) return p;
    if (p) this.open--;
    if (this.open < POOL) {
      this.open++;
      try {
        return await (await this.ctx()).newPage();
      } catch (err) {
        this.open--;
        throw err;
      }
    }
    return new Promise((resolve) => this.wachtenden.push(resolve));
  }

  private async geefTerug(p: Page, kapot: boolean): Promise<void> {
    if (kapot || p.isClosed()) {
      this.open--;
      await p.close().catch(() => undefined);
      const w = this.wachtenden.shift();
      if (w) this.pak().then(w, () => undefined);
      return;
    }
    const w = this.wachtenden.shift();
    if (w) w(p);
    else this.vrij.push(p);
  }

  /** Recycles the context (all pages) between documents when it has served its share. */
  private async misschienVerversen(): Promise<void> {
    if (++this.documenten % DOCUMENTEN_PER_CONTEXT !== 0 || this.open !== this.vrij.length) return;
    const oud = this.context;
    const paginas = this.vrij;
    this.vrij = [];
    this.open = 0;
    this.context = undefined;
    await Promise.allSettled(paginas.map((p) => p.close()));
    await (await oud?.catch(() => undefined))?.close().catch(() => undefined);
  }

  async render(html: string, eigenschappen?: PdfEigenschappen): Promise<Buffer> {
    const page = await this.pak();
    let kapot = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        tagged: true,
        outline: true,
        printBackground: true,
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate:
          '<div style="font-size:7pt;width:100%;text-align:center;font-family:sans-serif">Thuismonitor · pagina <span class="pageNumber"></span> van <span class="totalPages"></span></div>',
      });
      return eigenschappen ? metPdfEigenschappen(pdf, eigenschappen) : pdf;
    } catch (err) {
      kapot = true;
      throw err;
    } finally {
      await this.geefTerug(page, kapot);
      await this.misschienVerversen();
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    this.context = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}
