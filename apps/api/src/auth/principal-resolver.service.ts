import { Injectable } from '@nestjs/common';
import { isOrganisatieSoort } from '@thuismonitor/domain';
import { ScopedDb } from '../database/scoped-db.service';
import {
  AuthenticatieFout,
  type Principal,
  type PrincipalOrganisatie,
  type TokenIdentiteit,
} from '@thuismonitor/auth';

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

  constructor(private readonly db: ScopedDb) {}

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
    const row = await this.db.organisatieVoorAanmelding(code);
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
