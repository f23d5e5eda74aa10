import { Injectable, Optional } from '@nestjs/common';
import { isOrganisatieSoort } from '@thuismonitor/domain';
import { ScopedDb } from '../database/scoped-db.service';
import { CacheSignalen } from '../database/cache-signalen';
import { AanmeldingService } from '../organisatie';
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
 * an identity provider misconfiguration cannot widen anyone's scope. Unknown organisation: the
 * token is refused. A deactivated organisation (platform operator, apps/api/src/beheer) keeps
 * reading its history but writes nothing: its users keep only the role `lezen`, so every
 * permission that needs invoeren/tekenen/beheren/platformbeheer is refused.
 */
@Injectable()
export class PrincipalResolver {
  private readonly cache = new Map<string, { org: PrincipalOrganisatie; actief: boolean; tot: number }>();
  /** raised by every clearing: a lookup that started before it must not store its older answer */
  private generatie = 0;

  constructor(
    private readonly db: ScopedDb,
    signalen: CacheSignalen,
    /** notes who signs in for which organisation (the organisation's own user overview) */
    @Optional() private readonly aanmeldingen?: AanmeldingService,
  ) {
    // kind, active and werkgebied (a provincie's: its gemeenten) changed in any replica: at once
    signalen.abonneer(['organisatie', 'organisatie_werkgebied', 'gemeente'], () => this.vergeet());
  }

  async resolve(identiteit: TokenIdentiteit): Promise<Principal> {
    const { org, actief } = await this.organisatie(identiteit.organisatieCode);
    const rollen = actief ? identiteit.rollen : identiteit.rollen.filter((r) => r === 'lezen');
    const principal: Principal = { ...identiteit, rollen, organisatie: org };
    this.aanmeldingen?.noteer(principal);
    return principal;
  }

  /**
   * Drops every cached organisation. Called on every committed change to the organisation tables
   * in any process (CacheSignalen), and directly by the organisation administration in the
   * process that made the change.
   */
  vergeet(): void {
    this.generatie++;
    this.cache.clear();
  }

  private async organisatie(code: string): Promise<{ org: PrincipalOrganisatie; actief: boolean }> {
    const hit = this.cache.get(code);
    if (hit && hit.tot > Date.now()) return hit;
    const generatie = this.generatie;
    const row = await this.db.organisatieVoorAanmelding(code);
    if (!row || !isOrganisatieSoort(row.soort)) {
      throw new AuthenticatieFout(`organisation ${code} unknown`);
    }
    const org: PrincipalOrganisatie = {
      id: row.id,
      code: row.code,
      soort: row.soort,
      naam: row.naam,
      gemeenten: row.gemeenten,
      voorgangers: row.voorgangers,
      eerderWerkgebied: row.eerderWerkgebied,
      provincieCode: row.provincie,
    };
    const actief = row.actief === true;
    if (generatie === this.generatie) this.cache.set(code, { org, actief, tot: Date.now() + CACHE_MS });
    return { org, actief };
  }
}
