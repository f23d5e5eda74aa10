// Lints code snippets with the repository's ESLint configuration, outside jest (ESLint loads
// eslint.config.mjs with a dynamic import, which jest's module sandbox refuses).
// stdin: JSON { snippets: [{ code, filePath }] (filePath relative to the repository root), files: [paths] };
// stdout: JSON { snippets: per snippet ["ruleId: message"], files: ["path:line ruleId: message"] }.
// One process for everything: starting ESLint with typescript-eslint takes seconds.
import path from 'node:path';
import { ESLint } from 'eslint';

const ROOT = path.resolve(import.meta.dirname, '../../../..');
let invoer = '';
for await (const deel of process.stdin) invoer += deel;
const vraag = JSON.parse(invoer);
const eslint = new ESLint({ cwd: ROOT });
const uit = { snippets: [], files: [] };
for (const { code, filePath } of vraag.snippets ?? []) {
  const [r] = await eslint.lintText(code, { filePath: path.join(ROOT, filePath) });
  uit.snippets.push(r.messages.map((m) => `${m.ruleId}: ${m.message}`));
}
if (vraag.files?.length) {
  for (const r of await eslint.lintFiles(vraag.files)) {
    uit.files.push(
      ...r.messages.map((m) => `${path.relative(ROOT, r.filePath)}:${m.line} ${m.ruleId}: ${m.message}`),
    );
  }
}
process.stdout.write(JSON.stringify(uit));
