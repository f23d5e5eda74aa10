import { Module, type DynamicModule } from '@nestjs/common';
import { DevIssuer } from '@thuismonitor/auth';
import type { AppConfig } from '../config/app-config';
import { DEMO_ACCOUNTS } from '../demo';
import { DevOidcController } from './dev-oidc.controller';

export function devIssuerUrl(config: AppConfig): string {
  return `${config.publicUrl}/dev-oidc`;
}

/**
 * Mounted only when DEV_OIDC=true switches it on; a missing OIDC_ISSUER_URL is a configuration
 * error, never a reason to start it. loadConfig refuses DEV_OIDC with NODE_ENV=production; the
 * check below is a second lock.
 */
@Module({})
export class DevOidcModule {
  static voor(config: AppConfig): DynamicModule {
    if (!config.devOidc) return { module: DevOidcModule };
    if (config.nodeEnv === 'production') {
      throw new Error('The development OpenID provider cannot run with NODE_ENV=production');
    }
    return {
      module: DevOidcModule,
      controllers: [DevOidcController],
      providers: [
        {
          provide: DevIssuer,
          useFactory: () => DevIssuer.fromKeyFile(config.devOidcKeyFile, devIssuerUrl(config), DEMO_ACCOUNTS),
        },
      ],
    };
  }
}
