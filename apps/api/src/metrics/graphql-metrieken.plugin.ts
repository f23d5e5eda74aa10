import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { Kind, type OperationDefinitionNode } from 'graphql';
import { Plugin } from '@nestjs/apollo';
import { Metrieken } from './metrieken';

/**
 * Apollo plugin (found by @nestjs/apollo through @Plugin): latency per GraphQL operation name and
 * type, and operations answered with errors by error code. Parse and validation failures (no
 * operation) count under the name the client sent or "anonymous".
 */
@Plugin()
export class GraphqlMetriekenPlugin implements ApolloServerPlugin {
  constructor(private readonly metrieken: Metrieken) {}

  async requestDidStart(): Promise<GraphQLRequestListener<Record<string, unknown>>> {
    const start = process.hrtime.bigint();
    const m = this.metrieken;
    return {
      async willSendResponse({ request, operation, operationName, document, errors, response }) {
        // a query that fails validation has no resolved operation: take it from the parsed document
        const def =
          operation ??
          (document?.definitions.find(
            (d) =>
              d.kind === Kind.OPERATION_DEFINITION &&
              (!request.operationName || d.name?.value === request.operationName),
          ) as OperationDefinitionNode | undefined);
        const naam = m.graphqlOperatie(operationName ?? request.operationName ?? def?.name?.value);
        const soort = def?.operation ?? 'unknown';
        m.graphqlDuur.observe(
          { operation_name: naam, operation_type: soort },
          Number(process.hrtime.bigint() - start) / 1e9,
        );
        const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
        const fouten = errors ?? body?.errors ?? [];
        for (const code of new Set(
          fouten.map((f) => String(f.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
        )) {
          m.graphqlFouten.inc({ operation_name: naam, code });
        }
      },
    };
  }
}
