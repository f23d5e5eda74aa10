import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * Whether the query selects `veld` directly under the current field (also through fragments).
 * Voortgang measures its afspraken only when asked: for the country they are thousands.
 */
export function veldGevraagd(info: GraphQLResolveInfo, veld: string): boolean {
  const bezocht = new Set<string>();
  const zoek = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === veld;
      if (s.kind === 'InlineFragment') return zoek(s.selectionSet);
      const naam = s.name.value;
      if (bezocht.has(naam)) return false;
      bezocht.add(naam);
      return zoek(info.fragments[naam]?.selectionSet);
    });
  return info.fieldNodes.some((n) => zoek(n.selectionSet));
}
