import { Kind, parse, type DocumentNode, type FragmentDefinitionNode, type SelectionNode } from 'graphql';

/**
 * What a POST to the API is, for VoortgangAntwoordMiddleware: a question whose whole answer may
 * be kept (every root field `voortgang`), another question, or something that may write.
 */
export type Soort = 'bewaarbaar' | 'vraag' | 'schrijft';

/** Root fields whose whole answer may be kept: read-only, and computed only from what the key holds. */
const BEWAARBARE_VELDEN = new Set(['voortgang', '__typename']);

/** Whether an answer body carries data (a refusal answers with status 200 and `data: null`). */
export function heeftGegevens(inhoud: unknown): boolean {
  if (typeof inhoud !== 'string') return inhoud !== undefined;
  try {
    const a = JSON.parse(inhoud) as { data?: unknown };
    return a.data !== null && a.data !== undefined;
  } catch {
    return true;
  }
}

/**
 * Whether a selection (through fragments) asks for nothing but `__typename`: such a mutation runs
 * no resolver, and any signed-in user may send it (review of session 5: it emptied every kept
 * answer of the process, aliased as often as wanted).
 */
function alleenTypenaam(
  selecties: readonly SelectionNode[],
  fragmenten: Map<string, FragmentDefinitionNode>,
  gezien = new Set<string>(),
): boolean {
  return selecties.every((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === '__typename';
    if (s.kind === Kind.INLINE_FRAGMENT) return alleenTypenaam(s.selectionSet.selections, fragmenten, gezien);
    const f = fragmenten.get(s.name.value);
    if (!f || gezien.has(s.name.value)) return true; // Apollo refuses it; nothing runs
    gezien.add(s.name.value);
    return alleenTypenaam(f.selectionSet.selections, fragmenten, gezien);
  });
}

/** What a query text is (with its operation name); the middleware keeps the verdict per text. */
export function soortVan(query: string, operationName: string | null): Soort {
  let doc: DocumentNode;
  try {
    doc = parse(query, { noLocation: true, maxTokens: 5_000 });
  } catch {
    return 'vraag'; // Apollo answers the syntax error; nothing runs
  }
  const operaties = doc.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const operatie =
    operationName === null
      ? operaties.length === 1
        ? operaties[0]
        : undefined
      : operaties.find((o) => o.name?.value === operationName);
  if (!operatie) return 'vraag'; // Apollo refuses it; nothing runs
  if (operatie.operation === 'mutation') {
    const fragmenten = new Map(
      doc.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((d) => [d.name.value, d]),
    );
    return alleenTypenaam(operatie.selectionSet.selections, fragmenten) ? 'vraag' : 'schrijft';
  }
  if (operatie.operation !== 'query') return 'schrijft';
  return operatie.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && !s.directives?.length && BEWAARBARE_VELDEN.has(s.name.value),
  )
    ? 'bewaarbaar'
    : 'vraag';
}
