import * as fs from 'node:fs';
import * as path from 'node:path';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  Kind,
  parse,
  specifiedRules,
  validate,
  visit,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { graphqlBeveiliging, GRAPHQL_LIMIETEN, TE_ZWARE_VRAAG } from '../src/beveiliging/graphql-limieten';
import { startTestApp, type TestApp } from './support/test-app';

/**
 * GraphQL cost limits: every operation the web app sends passes them, and the attack shapes of
 * issue 10 are refused at validation (HTTP 400, Dutch message, no resolver runs).
 */
const WEB_OPERATIES = path.resolve(__dirname, '../../web/src/graphql');

/** Apollo Client adds __typename to every selection set; the server sees those too. */
function metTypename(doc: DocumentNode): DocumentNode {
  return visit(doc, {
    SelectionSet(node: SelectionSetNode, _k, parent) {
      if (
        parent &&
        !Array.isArray(parent) &&
        (parent as OperationDefinitionNode).kind === Kind.OPERATION_DEFINITION
      )
        return undefined;
      if (node.selections.some((s) => s.kind === Kind.FIELD && s.name.value === '__typename'))
        return undefined;
      return {
        ...node,
        selections: [
          ...node.selections,
          { kind: Kind.FIELD, name: { kind: Kind.NAME, value: '__typename' } },
        ],
      };
    },
  });
}

function webOperaties(): { naam: string; document: DocumentNode }[] {
  const bron = fs
    .readdirSync(WEB_OPERATIES)
    .filter((f) => f.endsWith('.graphql'))
    .map((f) => fs.readFileSync(path.join(WEB_OPERATIES, f), 'utf8'))
    .join('\n');
  const alles = parse(bron);
  const fragmenten = alles.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return alles.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((op) => {
      // only the fragments this operation uses (what Apollo Client sends), found transitively
      const nodig = new Set<string>();
      const zoek = (n: unknown) =>
        visit(n as DocumentNode, {
          FragmentSpread(s) {
            if (nodig.has(s.name.value)) return;
            nodig.add(s.name.value);
            zoek(fragmenten.find((f) => f.name.value === s.name.value));
          },
        });
      zoek(op);
      const document: DocumentNode = {
        kind: Kind.DOCUMENT,
        definitions: [op, ...fragmenten.filter((f) => nodig.has(f.name.value))],
      };
      return { naam: op.name?.value ?? '(naamloos)', document: metTypename(document) };
    });
}

const nest = (velden: string[], blad: string) =>
  velden.reduceRight((binnen, veld) => `${veld}{${binnen}}`, blad);

describe('GraphQL cost limits (graphql-armor)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  it('every operation of the web app passes the limits against the running schema', () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const regels = graphqlBeveiliging(true).validationRules;
    const operaties = webOperaties();
    expect(operaties.length).toBeGreaterThan(30);
    const fouten: string[] = [];
    for (const { naam, document } of operaties) {
      const { print } = require('graphql') as typeof import('graphql');
      // the token limit is the parser's: re-parse the printed document with it
      try {
        parse(print(document), { maxTokens: GRAPHQL_LIMIETEN.tokens });
      } catch (err) {
        fouten.push(`${naam}: ${(err as Error).message}`);
      }
      for (const f of validate(schema, document, [...specifiedRules, ...regels]))
        fouten.push(`${naam}: ${f.message}`);
    }
    expect(fouten).toEqual([]);
  });

  it('the 147-byte depth-9 gemeente → provincie → gemeenten query is refused before execution', async () => {
    const query = `{${nest(['gemeente(code:"GM0344")', 'provincie', 'gemeenten', 'provincie', 'gemeenten', 'provincie', 'gemeenten', 'provincie'], 'naam')}}`;
    const r = await t.gql('gemeente.utrecht', query);
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    // also three lists deep (gemeenten ×3): every limit it breaks is named, the depth one first
    expect(r.errors?.[0]).toEqual({
      message: `Deze vraag aan de API is geweigerd: de vraag is te diep genest (maximaal ${GRAPHQL_LIMIETEN.diepte} niveaus). Vraag minder gegevens tegelijk op.`,
      extensions: { code: TE_ZWARE_VRAAG, limiet: 'diepte' },
    });
    expect(r.errors?.every((e) => e.extensions?.code === TE_ZWARE_VRAAG)).toBe(true);
  });

  it('depth 25 is refused; the same chain within the depth limit is answered (control)', async () => {
    const keten = (n: number) =>
      Array.from({ length: n - 1 }, (_, i) =>
        i === 0 ? 'gemeente(code:"GM0344")' : i % 2 ? 'provincie' : 'gemeenten',
      );
    const diep = await t.gql('gemeente.utrecht', `{${nest(keten(25), 'naam')}}`);
    expect(diep.status).toBe(400);
    expect(diep.errors?.map((e) => e.extensions?.limiet)).toContain('diepte');
    expect(diep.errors?.every((e) => e.extensions?.code === TE_ZWARE_VRAAG)).toBe(true);

    // control: the chain up to its first list (a list of gemeenten inside gemeenten is refused on its own)
    const toegestaan = await t.gql('gemeente.utrecht', `{${nest(keten(5), 'naam')}}`);
    expect(toegestaan.errors).toBeUndefined();
    expect(toegestaan.data?.gemeente.provincie.gemeenten.length).toBeGreaterThan(10);
  });

  it('1,000 aliases of voortgang are refused before execution, and so are 11', async () => {
    const veld = (i: number) => `v${i}: voortgang(gebied: {soort: GEMEENTE, code: "GM0344"}) { peildatum }`;
    const duizend = await t.gql(
      'gemeente.utrecht',
      `{${Array.from({ length: 1000 }, (_, i) => veld(i)).join(' ')}}`,
    );
    expect(duizend.status).toBe(400);
    expect(duizend.data).toBeUndefined();
    expect(duizend.errors).toHaveLength(1);
    expect(duizend.errors?.[0].extensions?.code).toBe(TE_ZWARE_VRAAG);
    expect(duizend.errors?.[0].message).toMatch(/^Deze vraag aan de API is geweigerd: /);

    // below the token limit, the alias limit itself answers
    const elf = await t.gql(
      'gemeente.utrecht',
      `{${Array.from({ length: GRAPHQL_LIMIETEN.aliassen + 1 }, (_, i) => veld(i)).join(' ')}}`,
    );
    expect(elf.status).toBe(400);
    expect(elf.errors?.map((e) => e.extensions)).toEqual([{ code: TE_ZWARE_VRAAG, limiet: 'aliassen' }]);
  });

  it('too many directives and a too costly (wide) query are refused', async () => {
    const velden = Array.from(
      { length: GRAPHQL_LIMIETEN.directieven + 1 },
      () => 'gebruikersnaam @include(if: true)',
    ).join(' ');
    const r = await t.gql('gemeente.utrecht', `{ me { ${velden} } }`);
    expect(r.status).toBe(400);
    expect(r.errors?.map((e) => e.extensions)).toEqual([{ code: TE_ZWARE_VRAAG, limiet: 'directieven' }]);

    // one page of 100 rows (armor multiplies by a literal first) with many fields: above the cost limit
    const duur = `{ toewijzingen(first: 100) { nodes { ${'datum '.repeat(12)} gemeente { code naam } corporatie { code naam } } } }`;
    const k = await t.gql('gemeente.utrecht', duur);
    expect(k.status).toBe(400);
    expect(k.errors?.map((e) => e.extensions)).toEqual([{ code: TE_ZWARE_VRAAG, limiet: 'kosten' }]);
  });

  it('a list inside a list of the same type is refused even at low depth and cost (gemeenten → provincie → gemeenten …)', async () => {
    // depth 6 and armor cost 34, but 342 × ~30 × ~30 objects: it ran the server out of memory
    const r = await t.gql(
      'gemeente.utrecht',
      '{ gemeenten { provincie { gemeenten { provincie { gemeenten { naam } } } } } }',
    );
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(r.errors?.map((e) => e.extensions)).toEqual([{ code: TE_ZWARE_VRAAG, limiet: 'genesteLijsten' }]);
    // the recursion is refused even with two lists: gemeenten inside gemeenten
    const recursie = await t.gql('gemeente.utrecht', '{ gemeenten { provincie { gemeenten { code } } } }');
    expect(recursie.errors?.map((e) => e.extensions)).toEqual([
      { code: TE_ZWARE_VRAAG, limiet: 'genesteLijsten' },
    ]);
    // lists of different types stay allowed (control; the web app needs two, prestatieafspraken three)
    const twee = await t.gql('gemeente.utrecht', '{ provincies { gemeenten { code } } }');
    expect(twee.errors).toBeUndefined();
    expect(twee.data?.provincies.length).toBe(12);
  });

  it('a document with more tokens than the limit is refused while parsing, in Dutch', async () => {
    const r = await t.gql(
      'gemeente.utrecht',
      `{ me { ${'gebruikersnaam '.repeat(GRAPHQL_LIMIETEN.tokens)} } }`,
    );
    expect(r.status).toBe(400);
    expect(r.errors).toEqual([
      {
        message:
          'Deze vraag aan de API is geweigerd: de vraag is te lang. Vraag minder gegevens tegelijk op.',
        extensions: { code: TE_ZWARE_VRAAG, limiet: 'tokens' },
      },
    ]);
  });

  it('outside production introspection works (development tools); batched requests are refused', async () => {
    const r = await t.gql('gemeente.utrecht', '{ __schema { queryType { name } } }');
    expect(r.data?.__schema.queryType.name).toBe('Query');
    const batch = await t.fetch('/graphql', {
      method: 'POST',
      als: 'gemeente.utrecht',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { gebruikersnaam } }' }, { query: '{ me { gebruikersnaam } }' }]),
    });
    expect(batch.status).toBe(400);
  });
});

describe('GraphQL in production: no introspection, no field suggestions', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({
      NODE_ENV: 'production',
      OIDC_ALLOW_HTTP: 'true',
      DEMO_DATA: 'true',
      TOEWIJZING_KENMERK_SLEUTEL: 'test-only-secret-'.padEnd(64, '0'),
    });
  });
  afterAll(() => t?.close());

  it('introspection is refused', async () => {
    const r = await t.gql('gemeente.utrecht', '{ __schema { queryType { name } } }');
    expect(r.status).toBe(400);
    expect(r.data).toBeUndefined();
    expect(JSON.stringify(r.errors)).toMatch(/introspection/i);
  });

  it('a misspelt field gets no "Did you mean" hint', async () => {
    const r = await t.gql('gemeente.utrecht', '{ me { gebruikersnam } }');
    expect(r.status).toBe(400);
    expect(r.errors?.[0].message).toMatch(/^Ongeldige vraag aan de API: /);
    expect(r.errors?.[0].message).not.toMatch(/gebruikersnaam|Did you mean/);
  });
});
