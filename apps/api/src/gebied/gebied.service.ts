import { Injectable } from '@nestjs/common';
import { LAND_CODE, type GebiedSoort } from '@thuismonitor/domain';
import { ReferentieService } from '../referentie';
import type { GebiedInfo } from './gebied.types';

/**
 * Turns (soort, code) into the area's gemeenten from reference data (held in memory by
 * ReferentieService). Reference data is public, so this says nothing about who may see the area's
 * figures; callers check that with the policy (gebiedBinnenScope, magTaakstellingStellen).
 */
@Injectable()
export class GebiedService {
  constructor(private readonly referentie: ReferentieService) {}

  /** undefined for an unknown area, and for a woningmarktregio without imported membership */
  async opzoeken(soort: GebiedSoort, code: string): Promise<GebiedInfo | undefined> {
    const c = code.trim().toUpperCase();
    let naam: string | undefined;
    let gemeenten: { code: string; provincieCode: string }[] = [];
    switch (soort) {
      case 'GEMEENTE': {
        const g = await this.referentie.gemeente(c);
        if (g) {
          naam = g.naam;
          gemeenten = [g];
        }
        break;
      }
      case 'PROVINCIE':
        naam = (await this.referentie.provincie(c))?.naam;
        if (naam) gemeenten = await this.referentie.gemeenten({ provincieCode: c });
        break;
      case 'WONINGMARKTREGIO':
        naam = (await this.referentie.woningmarktregio(c))?.naam;
        if (naam) gemeenten = await this.referentie.gemeenten({ woningmarktregioCode: c });
        break;
      case 'LAND':
        if (c === LAND_CODE) {
          naam = 'Nederland';
          gemeenten = await this.referentie.gemeenten();
        }
        break;
    }
    if (!naam || gemeenten.length === 0) return undefined;
    return {
      soort,
      code: c,
      naam,
      gemeenten: gemeenten.map((g) => g.code).sort(),
      provincies: [...new Set(gemeenten.map((g) => g.provincieCode))].sort(),
    };
  }

  /**
   * A gemeente's area for a period: the gemeente plus the gemeenten that merged into it
   * (herindeling) on or before the period's first day. Their figures stay on their own codes;
   * those dated in the period count for the new gemeente, and in provincie and land totals they
   * count once, as every code is a member there already (docs/decisions.md, "Herindeling").
   * Other areas and earlier periods are returned unchanged.
   */
  async metVoorgangers(gebied: GebiedInfo, periode: { van: string }): Promise<GebiedInfo> {
    if (gebied.soort !== 'GEMEENTE') return gebied;
    const voorgangers = await this.referentie.voorgangers(gebied.code, periode.van);
    if (voorgangers.length === 0) return gebied;
    const gemeenten = [...new Set([...gebied.gemeenten, ...voorgangers])].sort();
    const provincies = new Set(gebied.provincies);
    for (const code of voorgangers) {
      const g = await this.referentie.gemeente(code);
      if (g) provincies.add(g.provincieCode);
    }
    return { ...gebied, gemeenten, provincies: [...provincies].sort() };
  }

  /**
   * Every gemeente merged (herindeling) into `code`, at any depth, with the first day from which
   * its figures count for `code` (the latest date of its chain: A into B in 2022, B into C in 2025
   * counts for C from 2025). The same rule as metVoorgangers, for callers that split by period.
   */
  async voorgangersMetDatum(code: string): Promise<{ code: string; vanaf: string }[]> {
    const alle = await this.referentie.gemeenten();
    const uit: { code: string; vanaf: string }[] = [];
    let rand = [{ code, vanaf: '0000-01-01' }];
    while (rand.length) {
      const volgende: { code: string; vanaf: string }[] = [];
      for (const r of rand)
        for (const g of alle)
          if (g.opgegaanIn === r.code && g.opgehevenOp)
            volgende.push({ code: g.code, vanaf: g.opgehevenOp > r.vanaf ? g.opgehevenOp : r.vanaf });
      uit.push(...volgende);
      rand = volgende;
    }
    return uit.sort((a, b) => a.code.localeCompare(b.code));
  }

  async gemeenteNaam(code: string): Promise<string> {
    return (await this.referentie.gemeente(code))?.naam ?? code;
  }
}
