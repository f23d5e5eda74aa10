// Typed GraphQL operations for the web app, generated from the committed schema
// (apps/api/schema.graphql) and the operations in apps/web/src/**/*.graphql.
//
//   node scripts/gen-web-types.mjs          writes apps/web/src/generated/graphql.ts
//   node scripts/gen-web-types.mjs --check  exits 1 when that file is stale (or an operation is invalid)
//
// graphql-codegen does not install here, so this is a small generator on top of `graphql`:
// per operation a result type, a variables type and a TypedDocumentNode constant; enums and input
// types only as far as the operations use them (so unrelated schema changes do not make it stale).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  buildSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  print,
  typeFromAST,
  validate,
  visit,
} from 'graphql';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// WEB_TYPES_SCHEMA: draft against another schema file (e.g. one generated from unfinished API work)
const SCHEMA = process.env.WEB_TYPES_SCHEMA
  ? path.resolve(process.env.WEB_TYPES_SCHEMA)
  : path.join(ROOT, 'apps/api/schema.graphql');
const SRC = path.join(ROOT, 'apps/web/src');
export const OUT = path.join(SRC, 'generated/graphql.ts');

const SCALARS = {
  String: 'string',
  ID: 'string',
  Int: 'number',
  Float: 'number',
  Boolean: 'boolean',
  DateTime: 'string',
  Date: 'string',
  JSON: 'unknown',
  JSONObject: 'Record<string, unknown>',
};

function bestanden(dir) {
  const uit = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) uit.push(...bestanden(p));
    else if (e.name.endsWith('.graphql')) uit.push(p);
  }
  return uit;
}

const scalarType = (name) => SCALARS[name] ?? 'unknown';

/** Returns the generated TypeScript source (unformatted). Throws on invalid operations. */
export function genereer() {
  const schema = buildSchema(fs.readFileSync(SCHEMA, 'utf8'));
  const files = bestanden(SRC);
  const definitions = [];
  for (const f of files) {
    const doc = parse(fs.readFileSync(f, 'utf8'));
    for (const d of doc.definitions) definitions.push({ def: d, file: path.relative(ROOT, f) });
  }
  const fullDoc = { kind: Kind.DOCUMENT, definitions: definitions.map((d) => d.def) };
  const fouten = validate(schema, fullDoc);
  if (fouten.length) {
    throw new Error(
      'Ongeldige GraphQL-operaties tegen apps/api/schema.graphql:\n' +
        fouten
          .map((e) => `  - ${e.message}${e.locations ? ` (${JSON.stringify(e.locations)})` : ''}`)
          .join('\n'),
    );
  }
  const fragments = new Map();
  for (const { def } of definitions)
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const usedNamed = new Set(); // enums and input objects referenced
  const noteer = (type) => {
    const named = getNamedType(type);
    if (isEnumType(named)) usedNamed.add(named.name);
    if (isInputObjectType(named) && !usedNamed.has(named.name)) {
      usedNamed.add(named.name);
      for (const f of Object.values(named.getFields())) noteer(f.type);
    }
  };

  const outType = (type, selectionSet, indent) => {
    if (isNonNullType(type)) return outTypeInner(type.ofType, selectionSet, indent);
    return `${outTypeInner(type, selectionSet, indent)} | null`;
  };
  const outTypeInner = (type, selectionSet, indent) => {
    if (isListType(type)) {
      const inner = outType(type.ofType, selectionSet, indent);
      return `Array<${inner}>`;
    }
    if (isScalarType(type)) return scalarType(type.name);
    if (isEnumType(type)) {
      noteer(type);
      return type.name;
    }
    return selectionType(type, selectionSet, indent);
  };

  /** Collects fields of a selection set on `parent` (fragments merged; other-type conditions optional). */
  const verzamel = (parent, selectionSet, optional, into) => {
    for (const sel of selectionSet.selections) {
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        const prev = into.get(key);
        if (prev) {
          if (sel.selectionSet) prev.selectionSets.push(sel.selectionSet);
          prev.optional = prev.optional && optional;
        } else {
          into.set(key, {
            name: sel.name.value,
            selectionSets: sel.selectionSet ? [sel.selectionSet] : [],
            optional,
          });
        }
      } else {
        const frag = sel.kind === Kind.FRAGMENT_SPREAD ? fragments.get(sel.name.value) : sel;
        const cond = frag.typeCondition?.name.value;
        const other =
          cond && cond !== parent.name && !(isAbstractType(schema.getType(cond)) && isObjectType(parent));
        verzamel(parent, frag.selectionSet, optional || Boolean(other), into);
      }
    }
  };

  const selectionType = (parent, selectionSet, indent) => {
    const velden = new Map();
    verzamel(parent, selectionSet, false, velden);
    const pad = '  '.repeat(indent + 1);
    const regels = [];
    for (const [key, v] of velden) {
      if (v.name === '__typename') {
        regels.push(`${pad}__typename: ${isObjectType(parent) ? `'${parent.name}'` : 'string'};`);
        continue;
      }
      const fields = parent.getFields();
      const field = fields[v.name];
      const merged = v.selectionSets.length
        ? { kind: Kind.SELECTION_SET, selections: v.selectionSets.flatMap((s) => s.selections) }
        : undefined;
      const doc = field.description
        ? `${pad}/** ${field.description.replace(/\*\//g, '* /').replace(/\n/g, ' ')} */\n`
        : '';
      regels.push(`${doc}${pad}${key}${v.optional ? '?' : ''}: ${outType(field.type, merged, indent + 1)};`);
    }
    return `{\n${regels.join('\n')}\n${'  '.repeat(indent)}}`;
  };

  const inType = (type) => {
    if (isNonNullType(type)) return inTypeInner(type.ofType);
    return `${inTypeInner(type)} | null`;
  };
  const inTypeInner = (type) => {
    if (isListType(type)) return `Array<${inType(type.ofType)}>`;
    if (isScalarType(type)) return scalarType(type.name);
    noteer(type);
    return type.name;
  };

  /** Fragments an operation uses, transitively, in a stable order. */
  const gebruikteFragmenten = (node, acc = new Set()) => {
    visit(node, {
      FragmentSpread(s) {
        if (!acc.has(s.name.value)) {
          acc.add(s.name.value);
          gebruikteFragmenten(fragments.get(s.name.value), acc);
        }
      },
    });
    return acc;
  };

  const blokken = [];
  const namen = new Set();
  for (const { def, file } of definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) {
      const parent = schema.getType(def.typeCondition.name.value);
      const naam = `${def.name.value}Fragment`;
      blokken.push(
        `/** fragment ${def.name.value} (${file}) */\nexport type ${naam} = ${selectionType(parent, def.selectionSet, 0)};`,
      );
      continue;
    }
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    if (!def.name) throw new Error(`Operatie zonder naam in ${file}`);
    const opNaam = def.name.value;
    if (namen.has(opNaam)) throw new Error(`Operatienaam ${opNaam} komt twee keer voor`);
    namen.add(opNaam);
    const suffix =
      def.operation === 'query' ? 'Query' : def.operation === 'mutation' ? 'Mutation' : 'Subscription';
    const root =
      def.operation === 'query'
        ? schema.getQueryType()
        : def.operation === 'mutation'
          ? schema.getMutationType()
          : schema.getSubscriptionType();
    const resultNaam = `${opNaam}${suffix}`;
    const varsNaam = `${resultNaam}Variables`;
    const vars = (def.variableDefinitions ?? []).map((v) => {
      const t = typeFromAST(schema, v.type);
      const optional = !isNonNullType(t) || v.defaultValue;
      return `  ${v.variable.name.value}${optional ? '?' : ''}: ${inType(t)};`;
    });
    const frags = [...gebruikteFragmenten(def)].sort().map((n) => fragments.get(n));
    const bron = print({ kind: Kind.DOCUMENT, definitions: [def, ...frags] }).replace(/`/g, '\\`');
    blokken.push(
      [
        `/** ${def.operation} ${opNaam} (${file}) */`,
        `export type ${resultNaam} = ${selectionType(root, def.selectionSet, 0)};`,
        `export type ${varsNaam} = ${vars.length ? `{\n${vars.join('\n')}\n}` : 'Record<string, never>'};`,
        `export const ${opNaam}Document: TypedDocumentNode<${resultNaam}, ${varsNaam}> = gql\`\n${bron}\n\`;`,
      ].join('\n'),
    );
  }

  const typen = [];
  for (const naam of [...usedNamed].sort()) {
    const t = schema.getType(naam);
    const doc = t.description ? `/** ${t.description.replace(/\n/g, ' ')} */\n` : '';
    if (isEnumType(t)) {
      const waarden = t.getValues().map((v) => `'${v.value}'`);
      typen.push(
        `${doc}export type ${naam} = ${waarden.join(' | ')};\nexport const ${naam}Waarden = [${waarden.join(', ')}] as const;`,
      );
    } else {
      const velden = Object.values(t.getFields()).map((f) => {
        const optional = !isNonNullType(f.type) || f.defaultValue !== undefined;
        const fdoc = f.description ? `  /** ${f.description.replace(/\n/g, ' ')} */\n` : '';
        return `${fdoc}  ${f.name}${optional ? '?' : ''}: ${inType(f.type)};`;
      });
      typen.push(`${doc}export type ${naam} = {\n${velden.join('\n')}\n};`);
    }
  }

  return [
    '// GENERATED by scripts/gen-web-types.mjs from apps/api/schema.graphql and apps/web/src/**/*.graphql.',
    '// Do not edit: run `npm run web:types`. A test in the web project fails when this file is stale.',
    "import { gql, type TypedDocumentNode } from '@apollo/client';",
    '',
    ...typen.map((t) => `${t}\n`),
    ...blokken.map((b) => `${b}\n`),
  ].join('\n');
}

export async function genereerGeformatteerd() {
  const prettier = await import('prettier');
  const opties = (await prettier.resolveConfig(OUT)) ?? {};
  return prettier.format(genereer(), { ...opties, parser: 'typescript' });
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const check = process.argv.includes('--check');
  try {
    const nieuw = await genereerGeformatteerd();
    const oud = fs.existsSync(OUT) ? fs.readFileSync(OUT, 'utf8') : '';
    if (check) {
      if (oud !== nieuw) {
        console.error(
          `${path.relative(ROOT, OUT)} is verouderd: voer \`npm run web:types\` uit en commit het resultaat.`,
        );
        process.exit(1);
      }
      console.log(`${path.relative(ROOT, OUT)} is actueel.`);
    } else if (oud !== nieuw) {
      fs.mkdirSync(path.dirname(OUT), { recursive: true });
      fs.writeFileSync(OUT, nieuw);
      console.log(`${path.relative(ROOT, OUT)} bijgewerkt.`);
    } else {
      console.log(`${path.relative(ROOT, OUT)} was al actueel.`);
    }
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }
}
