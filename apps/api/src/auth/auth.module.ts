import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard, TokenVerifier } from '@thuismonitor/auth';
import type { AppConfig } from '../config/app-config';
import { devIssuerUrl } from '../dev-oidc/dev-oidc.module';
import { PrincipalResolver } from './principal-resolver.service';
import { AuthenticatieMiddleware } from './authenticatie.middleware';
import { VerzoekTellers } from '../beveiliging/verzoek-tellers';

@Global()
@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        {
          provide: TokenVerifier,
          useFactory: () =>
            new TokenVerifier({
              issuer: config.oidcIssuerUrl ?? devIssuerUrl(config),
              audience: config.oidcAudience,
              jwksUrl: config.oidcJwksUrl,
            }),
        },
        PrincipalResolver,
        VerzoekTellers,
        AuthenticatieMiddleware,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier, PrincipalResolver, VerzoekTellers, AuthenticatieMiddleware],
    };
  }
}
