import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { startWebApp, WEB_DIST, type WebTestApp } from './support/web-app';

/**
 * Weight and speed (issue 14): the start page's initial JavaScript and CSS, and the time until it
 * is usable on an emulated 10 Mbit/s link with 40 ms latency (Chromium's own network emulation via
 * CDP, cache disabled). Prints the figures (also the benchmark: `node bench/web-bench.mjs`) and
 * holds the targets: initial JS ≤ 300 kB gzip, usable ≤ 1.5 s. Also: pre-compressed static files,
 * the theme's fonts as woff2, the logo.
 */
describe('webapp: gewicht en snelheid', () => {
  let t: WebTestApp;

  beforeAll(async () => {
    t = await startWebApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  /** The files index.html loads before any route code: its script, modulepreloads and stylesheet. */
  function initieleBestanden(): { js: string[]; css: string[] } {
    const html = fs.readFileSync(path.join(WEB_DIST, 'index.html'), 'utf8');
    const js = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
    const css = [...html.matchAll(/href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]);
    return { js, css };
  }

  it('serves the pre-compressed brotli/gzip copies, byte-identical to the file, and nothing outside dist', async () => {
    const { js, css } = initieleBestanden();
    for (const bestand of [...js, ...css]) {
      const ruw = fs.readFileSync(path.join(WEB_DIST, bestand));
      if (ruw.length < 1024) continue; // too small to gain from compression: the build leaves it alone
      const br = await fetch(`${t.url}${bestand}`, { headers: { 'accept-encoding': 'br, gzip' } });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(br.headers.get('content-type')).toMatch(bestand.endsWith('.js') ? /javascript/ : /text\/css/);
      expect(br.headers.get('cache-control')).toContain('immutable');
      // fetch decodes transparently: the body must be the original file
      expect(Buffer.from(await br.arrayBuffer()).equals(ruw)).toBe(true);
      const gz = await fetch(`${t.url}${bestand}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(gz.headers.get('content-encoding')).toBe('gzip');
      expect(Buffer.from(await gz.arrayBuffer()).equals(ruw)).toBe(true);
    }
    // a client without compression gets the plain file
    const plat = await fetch(`${t.url}${js[0]}`, { headers: { 'accept-encoding': 'identity' } });
    expect(plat.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plat.arrayBuffer()).equals(fs.readFileSync(path.join(WEB_DIST, js[0])))).toBe(
      true,
    );
    // an encoded ../ cannot reach a (pre-compressed) file outside the dist directory
    const buiten = await fetch(`${t.url}/assets/..%2f..%2fpackage.json`, {
      headers: { 'accept-encoding': 'br' },
    });
    // (what comes back is the SPA's index.html, compressed on the fly; not a file from outside)
    expect(buiten.headers.get('content-type')).toMatch(/text\/html/);
    expect(await buiten.text()).not.toContain('"workspaces"');
  });

  it('login works when the browser uses 127.0.0.1 while PUBLIC_URL says localhost (no "Failed to fetch")', async () => {
    const page = await t.pagina('ander-adres');
    const poort = new URL(t.url).port;
    await page.goto(`http://127.0.0.1:${poort}/afspraken`);
    // the API sends page requests to the public origin, where login, token exchange and API live
    await page.waitForURL(`${t.url}/afspraken`);
    await page.getByRole('button', { name: 'Aanmelden' }).click();
    await page.locator('button[name="username"][value="gemeente.utrecht"]').click();
    await page.getByRole('heading', { level: 1, name: 'Prestatieafspraken' }).waitFor();
    expect(await page.getByText('Failed to fetch').count()).toBe(0);
  });

  it('ships Noto Sans and Noto Serif as woff2 and uses them; the logo is an image, not a glyph', async () => {
    const page = await t.aanmelden('gemeente.utrecht');
    await page.evaluate(() => document.fonts.ready);
    const geladen = await page.evaluate(() => {
      const namen: string[] = [];
      document.fonts.forEach((f) => {
        if (f.status === 'loaded') namen.push(`${f.family.replace(/"/g, '')} ${f.weight}`);
      });
      return namen;
    });
    expect(geladen).toEqual(expect.arrayContaining(['Noto Sans 400', 'Noto Sans 700', 'Noto Serif 700']));
    expect(await page.evaluate(() => document.fonts.check('700 16px "Noto Serif"'))).toBe(true);
    const kop = await page.evaluate(() => getComputedStyle(document.querySelector('h1')!).fontFamily);
    expect(kop).toMatch(/^"?Noto Serif/);
    const logo = page.locator('.tm-logo svg');
    expect(await logo.count()).toBe(1);
    expect(await page.locator('.tm-logo').textContent()).toBe('Thuismonitor');
    const fonts = fs.readdirSync(path.join(WEB_DIST, 'assets')).filter((f) => f.endsWith('.woff2'));
    expect(fonts.length).toBeGreaterThanOrEqual(3);
  });

  it('initial JS ≤ 300 kB gzip and a usable start page within 1.5 s on 10 Mbit/s, 40 ms', async () => {
    const { js, css } = initieleBestanden();
    const gzip = (bestanden: string[]) =>
      bestanden.reduce((s, b) => s + zlib.gzipSync(fs.readFileSync(path.join(WEB_DIST, b))).length, 0);
    const jsGzip = gzip(js);
    const cssGzip = gzip(css);

    const page = await t.aanmelden('gemeente.utrecht');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 40,
      downloadThroughput: (10 * 1000 * 1000) / 8,
      uploadThroughput: (10 * 1000 * 1000) / 8,
    });
    const soort = new Map<string, string>();
    const codering = new Map<string, string>();
    const bytes = { Script: 0, Stylesheet: 0, Font: 0, overig: 0 };
    cdp.on('Network.responseReceived', (e) => {
      soort.set(e.requestId, e.type);
      const h = e.response.headers as Record<string, string>;
      codering.set(e.requestId, h['content-encoding'] ?? h['Content-Encoding'] ?? '');
    });
    let tellen = true;
    let configVerzoeken = 0;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (tellen && new URL(e.request.url).pathname === '/config.json') configVerzoeken++;
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (!tellen) return;
      const s = soort.get(e.requestId) as keyof typeof bytes | undefined;
      bytes[s && s in bytes ? s : 'overig'] += e.encodedDataLength;
    });

    // three cold loads (cache off each time; bytes counted on the first): the median is reported
    // and held to the target, so one slow moment on a shared machine does not decide
    const tijden: number[] = [];
    for (let ronde = 0; ronde < 3; ronde++) {
      tellen = ronde === 0;
      const t0 = Date.now();
      await page.goto(`${t.url}/`);
      await page.getByRole('heading', { level: 1, name: /^Welkom, / }).waitFor();
      // usable: the work list has loaded (no busy region left)
      await page.getByRole('heading', { level: 2, name: 'Uw werk' }).waitFor();
      await page.waitForFunction(() => !document.querySelector('#inhoud [aria-busy="true"]'), undefined, {
        polling: 20,
      });
      tijden.push(Date.now() - t0);
    }
    const bruikbaar = [...tijden].sort((x, y) => x - y)[1];
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await cdp.detach();

    const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
    console.log(
      [
        'web-bench (start page, gemeente.utrecht, 10 Mbit/s down+up, 40 ms, cache off):',
        `  initial JS  ${js.length} files, ${kB(jsGzip)} gzip; over the wire ${kB(bytes.Script)} (${[...new Set(codering.values())].filter(Boolean).join('/') || 'identity'})`,
        `  initial CSS ${css.length} file(s), ${kB(cssGzip)} gzip; over the wire ${kB(bytes.Stylesheet)}`,
        `  fonts over the wire ${kB(bytes.Font)}, other ${kB(bytes.overig)}`,
        `  usable start page after ${bruikbaar} ms (median of 3 cold loads: ${tijden.join(', ')} ms)`,
      ].join('\n'),
    );
    // the preload in index.html is the one request for the configuration (no second fetch)
    expect(configVerzoeken).toBe(1);
    expect(jsGzip).toBeLessThanOrEqual(300_000);
    expect(bytes.Script).toBeLessThanOrEqual(300_000);
    // time is a benchmark figure, not a test verdict (a busy machine, e.g. CI's own parallel
    // suites, would make it flaky): bench/web-bench.mjs sets WEB_BENCH=1 and holds the target
    if (process.env.WEB_BENCH === '1') expect(bruikbaar).toBeLessThanOrEqual(1500);
    expect(await t.axe(page)).toEqual([]);
  });
});
