import { Logger } from '@nestjs/common';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import {
  getNamedType,
  getNullableType,
  GraphQLError,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type ASTVisitor,
  type GraphQLFormattedError,
  type GraphQLNamedType,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';

/**
 * Query cost limits (GraphQL Armor). Measured on the web app's own operations (every file in
 * apps/web/src/graphql, with the __typename fields Apollo Client adds; the test
 * beveiliging-graphql.spec.ts re-checks them all): deepest 5 with fragments flattened, highest cost
 * 296, most tokens 371 (all fragments included), no aliases, no directives. The limits leave room
 * for growth but refuse the attack shapes of issue 10 (depth 9 and 25, 1,000 aliases) before any
 * resolver runs.
 */
export const GRAPHQL_LIMIETEN = {
  /** field depth, fragments flattened (a fragment spread is not a level of its own) */
  diepte: 7,
  aliassen: 10,
  directieven: 10,
  /**
   * GraphQL Armor cost: object 2, scalar 1, times 1.5 per level of depth, times a literal
   * first/last. Armor's default; a page of 100 toewijzingen with eight fields costs 3,725 (the
   * attack suite's collector), the web app passes first as a variable (not counted).
   */
  kosten: 5000,
  /** lexer tokens: checked by graphql-js while parsing, before a big document is ever built */
  tokens: 1000,
  /**
   * lists inside lists along one path (web app: 2). Armor's cost does not multiply by list
   * length, so gemeenten → provincie → gemeenten → provincie → gemeenten (depth 6, cost 34) would
   * pass it and return 342 × ~30 × ~30 objects. Two rules: a list of some type inside a list of
   * the same type (the recursion gemeenten → provincie → gemeenten) is refused at any depth, and
   * at most three lists of different types nest (prestatieafspraken → afspraken → partijen).
   */
  genesteLijsten: 3,
} as const;

/** Code in extensions of every refusal, so clients (and tests) can tell it from other errors. */
export const TE_ZWARE_VRAAG = 'TE_ZWARE_VRAAG';

const logger = new Logger('GraphQLLimieten');

const MELDINGEN: Record<string, string> = {
  diepte: `de vraag is te diep genest (maximaal ${GRAPHQL_LIMIETEN.diepte} niveaus)`,
  aliassen: `de vraag gebruikt te veel aliassen (maximaal ${GRAPHQL_LIMIETEN.aliassen})`,
  directieven: `de vraag gebruikt te veel directieven (maximaal ${GRAPHQL_LIMIETEN.directieven})`,
  kosten: 'de vraag vraagt te veel gegevens tegelijk',
  tokens: 'de vraag is te lang',
  genesteLijsten: `de vraag nest te veel lijsten in elkaar (maximaal ${GRAPHQL_LIMIETEN.genesteLijsten}, en geen lijst binnen een lijst van hetzelfde soort)`,
};

function nederlands(limiet: keyof typeof MELDINGEN): string {
  return `Deze vraag aan de API is geweigerd: ${MELDINGEN[limiet]}. Vraag minder gegevens tegelijk op.`;
}

/** Logs the library's English reason and reports a Dutch error instead (the request stops at validation). */
function weiger(limiet: keyof typeof MELDINGEN): GraphQLArmorRejectCallback {
  return (ctx: ValidationContext | null, fout: GraphQLError) => {
    logger.warn(`GraphQL operation refused (${limiet}): ${fout.message}`);
    ctx?.reportError(new GraphQLError(nederlands(limiet), { extensions: { code: TE_ZWARE_VRAAG, limiet } }));
  };
}

/** Deepest nesting of list-typed fields in an operation, fragments followed (cycles cut). */
export function genesteLijsten(
  context: ValidationContext,
  set: SelectionSetNode,
  type: GraphQLNamedType,
  pad: Set<string> = new Set(),
  lijstTypen: ReadonlySet<string> = new Set(),
): number {
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (!isObjectType(type) && !isInterfaceType(type)) continue;
      const veld = type.getFields()[sel.name.value];
      if (!veld) continue;
      const element = getNamedType(veld.type);
      const isLijst = isListType(getNullableType(veld.type));
      // a list of a type inside a list of the same type multiplies without bound: refuse
      if (isLijst && sel.selectionSet && lijstTypen.has(element.name)) return Number.POSITIVE_INFINITY;
      const binnen = sel.selectionSet
        ? genesteLijsten(
            context,
            sel.selectionSet,
            element,
            pad,
            isLijst ? new Set([...lijstTypen, element.name]) : lijstTypen,
          )
        : 0;
      max = Math.max(max, (isLijst ? 1 : 0) + binnen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      const t = sel.typeCondition ? context.getSchema().getType(sel.typeCondition.name.value) : type;
      if (t) max = Math.max(max, genesteLijsten(context, sel.selectionSet, t, pad, lijstTypen));
    } else {
      const naam = sel.name.value;
      const fragment = context.getFragment(naam);
      const t = fragment && context.getSchema().getType(fragment.typeCondition.name.value);
      if (!fragment || !t || pad.has(naam)) continue;
      max = Math.max(
        max,
        genesteLijsten(context, fragment.selectionSet, t, new Set([...pad, naam]), lijstTypen),
      );
    }
  }
  return max;
}

function genesteLijstenRegel(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(op) {
      const root = context.getSchema().getRootType(op.operation);
      if (!root) return;
      const n = genesteLijsten(context, op.selectionSet, root);
      if (n > GRAPHQL_LIMIETEN.genesteLijsten) {
        weiger('genesteLijsten')(
          context,
          new GraphQLError(
            Number.isFinite(n)
              ? `Nested list limit of ${GRAPHQL_LIMIETEN.genesteLijsten} exceeded, found ${n}.`
              : 'A list nested inside a list of the same type (recursion) was refused.',
          ),
        );
      }
    },
  };
}

export interface GraphqlBeveiliging {
  validationRules: ValidationRule[];
  plugins: ApolloServerPlugin[];
  parseOptions: { maxTokens: number };
  introspection: boolean;
}

/**
 * Options for the Apollo server. Production: no introspection, and "Did you mean …" suggestions
 * masked (they reveal field names one typo at a time, introspection by another route).
 * Armor's own max-tokens plugin parses every document a second time inside a hook whose errors
 * Apollo does not turn into a clean 400; graphql-js has the same check built into the parser, so
 * that one is used instead (parseOptions.maxTokens), and its English syntax error is translated
 * by vertaalLimietFout.
 */
export function graphqlBeveiliging(productie: boolean): GraphqlBeveiliging {
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: productie },
    maxTokens: { enabled: false },
    maxDepth: {
      n: GRAPHQL_LIMIETEN.diepte,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [weiger('diepte')],
    },
    maxAliases: { n: GRAPHQL_LIMIETEN.aliassen, propagateOnRejection: false, onReject: [weiger('aliassen')] },
    maxDirectives: {
      n: GRAPHQL_LIMIETEN.directieven,
      propagateOnRejection: false,
      onReject: [weiger('directieven')],
    },
    costLimit: {
      maxCost: GRAPHQL_LIMIETEN.kosten,
      flattenFragments: true,
      propagateOnRejection: false,
      onReject: [weiger('kosten')],
    },
  }).protect();
  return {
    validationRules: [...(armor.validationRules as ValidationRule[]), genesteLijstenRegel],
    plugins: armor.plugins as ApolloServerPlugin[],
    parseOptions: { maxTokens: GRAPHQL_LIMIETEN.tokens },
    introspection: !productie,
  };
}

/**
 * formatError step for the limits: our own refusals pass with their Dutch text; graphql-js's
 * token-limit syntax error ("Document contains more that N tokens") becomes Dutch. Anything else:
 * undefined (the general formatter decides).
 */
export function vertaalLimietFout(formatted: GraphQLFormattedError): GraphQLFormattedError | undefined {
  // Apollo re-codes validation errors as GRAPHQL_VALIDATION_FAILED but keeps our other extensions
  const limiet = formatted.extensions?.limiet;
  if (typeof limiet === 'string' && limiet in MELDINGEN) {
    return { message: nederlands(limiet), extensions: { code: TE_ZWARE_VRAAG, limiet } };
  }
  if (/Document contains more th?a?t? \d+ tokens/.test(formatted.message)) {
    logger.warn(`GraphQL operation refused (tokens): ${formatted.message}`);
    return { message: nederlands('tokens'), extensions: { code: TE_ZWARE_VRAAG, limiet: 'tokens' } };
  }
  return undefined;
}
