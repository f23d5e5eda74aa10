import { Global, Module, type DynamicModule } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { RedisHealth } from './redis-health';
import { WorkerStatus } from './worker-status';
import { SysteemHeartbeatHandler } from './systeem-heartbeat.handler';
import { WorkerService } from './worker.service';

/** Queues and handlers live in both processes; only the worker entry point calls WorkerService.start(). */
@Global()
@Module({})
export class JobsModule {
  static forRoot(): DynamicModule {
    return {
      module: JobsModule,
      imports: [DiscoveryModule],
      providers: [RedisHealth, WorkerStatus, SysteemHeartbeatHandler, WorkerService],
      exports: [RedisHealth, WorkerStatus, WorkerService],
    };
  }
}
