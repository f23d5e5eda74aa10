// Builds the web app into apps/web/dist (served by the API at /). `node apps/web/build.mjs --watch`
// rebuilds on every change (npm run web:dev, with the API running beside it).
import path from 'node:path';
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
if (!watch) console.log(`web: gebouwd in ${path.relative(process.cwd(), outDir) || outDir}`);
