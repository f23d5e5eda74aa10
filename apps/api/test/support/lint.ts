import path from 'node:path';
import { spawnSync } from 'node:child_process';

const ROOT = path.resolve(__dirname, '../../../..');

export interface LintVraag {
  /** code linted as if it were the file at filePath (relative to the repository root) */
  snippets: { code: string; filePath: string }[];
  /** real files to lint as they are */
  files: string[];
}

/**
 * Lints with the repository's own ESLint configuration, in a child process (lint-tekst.mjs): jest's
 * module sandbox cannot load eslint.config.mjs. One process for all snippets and files, because
 * starting ESLint with typescript-eslint takes seconds. Answers per snippet "ruleId: message" and
 * per file "path:line ruleId: message".
 */
export function lint(vraag: LintVraag): { snippets: string[][]; files: string[] } {
  const r = spawnSync(process.execPath, [path.join(__dirname, 'lint-tekst.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(vraag),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  return JSON.parse(r.stdout);
}
