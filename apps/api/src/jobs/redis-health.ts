import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type IORedis from 'ioredis';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { apiConnection } from './redis-connection';

@Injectable()
export class RedisHealth implements OnModuleDestroy {
  readonly client: IORedis;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.client = apiConnection(config.redisUrl, { lazyConnect: true });
    this.client.on('error', () => undefined); // state is reported by ping(), not by log spam
    this.client.connect().catch(() => undefined);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.client.disconnect();
  }
}
