import { Module, type DynamicModule } from '@nestjs/common';
import { DevIssuer } from '@thuismonitor/auth';
import type { AppConfig } from '../config/app-config';
import { DEMO_ACCOUNTS } from '../demo/demo-data';
import { DevOidcController } from './dev-oidc.controller';

export function devIssuerUrl(config: AppConfig): string {
  return `${config.publicUrl}/dev-oidc`;
}

/** Mounted only without OIDC_ISSUER_URL; loadConfig already refuses that combination in production. */
@Module({})
export class DevOidcModule {
  static voor(config: AppConfig): DynamicModule {
    if (config.oidcIssuerUrl) return { module: DevOidcModule };
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
