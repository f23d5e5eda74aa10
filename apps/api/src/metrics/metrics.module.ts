import { Global, Module } from '@nestjs/common';
import { Metrieken } from './metrieken';
import { MetricsServer } from './metrics-server';
import { GraphqlMetriekenPlugin } from './graphql-metrieken.plugin';

/** Prometheus metrics for the API and the worker (both import it through kernModules). */
@Global()
@Module({
  providers: [Metrieken, MetricsServer, GraphqlMetriekenPlugin],
  exports: [Metrieken, MetricsServer],
})
export class MetricsModule {}
