// Builds the web app into apps/web/dist (served by the API at /). `node apps/web/build.mjs --watch`
// rebuilds on every change (npm run web:dev, with the API running beside it).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const dir = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');
await build({ configFile: path.join(dir, 'vite.config.mjs'), build: watch ? { watch: {} } : {} });
if (!watch) console.log('web: gebouwd in apps/web/dist');
