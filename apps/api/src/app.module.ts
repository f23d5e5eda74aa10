import {
  Module,
  RequestMethod,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
} from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { KlokModule } from './common/klok';
import { dataSourceOptions } from './database/data-source-options';
import { DatabaseModule } from './database/database.module';
import { AuthModule } from './auth/auth.module';
import { AuthenticatieMiddleware } from './auth/authenticatie.middleware';
import { DevOidcModule } from './dev-oidc/dev-oidc.module';
import { formatGraphqlFout } from './common/graphql-fouten';
import { HealthController } from './health/health.controller';
import { JobsModule } from './jobs/jobs.module';
import { ReferentieModule } from './referentie/referentie.module';
import { OrganisatieModule } from './organisatie/organisatie.module';
import { API_FEATURE_MODULES, FEATURE_MODULES } from './feature-modules';
import { loggerOpties } from './logging/logger-opties';
import { MetricsModule } from './metrics/metrics.module';
import { graphqlBeveiliging, vertaalLimietFout } from './beveiliging/graphql-limieten';
import { VerzoekLimietMiddleware } from './beveiliging/rate-limieten';
import { VoortgangAntwoordMiddleware } from './voortgang';

/** Shared by the API and the worker entry points: configuration, logging, database. */
export function kernModules(config: AppConfig) {
  return [
    ConfigModule.forRoot(config),
    // the one source of "now" and "today" (common/klok.ts; KLOK_VAST fixes it in tests)
    KlokModule,
    // JSON logs with request ids; pretty in development (logging/logger-opties.ts)
    LoggerModule.forRoot(loggerOpties(config)),
    MetricsModule,
    TypeOrmModule.forRoot(dataSourceOptions(config.databaseUrl, config.databasePoolSize)),
    DatabaseModule,
    JobsModule.forRoot(),
    // reference data and organisations: needed by API features and by report jobs alike
    ReferentieModule,
    OrganisatieModule,
  ];
}

@Module({})
export class AppModule implements NestModule {
  static forRoot(config: AppConfig): DynamicModule {
    // cost limits, no introspection or field suggestions in production (beveiliging/graphql-limieten.ts)
    const limieten = graphqlBeveiliging(config.nodeEnv === 'production');
    return {
      module: AppModule,
      imports: [
        ...kernModules(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: config.graphqlSchemaFile ?? true,
          sortSchema: true,
          playground: false,
          introspection: limieten.introspection,
          validationRules: limieten.validationRules,
          parseOptions: limieten.parseOptions,
          // no cache hints are used; Apollo's default cache-control plugin would wrap every field's
          // resolver (willResolveField), ~10% of the time of a large answer (docs/decisions.md, load benchmark)
          plugins: [...limieten.plugins, ApolloServerPluginCacheControlDisabled()],
          allowBatchedHttpRequests: false,
          includeStacktraceInErrorResponses: false,
          formatError: (formatted, error) =>
            vertaalLimietFout(formatted) ?? formatGraphqlFout(formatted, error),
          context: ({ req }: { req: unknown }) => ({ req }),
        }),
        AuthModule.forRoot(config),
        DevOidcModule.voor(config),
        ...FEATURE_MODULES,
        ...API_FEATURE_MODULES,
      ],
      controllers: [HealthController],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer
      // the token check (a failure counted, the brake applied), then IP, user and brake in one count (beveiliging/)
      .apply(AuthenticatieMiddleware, VerzoekLimietMiddleware)
      .forRoutes(
        { path: 'graphql', method: RequestMethod.ALL },
        { path: 'api/*path', method: RequestMethod.ALL },
      )
      // after authentication and limits: whole voortgang answers for the same principal and data
      // generation; a write's answer (a mutation, the REST import) raises that generation
      .apply(VoortgangAntwoordMiddleware)
      .forRoutes(
        { path: 'graphql', method: RequestMethod.POST },
        { path: 'api/*path', method: RequestMethod.POST },
      );
  }
}
