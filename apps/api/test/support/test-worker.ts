import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { AppConfig } from '../../src/config/app-config';
import { WorkerModule } from '../../src/worker.module';
import { WorkerService } from '../../src/jobs/worker.service';

/** The real worker (same module graph as src/worker.ts) in the test process, on the test's queues. */
export async function startTestWorker(config: AppConfig): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: false, abortOnError: false });
  await app.get(WorkerService).start({ concurrency: 2 });
  return app;
}

export async function wachtTot<T>(beschrijving: string, probeer: () => Promise<T | undefined | null | false>, ms = 90_000): Promise<T> {
  const tot = Date.now() + ms;
  for (;;) {
    const r = await probeer();
    if (r) return r;
    if (Date.now() > tot) throw new Error(`timed out waiting for ${beschrijving}`);
    await new Promise((res) => setTimeout(res, 250));
  }
}
