import type { Beheer } from '../database/beheer';
import {
  heeftDemoToewijzingen,
  organisatieId,
  voegDemoKwartaalcijfersToe,
  voegDemoNieuwbouwToe,
  voegDemoProvincieTakenToe,
  voegDemoStatushoudersTaakToe,
  voegDemoToewijzingenToe,
} from './demo.repository';

/**
 * Demo figures so that the run command shows a living product: toewijzingen of the two demo
 * corporaties in their werkgebied since 2025, a few nieuwbouwprojecten, quarterly figures and the
 * statushouders taakstelling per gemeente. Deterministic (no random()), and only once: skipped as
 * soon as the demo corporatie has any toewijzing. Never used by the tests, which count rows.
 */
export async function seedDemoRealisatie(ds: Beheer, vandaag: string): Promise<boolean> {
  return ds.transaction(async (m) => {
    if (await heeftDemoToewijzingen(m)) return false;
    const [domstad, eemland, bzk, pv26, utrecht, zorg] = await Promise.all(
      ['L0801', 'L0802', 'BZK', 'PV26', 'GM0344', 'ZA-STICHTWONEN'].map((code) => organisatieId(m, code)),
    );
    if (!domstad || !eemland || !bzk || !pv26 || !utrecht || !zorg) return true;

    // toewijzingen: about 8% to statushouders, 10% urgent, the rest spread over the other groups
    await voegDemoToewijzingenToe(m, domstad, eemland, vandaag);
    // fase VERGUND/IN_AANBOUW need their dates, OPGELEVERD its opleverdatum: satisfied there
    await voegDemoNieuwbouwToe(m, domstad, eemland);
    // quarterly figures: stock of sociale huur (corporatie), total stock (gemeente), zorgvraag (zorgaanbieder)
    await voegDemoKwartaalcijfersToe(m, { domstad, eemland, utrecht, zorg }, vandaag);
    // the statushouders taakstelling per gemeente per half year (Rijk), about 1 person per 1,400 inwoners
    await voegDemoStatushoudersTaakToe(m, bzk);
    // a provincial target for sociale huur opgeleverd in 2026, and the woondeal 2022–2030 per
    // gemeente (the provincie's translation of the regional deal; issue 12 item 5, page /woondeals)
    await voegDemoProvincieTakenToe(m, pv26);
    return true;
  });
}
