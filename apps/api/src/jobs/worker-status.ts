import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { RedisHealth } from './redis-health';

@Injectable()
export class WorkerStatus {
  constructor(
    private readonly redis: RedisHealth,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  private get key() {
    return `${this.config.queuePrefix}:worker:heartbeat`;
  }

  async registreer(tijdstip: string): Promise<void> {
    await this.redis.client.set(this.key, tijdstip, 'EX', 120);
  }

  async laatste(): Promise<string | null> {
    try {
      return await this.redis.client.get(this.key);
    } catch {
      return null;
    }
  }
}
