import type { MigrationInterface, QueryRunner } from 'typeorm';
import { LEES_FUNCTIES } from './1764100000000-publicatie';

/**
 * The read functions of 1764100000000 filtered the cells with `p_gemeenten IS NULL OR
 * gemeente_code = ANY (p_gemeenten)`. PL/pgSQL caches plans per connection and Postgres may switch
 * to a generic plan after five calls; for that OR a generic plan cannot read the cell index by
 * gemeente (on the national seed a gemeente's figures took ~40 ms instead of ~5–10 ms with
 * plan_cache_mode = force_generic_plan). "Every gemeente" (NULL, the country) is now spelled out as
 * the array of all gemeente codes, so custom and generic plans both read the index by gemeente.
 * Otherwise the bodies are those of 1764100000000 (CREATE OR REPLACE: same signatures and grants).
 */
const WIJD = '(p_gemeenten IS NULL OR c.gemeente_code = ANY (p_gemeenten))';
const SMAL = 'c.gemeente_code = ANY (coalesce(p_gemeenten, ARRAY(SELECT g.code FROM public.gemeente g)))';

export class PublicatieLeesplan1764100000003 implements MigrationInterface {
  name = 'PublicatieLeesplan1764100000003';

  async up(q: QueryRunner): Promise<void> {
    const delen = LEES_FUNCTIES.split(WIJD);
    // toewijzingen, statushouders, kwartaalcijfers (the owner-only path over the rows keeps its own filter)
    if (delen.length !== 4)
      throw new Error(`expected 3 gemeente filters in the read functions, found ${delen.length - 1}`);
    await q.query(delen.join(SMAL).replaceAll('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(LEES_FUNCTIES.replaceAll('CREATE FUNCTION', 'CREATE OR REPLACE FUNCTION'));
  }
}
