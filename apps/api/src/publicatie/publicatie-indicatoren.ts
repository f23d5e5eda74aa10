import { INDICATOR_CATALOGUS, type Indicator, type ToewijzingenBerekening } from '@thuismonitor/domain';
import type { ToewijzingCelRij } from './publicatie.repository';

/**
 * From the rows of toewijzingCellen to the catalogue's toewijzing indicators, so every screen,
 * report section and export adds the same rows the same way (each indicator is a sum of rows, so
 * a total stays the sum of its parts). `eigen` is the principal's own exact part, `anderen` the
 * released part of others' cells. STATUSHOUDERS_GEHUISVEST is public by nature: pass the exact
 * persons of statushoudersPersonen and it is taken from there (all `eigen`-like, exact).
 */
export interface IndicatorDeel {
  eigen: number;
  anderen: number;
  totaal: number;
}

export interface ToewijzingIndicator {
  perGemeente: Map<string, IndicatorDeel>;
  totaal: IndicatorDeel;
}

const leeg = (): IndicatorDeel => ({ eigen: 0, anderen: 0, totaal: 0 });

export const TOEWIJZING_INDICATOREN: readonly Indicator[] = INDICATOR_CATALOGUS.filter((i) => i.bron === 'TOEWIJZINGEN');

export function telt(b: ToewijzingenBerekening, r: ToewijzingCelRij): boolean {
  return (
    (b.aandachtsgroep === 'ALLE' || r.aandachtsgroep === b.aandachtsgroep) &&
    (!b.alleenViaUrgentie || r.viaUrgentie)
  );
}

export function toewijzingIndicatoren(
  rijen: readonly ToewijzingCelRij[],
  statushouders?: readonly { gemeente: string; personen: number }[],
): Map<string, ToewijzingIndicator> {
  const uit = new Map<string, ToewijzingIndicator>();
  for (const indicator of TOEWIJZING_INDICATOREN) {
    const b = indicator.berekening as ToewijzingenBerekening;
    const ind: ToewijzingIndicator = { perGemeente: new Map(), totaal: leeg() };
    const tel = (gemeente: string, eigen: boolean, n: number) => {
      const g = ind.perGemeente.get(gemeente) ?? leeg();
      ind.perGemeente.set(gemeente, g);
      for (const d of [g, ind.totaal]) {
        if (eigen) d.eigen += n;
        else d.anderen += n;
        d.totaal += n;
      }
    };
    if (indicator.code === 'STATUSHOUDERS_GEHUISVEST' && statushouders) {
      for (const s of statushouders) tel(s.gemeente, true, s.personen);
    } else {
      for (const r of rijen)
        if (telt(b, r)) tel(r.gemeente, r.eigen, b.telling === 'PERSONEN' ? r.personen : r.huishoudens);
    }
    uit.set(indicator.code, ind);
  }
  return uit;
}
