// Builds the web app into apps/web/dist (served by the API at /). `node apps/web/build.mjs --watch`
// rebuilds on every change (npm run web:dev, with the API running beside it).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const dir = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
// Source maps only for the development watch build: dist is what the API serves, and a public map
// hands out the whole source (issue 10). The API also answers 404 for any *.map (app.factory.ts).
// WEB_DIST_DIR (the same variable the API serves from) lets two builds on one machine use their
// own directories, e.g. two test runs of different working copies side by side.
const outDir = process.env.WEB_DIST_DIR ? path.resolve(process.env.WEB_DIST_DIR) : path.join(dir, 'dist');
await build({
  configFile: path.join(dir, 'vite.config.mjs'),
  build: watch ? { watch: {}, sourcemap: true, outDir } : { sourcemap: false, outDir },
});
if (!watch) voorafGecomprimeerd(outDir);
if (!watch) console.log(`web: gebouwd in ${path.relative(process.cwd(), outDir) || outDir}`);

/**
 * Brotli (quality 11) and gzip (level 9) copies next to every compressible file, made once at build
 * time; the API sends them to browsers that accept them (app.factory.ts) instead of compressing the
 * same files again on every request. Files under 1 kB are left alone (no gain).
 */
function voorafGecomprimeerd(dir) {
  const comprimeerbaar = /\.(js|css|svg|json|topojson|txt|md)$/;
  for (const item of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!item.isFile() || !comprimeerbaar.test(item.name)) continue;
    const bestand = path.join(item.parentPath, item.name);
    const inhoud = fs.readFileSync(bestand);
    if (inhoud.length < 1024) continue;
    fs.writeFileSync(
      `${bestand}.br`,
      zlib.brotliCompressSync(inhoud, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: inhoud.length,
        },
      }),
    );
    fs.writeFileSync(`${bestand}.gz`, zlib.gzipSync(inhoud, { level: 9 }));
  }
}
