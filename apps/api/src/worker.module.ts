import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config/app-config';
import { kernModules } from './app.module';
import { FEATURE_MODULES } from './feature-modules';

/** The worker: same code base, no HTTP. Feature modules bring their @JobHandler providers. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return { module: WorkerModule, imports: [...kernModules(config), ...FEATURE_MODULES] };
  }
}
