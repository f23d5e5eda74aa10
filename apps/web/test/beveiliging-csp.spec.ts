import type { Page } from 'playwright-core';
import { startWebApp, type WebTestApp } from './support/web-app';

/**
 * The Content-Security-Policy (apps/api/src/beveiliging/http-headers.ts) fits the app: a real
 * Chromium loads the pages with charts and the map, signs in through the development provider,
 * and reports no CSP violation; the headers are there; hashed assets are cached for a year and
 * compressed; source maps are not served.
 */
describe('webapp under its Content-Security-Policy', () => {
  let t: WebTestApp;
  let page: Page;
  const schendingen: string[] = [];

  beforeAll(async () => {
    t = await startWebApp();
    // the page aanmelden() will use for this account
    page = await t.pagina('gemeente.utrecht');
    // every violation, as the browser reports it (console) and as the DOM event says
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) schendingen.push(m.text());
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(
          `Refused to (CSP event) ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
        );
      });
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it('sends the security headers on the SPA', async () => {
    const res = await fetch(`${t.url}/`);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    // plain http: no HSTS
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('signs in and shows the pages with charts and the map without a single CSP violation', async () => {
    page = await t.aanmelden('gemeente.utrecht');
    for (const pad of ['/voortgang', '/kaart', '/statushouders', '/landelijk', '/afspraken']) {
      await page.goto(`${t.url}${pad}`);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      // hover over any chart: ECharts builds its tooltip HTML with style attributes
      const grafiek = page.locator('canvas, svg').first();
      if (await grafiek.count()) await grafiek.hover({ force: true }).catch(() => undefined);
    }
    expect(schendingen).toEqual([]);
  });

  it('caches hashed assets for a year, compresses them, and serves no source maps', async () => {
    const html = await (await fetch(`${t.url}/`)).text();
    const js = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(js).toBeDefined();
    const res = await fetch(`${t.url}${js}`, { headers: { 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect((await fetch(`${t.url}${js}.map`)).status).toBe(404);
  });
});
