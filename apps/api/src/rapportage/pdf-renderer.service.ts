import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
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
/**
 * A fresh browser context after this many documents keeps Chromium's memory bounded: the
 * retired context's pages finish their document, then it is closed (also while the other page
 * keeps rendering, which is nearly always during a run).
 */
const DOCUMENTEN_PER_CONTEXT = Math.max(1, Number(process.env.PDF_DOCUMENTEN_PER_CONTEXT ?? 60));

/**
 * Accessible PDFs through Chromium's print-to-PDF with tagging on (headings and table structure
 * become PDF tags, headings the bookmarks). One warm browser per worker process, started on first
 * use, with a small pool of pages in a context without JavaScript (the report HTML has none; its
 * charts are static SVG): a page is reused for the next document (setContent replaces it), so a
 * document costs no page start-up; every DOCUMENTEN_PER_CONTEXT documents the context is renewed. Afterwards the document properties Chromium does not write
 * (language, author, subject) are added as an incremental update (pdf-eigenschappen.ts).
 */
interface Generatie {
  context: Promise<BrowserContext>;
  /** pages of this context that exist (in use or free) */
  paginas: number;
  documenten: number;
}

@Injectable()
export class PdfRenderer implements OnApplicationShutdown {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser?: Promise<Browser>;
  /** the context new pages come from; an older one is closed when its last page comes back */
  private huidig?: Generatie;
  private readonly vanPagina = new Map<Page, Generatie>();
  private vrij: Page[] = [];
  private open = 0;
  private wachtenden: ((p: Page) => void)[] = [];

  private start(): Promise<Browser> {
    this.browser ??= (async () => {
      const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
      if (!fs.existsSync(executablePath)) {
        throw new Error(
          `Chromium not found at ${executablePath}: install Debian's chromium package or set CHROMIUM_PATH`,
        );
      }
      const b = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
      b.on('disconnected', () => {
        this.browser = undefined;
        this.huidig = undefined;
        this.vanPagina.clear();
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

  private generatie(): Generatie {
    this.huidig ??= {
      context: this.start().then((b) => b.newContext({ javaScriptEnabled: false, locale: 'nl-NL' })),
      paginas: 0,
      documenten: 0,
    };
    return this.huidig;
  }

  private async pak(): Promise<Page> {
    while (this.vrij.length) {
      const p = this.vrij.pop()!;
      if (!p.isClosed()) return p;
      await this.weg(p);
    }
    if (this.open < POOL) {
      this.open++;
      const g = this.generatie();
      g.paginas++;
      try {
        const p = await (await g.context).newPage();
        this.vanPagina.set(p, g);
        return p;
      } catch (err) {
        this.open--;
        g.paginas--;
        if (this.huidig === g) this.huidig = undefined;
        throw err;
      }
    }
    return new Promise((resolve) => this.wachtenden.push(resolve));
  }

  /** closes a page for good; its context too when that is retired and this was its last page */
  private async weg(p: Page): Promise<void> {
    const g = this.vanPagina.get(p);
    this.vanPagina.delete(p);
    this.open--;
    await p.close().catch(() => undefined);
    if (g && --g.paginas === 0 && g !== this.huidig)
      await (await g.context.catch(() => undefined))?.close().catch(() => undefined);
  }

  private async geefTerug(p: Page, kapot: boolean): Promise<void> {
    const g = this.vanPagina.get(p);
    if (g && ++g.documenten >= DOCUMENTEN_PER_CONTEXT && this.huidig === g) this.huidig = undefined; // retire it
    if (kapot || p.isClosed() || !g || g !== this.huidig) {
      await this.weg(p);
      const w = this.wachtenden.shift();
      if (w) this.pak().then(w, () => this.wachtenden.unshift(w));
      return;
    }
    const w = this.wachtenden.shift();
    if (w) w(p);
    else this.vrij.push(p);
  }

  /** `tijden` (optional) gets the ms spent waiting for a free page and rendering, added to it */
  async render(
    html: string,
    eigenschappen?: PdfEigenschappen,
    tijden?: { pdfWacht?: number; pdf?: number },
  ): Promise<Buffer> {
    const t0 = performance.now();
    const page = await this.pak();
    const t1 = performance.now();
    let kapot = false;
    try {
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        tagged: true,
        outline: true,
        printBackground: true,
        preferCSSPageSize: true,
        // no displayHeaderFooter: the page number is a CSS @page margin box in the document
        // (rapportage-html.ts); Chromium's header/footer templates are laid out as a separate
        // document per page, which cost about a third of the PDF's rendering time
      });
      return eigenschappen ? metPdfEigenschappen(pdf, eigenschappen) : pdf;
    } catch (err) {
      kapot = true;
      throw err;
    } finally {
      await this.geefTerug(page, kapot);
      if (tijden) {
        tijden.pdfWacht = (tijden.pdfWacht ?? 0) + t1 - t0;
        tijden.pdf = (tijden.pdf ?? 0) + performance.now() - t1;
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    this.huidig = undefined;
    if (b) await (await b.catch(() => undefined))?.close().catch(() => undefined);
  }
}
