import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigFout, loadConfig } from './config/app-config';
import { WorkerModule } from './worker.module';
import { WorkerService } from './jobs/worker.service';

/**
 * Worker entry point. SIGTERM/SIGINT: stop taking jobs, finish running ones, exit. A SIGKILL
 * leaves running jobs locked until their lock expires; BullMQ's stalled check then hands them to
 * another worker (jobs are written to be safe to run again).
 */
async function main(): Promise<void> {
  process.env.NODE_ENV ||= 'production'; // as in main.ts: unset = production
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.get(WorkerService).start({ concurrency: Number(process.env.WORKER_CONCURRENCY ?? 2) });
}

main().catch((err) => {
  console.error(err instanceof ConfigFout ? err.message : err);
  process.exit(1);
});
