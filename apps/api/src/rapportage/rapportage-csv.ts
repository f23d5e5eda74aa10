import { formatGetal, formatPercentage } from '@thuismonitor/domain';
import { schrijfCsv } from '../common/csv-veilig';
import type { RapportageCel, RapportageInhoud } from './rapportage-inhoud';

/**
 * CSV the way Dutch spreadsheet users open it: UTF-8 with BOM, `;` between fields, decimal comma,
 * one section per table with a heading line. Suppressed cells show the marker, never a number.
 * Quoting and formula neutralising: schrijfCsv (common/csv-veilig.ts), for every cell.
 */
const veld = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : typeof v === 'number' ? formatGetal(v) : v;
const cel = (c: RapportageCel | null) => (c ? c.weergave : '');
const pct = (p: number | null) => (p === null ? '' : formatPercentage(p));

export function renderCsv(r: RapportageInhoud): Buffer {
  const regels: string[][] = [];
  regels.push([r.titel]);
  regels.push(['Gebied', `${r.gebied.naam} (${r.gebied.code})`]);
  regels.push(['Kwartaal', r.kwartaalLabel]);
  regels.push(['Periode', `${r.periode.van} t/m ${r.periode.tot}`]);
  regels.push(['Peildatum', r.peildatum]);
  regels.push([]);
  regels.push(['Voortgang per indicator']);
  // coverage ("n van m gemeenten") beside every aggregate of an area above a gemeente
  const boven = r.gebied.soort !== 'GEMEENTE';
  regels.push(['Actielijn', 'Indicator', 'Naam', 'Eenheid', 'Taakstelling', 'Realisatie', ...(boven ? ['Dekking'] : []), 'Percentage', 'Status', 'Dit kwartaal', ...(boven ? ['Dekking dit kwartaal'] : []), 'Vorig kwartaal', ...(boven ? ['Dekking vorig kwartaal'] : []), 'Verschil']);
  for (const i of r.indicatoren) {
    regels.push([i.actielijnNaam, i.code, i.naam, i.eenheid, veld(i.taakstelling), cel(i.realisatie), ...(boven ? [i.dekking ?? ''] : []), pct(i.percentage), i.statusLabel, cel(i.ditKwartaal), ...(boven ? [i.dekkingDitKwartaal ?? ''] : []), cel(i.vorigKwartaal), ...(boven ? [i.dekkingVorigKwartaal ?? ''] : []), cel(i.verschil)]);
  }
  if (r.afspraken.length) {
    regels.push([]);
    regels.push(['Afspraken']);
    regels.push(['Prestatieafspraak', 'Afspraak', 'Actielijn', 'Indicator', 'Doelwaarde', 'Realisatie', 'Percentage', 'Status', 'Verantwoordelijk']);
    for (const a of r.afspraken) {
      regels.push([a.prestatieafspraak, a.omschrijving, a.actielijn, a.indicator ?? '', veld(a.doelwaarde), cel(a.realisatie), pct(a.percentage), a.status, a.verantwoordelijke]);
    }
  }
  if (r.statushouders.length) {
    regels.push([]);
    regels.push(['Taakstelling statushouders (personen)']);
    regels.push(['Gemeentecode', 'Gemeente', 'Halfjaar', 'Taakstelling', 'Meegenomen', 'Te realiseren', 'Gehuisvest', 'Saldo', 'Status']);
    for (const s of r.statushouders) {
      regels.push([s.gemeenteCode, s.gemeente, s.halfjaar, veld(s.taakstelling), veld(s.meegenomen), veld(s.teRealiseren), veld(s.gehuisvest), veld(s.saldo), s.status]);
    }
  }
  if (r.socialeHuur.length) {
    regels.push([]);
    regels.push(['Aandeel sociale huur (norm 30%)']);
    regels.push(['Gemeentecode', 'Gemeente', 'Aandeel', 'Norm', 'Voldoet']);
    for (const s of r.socialeHuur) {
      regels.push([s.gemeenteCode, s.gemeente, pct(s.aandeel), pct(s.norm), s.voldoet === null ? 'onbekend' : s.voldoet ? 'ja' : 'nee']);
    }
  }
  if (r.onderdelen) {
    regels.push([]);
    regels.push([`Realisatie per ${r.onderdelen.soort}`]);
    // a provincie's cell is an aggregate too: its coverage follows it
    const metDekking = r.onderdelen.regels.some((o) => o.dekking);
    regels.push(['Code', 'Naam', ...r.onderdelen.kolommen.flatMap((k) => (metDekking ? [k.naam, `Dekking ${k.naam}`] : [k.naam]))]);
    for (const o of r.onderdelen.regels) {
      regels.push([o.code, o.naam, ...r.onderdelen.kolommen.flatMap((k) => (metDekking ? [cel(o.cellen[k.code] ?? null), o.dekking?.[k.code] ?? ''] : [cel(o.cellen[k.code] ?? null)]))]);
    }
  }
  if (r.toelichting.length) {
    regels.push([]);
    for (const t of r.toelichting) regels.push([t]);
  }
  return schrijfCsv(regels);
}
