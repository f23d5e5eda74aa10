// Lints code snippets with the repository's ESLint configuration, outside jest (ESLint loads
// eslint.config.mjs with a dynamic import, which jest's module sandbox refuses).
// stdin: JSON [{ code, filePath }] (filePath relative to the repository root), or { files: [globs] };
// stdout: JSON, per snippet or file the messages "ruleId: message" (files: "path:line ruleId: message").
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
let invoer = '';
for await (const deel of process.stdin) invoer += deel;
const vraag = JSON.parse(invoer);
const eslint = new ESLint({ cwd: ROOT });
if (Array.isArray(vraag)) {
  const uit = [];
  for (const { code, filePath } of vraag) {
    const [r] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
    uit.push(r.messages.map((m) => `${m.ruleId}: ${m.message}`));
  }
  process.stdout.write(JSON.stringify(uit));
} else {
  const resultaten = await eslint.lintFiles(vraag.files);
  process.stdout.write(
    JSON.stringify(
      resultaten.flatMap((r) =>
        r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
      ),
    ),
  );
}
