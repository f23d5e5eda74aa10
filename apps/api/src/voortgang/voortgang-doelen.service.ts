import { Injectable } from '@nestjs/common';
import {
  GEEN_DOEL_WAARDE,
  doelInPeriode,
  somVanDoelen,
  taakstellingTelt,
  type Doel,
  type GebiedDoel,
  type Indicator,
  type IsoDatum,
  type Periode,
  type TaakstellingRegel,
} from '@thuismonitor/domain';
import type { GebiedInfo } from '../gebied';
import { ReferentieService } from '../referentie';
import type { Vrager } from './voortgang-bundel.repository';
import { taakstellingRijen } from './voortgang.repository';

/** The targets of one measurement: of the area per indicator, and of each gemeente. */
export interface Doelen {
  voorGebied(indicator: Indicator): GebiedDoel;
  perGemeente(indicator: Indicator, gemeente: string): Doel;
}

/**
 * Targets per indicator for the area and per gemeente (domain doelInPeriode: highest level, the
 * full target, due on its last day; an area above a gemeente uses its own target, else the sum
 * of its parts; LAND's parts are provincies).
 */
@Injectable()
export class VoortgangDoelenService {
  constructor(private readonly referentie: ReferentieService) {}

  /** Registers its query on `m` (a Bundel) before its first await. */
  async doelen(m: Vrager, gebied: GebiedInfo, periode: Periode, peil: IsoDatum): Promise<Doelen> {
    const rijen = await taakstellingRijen(m, gebied, periode.van, periode.tot, gebied.soort === 'LAND');
    const regels = new Map<string, TaakstellingRegel[]>();
    for (const r of rijen) {
      // the stock share of sociale huur is judged only against a provincie's target (woondeal.ts)
      if (!taakstellingTelt(r.indicator, r.gesteld_door)) continue;
      const sleutel = `${r.soort}|${r.code}|${r.indicator}`;
      regels.set(sleutel, [
        ...(regels.get(sleutel) ?? []),
        { van: r.van, tot: r.tot, waarde: Number(r.waarde), gesteldDoor: r.gesteld_door },
      ]);
    }
    const van = (soort: string, code: string, indicator: Indicator): Doel =>
      doelInPeriode(
        regels.get(`${soort}|${code}|${indicator.code}`) ?? [],
        periode,
        indicator.aggregatie,
        peil,
      );
    const perGemeente = (indicator: Indicator, g: string) => van('GEMEENTE', g, indicator);

    const provincieVan = new Map<string, string[]>();
    if (gebied.soort === 'LAND') {
      for (const g of await this.referentie.gemeenten()) {
        provincieVan.set(g.provincieCode, [...(provincieVan.get(g.provincieCode) ?? []), g.code]);
      }
    }
    const voorGebied = (indicator: Indicator): GebiedDoel => {
      if (gebied.soort === 'GEMEENTE') {
        let doel = perGemeente(indicator, gebied.code);
        if (gebied.gemeenten.length > 1 && indicator.aggregatie !== 'AANDEEL') {
          // after a herindeling (metVoorgangers): targets of the period that stayed on the old
          // codes (a closed period when it was applied late) count for the new gemeente too
          const som = somVanDoelen(
            gebied.gemeenten.map((g) => perGemeente(indicator, g)),
            indicator.aggregatie,
          );
          if (som.waarde !== null)
            doel = { waarde: som.waarde, vervallen: som.vervallen, vervaldatum: som.vervaldatum };
        }
        return { doel, bron: doel.waarde === null ? 'GEEN' : 'GEBIED', onderdelen: 0 };
      }
      const eigen = van(gebied.soort, gebied.code, indicator);
      if (eigen.waarde !== null) return { doel: eigen, bron: 'GEBIED', onderdelen: 0 };
      const delen =
        gebied.soort !== 'LAND'
          ? gebied.gemeenten.map((g) => perGemeente(indicator, g))
          : [...provincieVan.entries()].map(([pv, gs]) => {
              const eigenPv = van('PROVINCIE', pv, indicator);
              return eigenPv.waarde !== null
                ? eigenPv
                : somVanDoelen(
                    gs.map((g) => perGemeente(indicator, g)),
                    indicator.aggregatie,
                  );
            });
      const som = somVanDoelen(delen, indicator.aggregatie);
      const doel: Doel = { waarde: som.waarde, vervallen: som.vervallen, vervaldatum: som.vervaldatum };
      return {
        doel: doel.waarde === null ? GEEN_DOEL_WAARDE : doel,
        bron: doel.waarde === null ? 'GEEN' : 'ONDERDELEN',
        onderdelen: som.onderdelen,
      };
    };
    return { voorGebied, perGemeente };
  }
}
