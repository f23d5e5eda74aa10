import type { Pool } from 'pg';

/**
 * Fixture builders for medium tests (and any test with an admin pool on its database): one row
 * per call, with sensible defaults and overrides for what the test is about, written as the schema
 * owner (no RLS, no services: the arrangement must not depend on the code under test). Every row a
 * builder writes is remembered; `opruimen()` (in afterEach) deletes them again, newest first, so
 * the next test starts from the template's state and each test runs alone or in any order.
 *
 *   const fx = new Fixtures(t.admin);
 *   afterEach(() => fx.opruimen());
 *   await fx.bouwToewijzing({ corporatie: 'L0801', gemeente: 'GM0344', datum: '2023-02-01' });
 *
 * Organisations are named by code (demo organisations of the template: L0801 Domstad, L0802
 * Eemland, GM0344 Utrecht, PV26 Utrecht provincie, BZK, …); their ids are looked up once.
 */
export class Fixtures {
  private readonly gemaakt: { tabel: string; id: string }[] = [];
  private readonly ids = new Map<string, string>();
  private teller = 0;

  constructor(private readonly admin: Pool) {}

  async orgId(code: string): Promise<string> {
    let id = this.ids.get(code);
    if (!id) {
      const { rows } = await this.admin.query('SELECT id FROM organisatie WHERE code = $1', [code]);
      if (!rows[0]) throw new Error(`no organisation ${code}`);
      id = rows[0].id as string;
      this.ids.set(code, id);
    }
    return id;
  }

  /** One toewijzing (a household housed), by default Domstad in Utrecht, 1 person, no group. */
  async bouwToewijzing(
    o: {
      corporatie?: string;
      gemeente?: string;
      datum?: string;
      aandachtsgroep?: string | null;
      huishoudgrootte?: number;
      segment?: string;
      viaUrgentie?: boolean;
      kenmerk?: string;
    } = {},
  ): Promise<{ id: string }> {
    const { rows } = await this.admin.query(
      `INSERT INTO toewijzing (corporatie_id, gemeente_code, datum, aandachtsgroep, huishoudgrootte, segment, via_urgentie, extern_kenmerk)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        await this.orgId(o.corporatie ?? 'L0801'),
        o.gemeente ?? 'GM0344',
        o.datum ?? '2024-03-01',
        o.aandachtsgroep ?? null,
        o.huishoudgrootte ?? 1,
        o.segment ?? 'SOCIALE_HUUR',
        o.viaUrgentie ?? false,
        o.kenmerk ?? `fx-${process.pid}-${++this.teller}-${Math.random().toString(36).slice(2)}`,
      ],
    );
    return this.onthoud('toewijzing', rows[0].id);
  }

  /** One quarterly figure (a stand or a count), current unless `actueel: false`. */
  async bouwKwartaalcijfer(o: {
    indicator: string;
    waarde: number;
    organisatie?: string;
    gemeente?: string;
    jaar?: number;
    kwartaal?: number;
    actueel?: boolean;
  }): Promise<{ id: string }> {
    const { rows } = await this.admin.query(
      `INSERT INTO kwartaalcijfer (indicator_code, organisatie_id, gemeente_code, jaar, kwartaal, waarde, actueel)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        o.indicator,
        await this.orgId(o.organisatie ?? 'L0801'),
        o.gemeente ?? 'GM0344',
        o.jaar ?? 2024,
        o.kwartaal ?? 4,
        o.waarde,
        o.actueel ?? true,
      ],
    );
    return this.onthoud('kwartaalcijfer', rows[0].id);
  }

  /** One taakstelling (a target) for an area and period, set by `door` (default BZK). */
  async bouwTaakstelling(o: {
    indicator: string;
    waarde: number;
    gebied?: { soort: string; code: string };
    van?: string;
    tot?: string;
    door?: string;
  }): Promise<{ id: string }> {
    const gebied = o.gebied ?? { soort: 'GEMEENTE', code: 'GM0344' };
    const { rows } = await this.admin.query(
      `INSERT INTO taakstelling (indicator_code, gebied_soort, gebied_code, periode_van, periode_tot, waarde, gesteld_door_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        o.indicator,
        gebied.soort,
        gebied.code,
        o.van ?? '2024-01-01',
        o.tot ?? '2024-12-31',
        o.waarde,
        await this.orgId(o.door ?? 'BZK'),
      ],
    );
    return this.onthoud('taakstelling', rows[0].id);
  }

  /**
   * One prestatieafspraak (default a CONCEPT of gemeente Utrecht with Domstad as partner), its
   * parties (the gemeente and `partijen`) and optionally afspraken with one target each.
   */
  async bouwPrestatieafspraak(
    o: {
      gemeente?: string;
      opgesteldDoor?: string;
      partijen?: string[];
      titel?: string;
      status?: string;
      jaarVan?: number;
      jaarTot?: number;
      afspraken?: {
        indicator: string;
        actielijn?: string;
        jaar: number;
        doelwaarde: number;
        peildatum?: string;
      }[];
    } = {},
  ): Promise<{ id: string; afspraken: string[] }> {
    const gemeente = o.gemeente ?? 'GM0344';
    const opsteller = await this.orgId(o.opgesteldDoor ?? gemeente);
    const vastgesteld = o.status === 'VASTGESTELD';
    const { rows } = await this.admin.query(
      `INSERT INTO prestatieafspraak (gemeente_code, opgesteld_door_id, titel, status, jaar_van, jaar_tot, vastgesteld_op)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $7 THEN now() END) RETURNING id`,
      [
        gemeente,
        opsteller,
        o.titel ?? `Afspraken ${gemeente} ${++this.teller}`,
        o.status ?? 'CONCEPT',
        o.jaarVan ?? 2024,
        o.jaarTot ?? 2027,
        vastgesteld,
      ],
    );
    const id = rows[0].id as string;
    this.onthoud('prestatieafspraak', id);
    const partijen = new Set([opsteller, await this.orgId(gemeente)]);
    for (const p of o.partijen ?? ['L0801']) partijen.add(await this.orgId(p));
    for (const p of partijen)
      await this.admin.query(
        `INSERT INTO prestatieafspraak_partij (prestatieafspraak_id, organisatie_id) VALUES ($1, $2)`,
        [id, p],
      );
    const afspraken: string[] = [];
    for (const [i, a] of (o.afspraken ?? []).entries()) {
      const { rows: ar } = await this.admin.query(
        `INSERT INTO afspraak (prestatieafspraak_id, volgnummer, actielijn, omschrijving, soort, indicator_code, catalogus_versie, verantwoordelijke_id)
         VALUES ($1, $2, $3, $4, 'INDICATOR', $5, '1', $6) RETURNING id`,
        [id, i + 1, a.actielijn ?? 'VOLDOENDE_WONINGEN', `Afspraak ${i + 1}`, a.indicator, opsteller],
      );
      await this.admin.query(
        `INSERT INTO afspraak_doelwaarde (afspraak_id, prestatieafspraak_id, jaar, peildatum, waarde) VALUES ($1, $2, $3, $4, $5)`,
        [ar[0].id, id, a.jaar, a.peildatum ?? `${a.jaar}-12-31`, a.doelwaarde],
      );
      afspraken.push(ar[0].id);
    }
    return { id, afspraken };
  }

  /** Deletes every row the builders made, newest first (afterEach). */
  async opruimen(): Promise<void> {
    while (this.gemaakt.length) {
      const { tabel, id } = this.gemaakt.pop()!;
      // children (partijen, afspraken, doelwaarden) go with their prestatieafspraak (ON DELETE CASCADE)
      await this.admin.query(`DELETE FROM ${tabel} WHERE id = $1`, [id]);
    }
  }

  private onthoud(tabel: string, id: string): { id: string } {
    this.gemaakt.push({ tabel, id });
    return { id };
  }
}
