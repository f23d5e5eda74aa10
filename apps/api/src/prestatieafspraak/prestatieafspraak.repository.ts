import type { EntityManager } from 'typeorm';
import type { AfspraakSoort, MijlpaalStatus, PrestatieafspraakStatus } from '@thuismonitor/domain';

/**
 * SQL for prestatieafspraken. Every function takes the EntityManager of a ScopedDb transaction,
 * so row-level security decides which rows exist for the caller; nothing here filters by tenant.
 */
export interface PaRij {
  id: string;
  gemeenteCode: string;
  titel: string;
  jaarVan: number;
  jaarTot: number;
  status: PrestatieafspraakStatus;
  isBod: boolean;
  bodId: string | null;
  opgesteldDoorId: string;
  versie: number;
  versienummer: number;
  vorigeVersieId: string | null;
  volgendeVersieId: string | null;
  ingediendOp: Date | null;
  vastgesteldOp: Date | null;
  beeindigdOp: Date | null;
  beeindigdReden: string | null;
  aangemaaktOp: Date;
  gewijzigdOp: Date;
  /** Dutch calendar dates, for the cycle */
  ingediendDatum: string | null;
  vastgesteldDatum: string | null;
  partijIds: string[];
}

export interface DoelwaardeRij {
  jaar: number;
  waarde: number;
  peildatum: string;
}

export interface AfspraakRij {
  id: string;
  prestatieafspraakId: string;
  volgnummer: number;
  actielijn: string;
  aandachtsgroep: string | null;
  omschrijving: string;
  soort: AfspraakSoort;
  indicatorCode: string | null;
  catalogusVersie: string | null;
  mijlpaalDatum: string | null;
  mijlpaalStatus: MijlpaalStatus | null;
  mijlpaalToelichting: string | null;
  mijlpaalGereedOp: string | null;
  mijlpaalBijgewerktOp: Date | null;
  verantwoordelijkeId: string;
  vorigeAfspraakId: string | null;
  doelwaarden: DoelwaardeRij[];
}

export interface OndertekeningRij {
  prestatieafspraakId: string;
  organisatieId: string;
  getekendDoor: string;
  getekendOp: Date;
}

export interface ReactieRij {
  id: string;
  prestatieafspraakId: string;
  afspraakId: string | null;
  organisatieId: string;
  auteur: string;
  tekst: string;
  geplaatstOp: Date;
}

const PA_KOLOMMEN = `
  p.id, p.gemeente_code AS "gemeenteCode", p.titel, p.jaar_van AS "jaarVan", p.jaar_tot AS "jaarTot", p.status,
  p.is_bod AS "isBod", p.bod_id AS "bodId", p.opgesteld_door_id AS "opgesteldDoorId", p.versie, p.versienummer,
  p.vorige_versie_id AS "vorigeVersieId",
  (SELECT n.id FROM prestatieafspraak n WHERE n.vorige_versie_id = p.id) AS "volgendeVersieId",
  p.ingediend_op AS "ingediendOp", p.vastgesteld_op AS "vastgesteldOp", p.beeindigd_op AS "beeindigdOp",
  p.beeindigd_reden AS "beeindigdReden", p.aangemaakt_op AS "aangemaaktOp", p.gewijzigd_op AS "gewijzigdOp",
  (p.ingediend_op AT TIME ZONE 'Europe/Amsterdam')::date::text AS "ingediendDatum",
  (p.vastgesteld_op AT TIME ZONE 'Europe/Amsterdam')::date::text AS "vastgesteldDatum",
  coalesce((SELECT array_agg(pp.organisatie_id::text ORDER BY pp.toegevoegd_op, pp.organisatie_id)
            FROM prestatieafspraak_partij pp WHERE pp.prestatieafspraak_id = p.id), '{}') AS "partijIds"`;

/** Prestatieafspraken matching `waar` (SQL over alias p), newest first within a gemeente. */
export async function leesPrestatieafspraken(
  m: EntityManager,
  waar: string,
  params: unknown[],
): Promise<PaRij[]> {
  return m.query(
    `SELECT ${PA_KOLOMMEN} FROM prestatieafspraak p WHERE ${waar}
     ORDER BY p.gemeente_code, p.jaar_van DESC, p.versienummer DESC, p.aangemaakt_op DESC`,
    params,
  );
}

export async function leesPrestatieafspraak(m: EntityManager, id: string): Promise<PaRij | undefined> {
  const [rij] = await leesPrestatieafspraken(m, 'p.id = $1', [id]);
  return rij;
}

/**
 * Locks the row for the rest of the transaction (SELECT … FOR UPDATE): concurrent edits and
 * signatures of one prestatieafspraak run one after the other, and each sees the other's result.
 * Under RLS only parties can lock (the UPDATE policy applies), so others get nothing.
 */
export async function vergrendelPrestatieafspraak(m: EntityManager, id: string): Promise<PaRij | undefined> {
  const [rij] = await m.query(
    `SELECT ${PA_KOLOMMEN} FROM prestatieafspraak p WHERE p.id = $1 FOR UPDATE OF p`,
    [id],
  );
  return rij;
}

export async function verhoogVersie(
  m: EntityManager,
  id: string,
  extra = '',
  params: unknown[] = [],
): Promise<void> {
  await m.query(
    `UPDATE prestatieafspraak SET versie = versie + 1, gewijzigd_op = now()${extra ? `, ${extra}` : ''} WHERE id = $1`,
    [id, ...params],
  );
}

export async function leesAfspraken(m: EntityManager, paIds: readonly string[]): Promise<AfspraakRij[]> {
  if (!paIds.length) return [];
  const rijen: AfspraakRij[] = await m.query(
    `SELECT a.id, a.prestatieafspraak_id AS "prestatieafspraakId", a.volgnummer, a.actielijn, a.aandachtsgroep,
            a.omschrijving, a.soort, a.indicator_code AS "indicatorCode", a.catalogus_versie AS "catalogusVersie",
            a.mijlpaal_datum::text AS "mijlpaalDatum", a.mijlpaal_status AS "mijlpaalStatus",
            a.mijlpaal_toelichting AS "mijlpaalToelichting", a.mijlpaal_gereed_op::text AS "mijlpaalGereedOp",
            a.mijlpaal_bijgewerkt_op AS "mijlpaalBijgewerktOp", a.verantwoordelijke_id AS "verantwoordelijkeId",
            a.vorige_afspraak_id AS "vorigeAfspraakId",
            coalesce((SELECT json_agg(json_build_object('jaar', d.jaar, 'waarde', d.waarde, 'peildatum', d.peildatum::text)
                                      ORDER BY d.jaar)
                      FROM afspraak_doelwaarde d WHERE d.afspraak_id = a.id), '[]') AS doelwaarden
     FROM afspraak a WHERE a.prestatieafspraak_id = ANY($1::uuid[])
     ORDER BY a.prestatieafspraak_id, a.volgnummer`,
    [paIds],
  );
  // numeric arrives as a JSON number inside json_agg; make sure of it
  for (const a of rijen) a.doelwaarden = a.doelwaarden.map((d) => ({ ...d, waarde: Number(d.waarde) }));
  return rijen;
}

export async function leesOndertekeningen(
  m: EntityManager,
  paIds: readonly string[],
): Promise<OndertekeningRij[]> {
  if (!paIds.length) return [];
  return m.query(
    `SELECT prestatieafspraak_id AS "prestatieafspraakId", organisatie_id AS "organisatieId",
            getekend_door AS "getekendDoor", getekend_op AS "getekendOp"
     FROM prestatieafspraak_ondertekening WHERE prestatieafspraak_id = ANY($1::uuid[])
     ORDER BY getekend_op, organisatie_id`,
    [paIds],
  );
}

/** Reacties exist for parties only (RLS); for anyone else this returns nothing. */
export async function leesReacties(m: EntityManager, paIds: readonly string[]): Promise<ReactieRij[]> {
  if (!paIds.length) return [];
  return m.query(
    `SELECT id, prestatieafspraak_id AS "prestatieafspraakId", afspraak_id AS "afspraakId",
            organisatie_id AS "organisatieId", auteur, tekst, geplaatst_op AS "geplaatstOp"
     FROM prestatieafspraak_reactie WHERE prestatieafspraak_id = ANY($1::uuid[])
     ORDER BY geplaatst_op, id`,
    [paIds],
  );
}

export async function organisatieSoorten(
  m: EntityManager,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const rijen: { id: string; soort: string }[] = await m.query(
    `SELECT id, soort FROM organisatie WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rijen.map((r) => [r.id, r.soort]));
}
