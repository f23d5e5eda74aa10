// The test command (`npm test`): find or start Postgres and Redis like the run command, then run
// jest. Integration tests create their own databases (template + one clone per test file) and
// their own BullMQ prefix, so runs on the same machine do not collide.
import { spawn } from 'node:child_process';
import { resolvePostgres, resolveRedis, ROOT } from './lib/local-services.mjs';

const pg = await resolvePostgres();
const redis = await resolveRedis();
const args = process.argv.slice(2);
const child = spawn(process.execPath, ['node_modules/jest/bin/jest.js', ...args], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, TEST_ADMIN_DATABASE_URL: pg.adminUrl, TEST_REDIS_URL: redis.url },
});
child.on('exit', async (code) => {
  await redis.stop();
  await pg.stop();
  process.exit(code ?? 1);
});
