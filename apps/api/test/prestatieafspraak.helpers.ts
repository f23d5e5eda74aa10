import type { GqlAntwoord, TestApp } from './support/test-app';

/** Shared GraphQL for the prestatieafspraak tests. */
export const PA = `
  id titel status statusLabel versie versienummer isBod jaarVan jaarTot vorigeVersieId volgendeVersieId
  gemeente { code } opgesteldDoor { code } partijen { code }
  afspraken {
    id volgnummer actielijn aandachtsgroep omschrijving soort catalogusVersie vorigeAfspraakId
    indicator { code eenheid } doelwaarden { jaar waarde peildatum }
    mijlpaalDatum mijlpaalStatus mijlpaalToelichting mijlpaalGereedOp verantwoordelijke { code }
    reacties { tekst auteur organisatie { code } }
  }
  jaarschijven { jaar doelen { afspraak { volgnummer } doelwaarde peildatum } mijlpalen { volgnummer } }
  ondertekeningen { organisatie { code } getekendDoor }
  ontbrekendeOndertekeningen { code }
  reacties { tekst auteur organisatie { code } }
  mogelijkeActies ingediendOp vastgesteldOp beeindigdOp beeindigdReden`;

export const Q = {
  lijst: `query ($f: PrestatieafspraakFilter) { prestatieafspraken(filter: $f) { ${PA} } }`,
  een: `query ($id: ID!) { prestatieafspraak(id: $id) { ${PA} } }`,
  create: `mutation ($i: NieuwePrestatieafspraakInput!) { maakPrestatieafspraak(invoer: $i) { ${PA} } }`,
  update: `mutation ($id: ID!, $v: Int!, $i: PrestatieafspraakWijziging!) { wijzigPrestatieafspraak(id: $id, versie: $v, invoer: $i) { ${PA} } }`,
  voegPartijToe: `mutation ($id: ID!, $v: Int!, $o: ID!) { voegPartijToe(id: $id, versie: $v, organisatieId: $o) { ${PA} } }`,
  verwijderPartij: `mutation ($id: ID!, $v: Int!, $o: ID!) { verwijderPartij(id: $id, versie: $v, organisatieId: $o) { ${PA} } }`,
  voegAfspraakToe: `mutation ($id: ID!, $v: Int!, $i: AfspraakInput!) { voegAfspraakToe(id: $id, versie: $v, invoer: $i) { ${PA} } }`,
  wijzigAfspraak: `mutation ($id: ID!, $v: Int!, $a: ID!, $i: AfspraakInput!) { wijzigAfspraak(id: $id, versie: $v, afspraakId: $a, invoer: $i) { ${PA} } }`,
  verwijderAfspraak: `mutation ($id: ID!, $v: Int!, $a: ID!) { verwijderAfspraak(id: $id, versie: $v, afspraakId: $a) { ${PA} } }`,
  indienen: `mutation ($id: ID!, $v: Int!) { dienPrestatieafspraakIn(id: $id, versie: $v) { ${PA} } }`,
  tekenen: `mutation ($id: ID!, $v: Int!) { ondertekenPrestatieafspraak(id: $id, versie: $v) { ${PA} } }`,
  terugtrekken: `mutation ($id: ID!, $v: Int!, $r: String!) { trekPrestatieafspraakTerug(id: $id, versie: $v, reden: $r) { ${PA} } }`,
  wijziging: `mutation ($id: ID!) { startWijzigingPrestatieafspraak(id: $id) { ${PA} } }`,
  beeindigen: `mutation ($id: ID!, $v: Int!, $r: String!) { beeindigPrestatieafspraak(id: $id, versie: $v, reden: $r) { ${PA} } }`,
  reactie: `mutation ($id: ID!, $t: String!, $a: ID) { maakReactie(id: $id, tekst: $t, afspraakId: $a) { ${PA} } }`,
  mijlpaal: `mutation ($a: ID!, $s: MijlpaalStatus!, $t: String!, $g: String) { wijzigMijlpaalStatus(afspraakId: $a, status: $s, toelichting: $t, gereedOp: $g) { ${PA} } }`,
  verwijderConcept: `mutation ($id: ID!, $v: Int!) { verwijderConceptPrestatieafspraak(id: $id, versie: $v) }`,
  audit: `query ($id: ID!) { auditLog(prestatieafspraakId: $id) { actie omschrijving organisatie { code } gebruikersnaam voor na } }`,
  kalender: `query ($g: String!, $j: Int!, $p: String) { cyclusKalender(gemeenteCode: $g, jaar: $j, peildatum: $p) {
    gemeente { code } jaar afsprakenJaar peildatum ondertekenDeadlineDag geschilMogelijk
    stappen { code label deadline gedaanOp status statusLabel opTijd dagenTotDeadline } } }`,
};

export type Pa = Record<string, any>;

/** The data of the single root field, or the test fails with the errors. */
export async function ok(
  t: TestApp,
  als: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Pa> {
  const data = await t.ok(als, query, variables);
  return Object.values(data)[0] as Pa;
}

/** The error code of a refused request (fails the test when it was not refused). */
export function code(r: GqlAntwoord): string {
  if (!r.errors?.length) throw new Error(`expected an error, got ${JSON.stringify(r.data)}`);
  return r.errors[0].extensions?.code;
}

export const statushouders = (verantwoordelijkeId: string, jaren: [number, number][]) => ({
  actielijn: 'EVENWICHTIGE_VERDELING',
  aandachtsgroep: 'STATUSHOUDERS',
  omschrijving: 'Domstad en de gemeente huisvesten samen het aantal statushouders van de taakstelling',
  indicatorCode: 'STATUSHOUDERS_GEHUISVEST',
  doelwaarden: jaren.map(([jaar, waarde]) => ({ jaar, waarde })),
  verantwoordelijkeId,
});

export const woonzorgvisie = (verantwoordelijkeId: string, datum: string) => ({
  actielijn: 'WONEN_ZORG_WELZIJN',
  omschrijving: 'De gemeente stelt de woonzorgvisie vast',
  indicatorCode: 'WOONZORGVISIE_VASTGESTELD',
  mijlpaalDatum: datum,
  verantwoordelijkeId,
});

export const socialeHuur = (verantwoordelijkeId: string, jaren: [number, number][]) => ({
  actielijn: 'VOLDOENDE_WONINGEN',
  omschrijving: 'Domstad levert sociale huurwoningen op',
  indicatorCode: 'SOCIALE_HUURWONINGEN_OPGELEVERD',
  doelwaarden: jaren.map(([jaar, waarde]) => ({ jaar, waarde })),
  verantwoordelijkeId,
});

/** A complete bod of Domstad for Utrecht (2027–2028) with huurders.domstad, ready to submit. */
export async function compleetBod(t: TestApp, titel = 'Bod Domstad 2027–2028'): Promise<Pa> {
  const [domstad, huurders] = [await t.orgId('L0801'), await t.orgId('HO-DOMSTAD')];
  let pa = await ok(t, 'corporatie.domstad', Q.create, {
    i: { gemeenteCode: 'GM0344', titel, jaarVan: 2027, jaarTot: 2028, partijIds: [huurders] },
  });
  pa = await ok(t, 'corporatie.domstad', Q.voegAfspraakToe, {
    id: pa.id,
    v: pa.versie,
    i: socialeHuur(domstad, [
      [2027, 120],
      [2028, 150],
    ]),
  });
  return pa;
}

/** Submits and lets all three parties sign, one after the other. */
export async function vaststellen(t: TestApp, pa: Pa): Promise<Pa> {
  let p = await ok(t, 'corporatie.domstad', Q.indienen, { id: pa.id, v: pa.versie });
  for (const als of ['gemeente.utrecht', 'corporatie.domstad', 'huurders.domstad'])
    p = await ok(t, als, Q.tekenen, { id: p.id, v: p.versie });
  return p;
}
