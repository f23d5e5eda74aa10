/**
 * Browser tests: the real API in-process (own database, DEV_OIDC=true so the embedded
 * development OpenID provider handles the login) serving the built web app, driven by Debian's
 * Chromium through playwright-core. One browser per test file; one context per signed-in account.
 */
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { Pool } from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { createApi } from '../../../api/src/app.factory';
import { loadConfig } from '../../../api/src/config/app-config';
import { maakTestDatabase } from '../../../api/test/support/test-database';
import { testPool } from '../../../api/test/support/test-pool';
import { WorkerService } from '../../../api/src/jobs/worker.service';
import { WorkerModule } from '../../../api/src/worker.module';

// project-level testTimeout is not applied per project by jest; browser steps need more than 5 s
jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../../../..');
export const WEB_DIST = process.env.WEB_DIST_DIR
  ? path.resolve(process.env.WEB_DIST_DIR)
  : path.join(ROOT, 'apps/web/dist');
export const SCREENSHOTS = path.join(ROOT, 'artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

async function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

let teller = 0;

export class WebTestApp {
  private readonly contexts = new Map<string, { context: BrowserContext; page: Page }>();

  constructor(
    readonly app: INestApplication,
    readonly url: string,
    readonly browser: Browser,
    /** admin access to this test's database (bypasses RLS), for checks */
    readonly db: Pool,
    private readonly dropDb: () => Promise<void>,
    private readonly tmpDir: string,
    private readonly worker?: INestApplicationContext,
  ) {}

  /** A page in its own browser context (own sessionStorage), reused per key. */
  async pagina(sleutel = 'standaard'): Promise<Page> {
    let c = this.contexts.get(sleutel);
    if (!c) {
      const context = await this.browser.newContext({
        locale: 'nl-NL',
        timezoneId: 'Europe/Amsterdam',
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      c = { context, page };
      this.contexts.set(sleutel, c);
    }
    return c.page;
  }

  /** Logs in through the real login page of the development provider; returns that account's page. */
  async aanmelden(account: string): Promise<Page> {
    const page = await this.pagina(account);
    await page.goto(`${this.url}/`);
    const kop = page.getByRole('heading', { level: 1, name: /^Welkom/ });
    await kop.waitFor();
    if ((await kop.textContent())?.startsWith('Welkom, ')) return page; // this context is signed in already
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.waitForURL(/\/dev-oidc\/protocol\/openid-connect\/auth/);
    await page.locator(`button[name="username"][value="${account}"]`).click();
    await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
    return page;
  }

  /** axe-core: no WCAG 2.1 A/AA violations on the current page. Returns a readable list for expect. */
  async axe(page: Page): Promise<string[]> {
    const resultaat = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return resultaat.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 5)
          .join(' | ')}`,
    );
  }

  async screenshot(page: Page, naam: string): Promise<void> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENSHOTS, `${naam}.png`), fullPage: true });
  }

  /** Writes a file for an upload and returns its path. */
  bestand(naam: string, inhoud: string): string {
    const p = path.join(this.tmpDir, naam);
    fs.writeFileSync(p, inhoud);
    return p;
  }

  async close(): Promise<void> {
    for (const { context } of this.contexts.values()) await context.close().catch(() => undefined);
    await this.browser.close().catch(() => undefined);
    await this.worker?.close().catch(() => undefined);
    await this.app.close();
    await this.db.end();
    await this.dropDb();
    fs.rmSync(this.tmpDir, { recursive: true, force: true });
  }
}

export async function startWebApp(
  opties: { env?: Record<string, string>; worker?: boolean } = {},
): Promise<WebTestApp> {
  const env = opties.env ?? {};
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) {
    throw new Error(
      'apps/web/dist is not built: run the tests via `node scripts/test.mjs` (it builds the web app first)',
    );
  }
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tm-web-'));
  const database = await maakTestDatabase();
  const port = await vrijePoort();
  const publicUrl = `http://localhost:${port}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    REDIS_URL: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
    PORT: String(port),
    PUBLIC_URL: publicUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    QUEUE_PREFIX: `tm-webtest-${database.naam}-${++teller}`,
    DATABASE_POOL_SIZE: '5',
    DEV_OIDC: 'true',
    DEV_OIDC_KEY_FILE: path.join(tmpDir, 'dev-oidc-key.json'),
    WEB_DIST_DIR: WEB_DIST,
    // hundreds of requests from 127.0.0.1 per test file: rate limits out of the way, except
    // where a test sets them low on purpose (beveiliging-http.spec.ts)
    RATE_LIMIT_IP: '1000000',
    RATE_LIMIT_USER: '1000000',
    AUTH_FAILURE_LIMIT: '1000000',
    ...env,
  });
  let app: INestApplication | undefined;
  let browser: Browser | undefined;
  let worker: INestApplicationContext | undefined;
  try {
    app = await createApi(config);
    await app.listen(port, '127.0.0.1');
    if (opties.worker) {
      // the real BullMQ worker (report generation) in this process, on this test's queues
      worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
        logger: false,
        abortOnError: false,
      });
      await worker.get(WorkerService).start({ concurrency: 1 });
    }
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP localhost 127.0.0.1',
        '--lang=nl-NL',
      ],
    });
  } catch (err) {
    await browser?.close().catch(() => undefined);
    await worker?.close().catch(() => undefined);
    await app?.close().catch(() => undefined);
    await database.drop().catch(() => undefined);
    fs.rmSync(tmpDir, { recursive: true, force: true });
    throw err;
  }
  const db = testPool(database.url, 2);
  return new WebTestApp(app, publicUrl, browser, db, database.drop, tmpDir, worker);
}

/**
 * Follows a link of the main menu (the navigation "Hoofdmenu"), as a keyboard or mouse user would,
 * and returns once the address is the link's: the next locator then finds the new page, not a
 * field of the page that is being left (both may have a "Gemeente" field).
 */
export async function naarMenu(page: Page, naam: string): Promise<void> {
  const link = page
    .getByRole('navigation', { name: 'Hoofdmenu' })
    .getByRole('link', { name: naam, exact: true });
  const doel = new URL((await link.getAttribute('href')) ?? '', page.url()).pathname;
  await link.click();
  await page.waitForURL((u) => u.pathname === doel);
}
