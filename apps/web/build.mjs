// Placeholder build until the React app lands (issue 6): copies the static page to dist/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
const dir = path.dirname(fileURLToPath(import.meta.url));
fs.mkdirSync(path.join(dir, 'dist'), { recursive: true });
fs.copyFileSync(path.join(dir, 'index.html'), path.join(dir, 'dist/index.html'));
