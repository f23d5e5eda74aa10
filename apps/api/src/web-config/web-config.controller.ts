import { Controller, Get, Header, Inject, Module } from '@nestjs/common';
import { Publiek, WEB_CLIENT_ID } from '@thuismonitor/auth';
import type { WebConfig } from '@thuismonitor/domain';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/app-config';
import { devIssuerUrl } from '../dev-oidc/dev-oidc.module';

export type { WebConfig };

/**
 * Runtime configuration for the web app (GET /config.json, public): which OpenID issuer to log in
 * with (Keycloak, or the embedded development provider) and where the API is. One build of the
 * web app then serves every environment.
 */
@Controller()
@Publiek()
export class WebConfigController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('config.json')
  @Header('Cache-Control', 'no-cache')
  webConfig(): WebConfig {
    return {
      issuer: this.config.oidcIssuerUrl ?? devIssuerUrl(this.config),
      clientId: WEB_CLIENT_ID,
      apiUrl: this.config.publicUrl,
    };
  }
}

@Module({ controllers: [WebConfigController] })
export class WebConfigModule {}
