import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@thuismonitor/auth';
import { AuditService } from '../audit/audit.service';

/**
 * Every change to a prestatieafspraak (its parties, afspraken, doelwaarden, signatures, reacties,
 * mijlpalen) is audited on the prestatieafspraak itself (entiteit 'prestatieafspraak', entiteit_id
 * = its id), so its parties read one complete history (RLS policy audit_log_prestatieafspraak_partij).
 */
export const AUDIT_ENTITEIT = 'prestatieafspraak';

export const AUDIT_ACTIES = {
  AANGEMAAKT: 'Prestatieafspraak aangemaakt',
  GEWIJZIGD: 'Titel of looptijd gewijzigd',
  PARTIJ_TOEGEVOEGD: 'Partij toegevoegd',
  PARTIJ_VERWIJDERD: 'Partij verwijderd',
  AFSPRAAK_TOEGEVOEGD: 'Afspraak toegevoegd',
  AFSPRAAK_GEWIJZIGD: 'Afspraak gewijzigd',
  AFSPRAAK_VERWIJDERD: 'Afspraak verwijderd',
  INGEDIEND: 'Ter ondertekening aangeboden',
  ONDERTEKEND: 'Ondertekend',
  VASTGESTELD: 'Vastgesteld: alle partijen die moeten tekenen hebben getekend',
  TERUGGETROKKEN: 'Teruggetrokken naar concept; de gezette handtekeningen zijn vervallen',
  WIJZIGING_GESTART: 'Wijziging gestart: nieuwe versie in concept',
  VERSIE_AANGEMAAKT: 'Nieuwe versie aangemaakt op basis van de vorige',
  VERVANGEN: 'Beëindigd: vervangen door een nieuwe vastgestelde versie',
  BEEINDIGD: 'Beëindigd',
  CONCEPT_VERWIJDERD: 'Concept verwijderd',
  REACTIE_GEPLAATST: 'Reactie geplaatst',
  MIJLPAAL_BIJGEWERKT: 'Stand van een mijlpaal bijgewerkt',
  EVALUATIE_BIJGEWERKT: 'Evaluatie bijgewerkt',
  EVALUATIE_VASTGESTELD: 'Evaluatie vastgesteld',
  GESCHIL_GEREGISTREERD: 'Geschil geregistreerd',
  GESCHIL_BIJGEWERKT: 'Status of uitkomst van een geschil bijgewerkt',
} as const;

export type AuditActie = keyof typeof AUDIT_ACTIES;

export function auditOmschrijving(actie: string): string {
  return (AUDIT_ACTIES as Record<string, string>)[actie] ?? actie;
}

@Injectable()
export class PrestatieafspraakAudit {
  constructor(private readonly audit: AuditService) {}

  schrijf(
    m: EntityManager,
    ctx: RequestContext,
    pa: { id: string; gemeenteCode: string },
    actie: AuditActie,
    voor: unknown,
    na: unknown,
  ): Promise<void> {
    return this.audit.schrijf(m, ctx, {
      actie,
      entiteit: AUDIT_ENTITEIT,
      entiteitId: pa.id,
      gemeenteCode: pa.gemeenteCode,
      voor,
      na,
    });
  }
}
