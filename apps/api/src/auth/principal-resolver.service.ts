import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isOrganisatieSoort } from '@thuismonitor/domain';
import { AuthenticatieFout, type Principal, type PrincipalOrganisatie, type TokenIdentiteit } from '@thuismonitor/auth';

const CACHE_MS = 30_000;

/**
 * Turns a verified token identity into a Principal by looking up the organisation named in the
 * token. The organisation's kind and werkgebied come from our database, never from the token, so
 * an identity provider misconfiguration cannot widen anyone's scope. Unknown or inactive
 * organisation: the token is refused.
 */
@Injectable()
export class PrincipalResolver {
  private readonly cache = new Map<string, { org: PrincipalOrganisatie; tot: number }>();

  constructor(private readonly dataSource: DataSource) {}

  async resolve(identiteit: TokenIdentiteit): Promise<Principal> {
    const org = await this.organisatie(identiteit.organisatieCode);
    return { ...identiteit, organisatie: org };
  }

  /** Tests and admin mutations that change werkgebieden call this so changes apply at once. */
  vergeet(): void {
    this.cache.clear();
  }

  private async organisatie(code: string): Promise<PrincipalOrganisatie> {
    const hit = this.cache.get(code);
    if (hit && hit.tot > Date.now()) return hit.org;
    const [row] = await this.dataSource.query(
      `SELECT o.id, o.code, o.soort, o.naam, o.actief, o.gemeente_code, o.provincie_code,
              CASE o.soort
                WHEN 'GEMEENTE' THEN ARRAY[o.gemeente_code]
                WHEN 'PROVINCIE' THEN (SELECT coalesce(array_agg(g.code ORDER BY g.code), '{}') FROM gemeente g
                                        WHERE g.provincie_code = o.provincie_code)
                WHEN 'RIJK' THEN '{}'::text[]
                ELSE (SELECT coalesce(array_agg(w.gemeente_code ORDER BY w.gemeente_code), '{}')
                      FROM organisatie_werkgebied w WHERE w.organisatie_id = o.id)
              END AS gemeenten,
              CASE WHEN o.soort = 'GEMEENTE' THEN (SELECT provincie_code FROM gemeente WHERE code = o.gemeente_code)
                   ELSE o.provincie_code END AS provincie
       FROM organisatie o WHERE o.code = $1`,
      [code],
    );
    if (!row || !row.actief || !isOrganisatieSoort(row.soort)) {
      throw new AuthenticatieFout(`organisation ${code} unknown or inactive`);
    }
    const org: PrincipalOrganisatie = {
      id: row.id,
      code: row.code,
      soort: row.soort,
      naam: row.naam,
      gemeenten: row.gemeenten,
      provincieCode: row.provincie,
    };
    this.cache.set(code, { org, tot: Date.now() + CACHE_MS });
    return org;
  }
}
