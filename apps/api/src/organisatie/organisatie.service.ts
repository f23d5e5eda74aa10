import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ScopedDb } from '../database/scoped-db.service';
import type { Organisatie, OrganisatieFilter } from './organisatie.types';

const SELECT = `
  SELECT o.id, o.code, o.soort, o.naam, o.gemeente_code AS "gemeenteCode", o.provincie_code AS "provincieCode",
         coalesce((SELECT array_agg(w.gemeente_code ORDER BY w.gemeente_code) FROM organisatie_werkgebied w
                   WHERE w.organisatie_id = o.id), '{}') AS "werkgebiedCodes"
  FROM organisatie o`;

/**
 * The organisation list is visible to every signed-in user (DESIGN §6); no tenant rows here, so it
 * is read on ScopedDb's public path (app role, no tenant settings).
 */
@Injectable()
export class OrganisatieService {
  constructor(private readonly db: ScopedDb) {}

  async lijst(filter: OrganisatieFilter = {}): Promise<Organisatie[]> {
    const waar: string[] = ['o.actief'];
    const params: unknown[] = [];
    if (filter.soort) {
      params.push(filter.soort);
      waar.push(`o.soort = $${params.length}`);
    }
    if (filter.gemeenteCode) {
      params.push(filter.gemeenteCode);
      waar.push(`(o.gemeente_code = $${params.length}
        OR EXISTS (SELECT 1 FROM organisatie_werkgebied w WHERE w.organisatie_id = o.id AND w.gemeente_code = $${params.length})
        OR o.provincie_code = (SELECT provincie_code FROM gemeente WHERE code = $${params.length})
        OR o.soort = 'RIJK')`);
    }
    if (filter.zoek?.trim()) {
      params.push(`%${filter.zoek.trim()}%`);
      waar.push(`(o.naam ILIKE $${params.length} OR o.code ILIKE $${params.length})`);
    }
    return this.db.publiek((m) =>
      m.query(`${SELECT} WHERE ${waar.join(' AND ')} ORDER BY o.soort, o.naam`, params),
    );
  }

  async opId(id: string): Promise<Organisatie | undefined> {
    const [row] = await this.db.publiek((m) => m.query(`${SELECT} WHERE o.id = $1`, [id]));
    return row;
  }

  /**
   * `binnen`: the manager of a transaction the caller holds. The organisation tables are reference
   * data the app role reads in any transaction, so a caller inside one must pass it: taking a
   * second pool connection while holding the first deadlocks the pool when every connection is
   * held by such a request (seen: the national overview's parallel voortgang queries).
   */
  async opIds(ids: string[], binnen?: EntityManager): Promise<Organisatie[]> {
    const sql = `${SELECT} WHERE o.id = ANY($1::uuid[])`;
    if (binnen) return binnen.query(sql, [ids]);
    return this.db.publiek((m) => m.query(sql, [ids]));
  }
}
