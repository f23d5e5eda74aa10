import { formatPercentage } from '@thuismonitor/domain';
import type { RapportageCel, RapportageInhoud } from './rapportage-inhoud';

/**
 * Semantic HTML for the PDF: headings, real tables with <caption>, <th scope>, lang="nl".
 * Chromium's tagged print-to-PDF turns that structure into PDF tags (accessible PDF).
 */
const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const cel = (c: RapportageCel | null) => (c ? esc(c.weergave) : '');
const pct = (p: number | null) => (p === null ? '–' : esc(formatPercentage(p)));
const getal = (n: number | null) => (n === null ? '–' : esc(new Intl.NumberFormat('nl-NL').format(n)));

function tabel(caption: string, koppen: string[], rijen: string[][], numeriekVanaf = 99): string {
  return `<table><caption>${esc(caption)}</caption>
<thead><tr>${koppen.map((k) => `<th scope="col">${esc(k)}</th>`).join('')}</tr></thead>
<tbody>${rijen
    .map(
      (r) =>
        `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${v}</th>` : `<td${i >= numeriekVanaf ? ' class="num"' : ''}>${v}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

export function renderHtml(r: RapportageInhoud): string {
  const delen: string[] = [];
  delen.push(`<h1>${esc(r.titel)}</h1>
<p class="meta">${esc(r.gebied.naam)} · ${esc(r.kwartaalLabel)} · periode ${esc(r.periode.van)} t/m ${esc(r.periode.tot)} · peildatum ${esc(r.peildatum)}</p>`);
  delen.push('<h2>Voortgang per indicator</h2>');
  // coverage ("n van m gemeenten") beside every aggregate of an area above a gemeente
  const boven = r.gebied.soort !== 'GEMEENTE';
  const d = (x: string | null) => (boven ? [esc(x)] : []);
  delen.push(
    tabel(
      'Taakstelling, realisatie en status per indicator',
      ['Indicator', 'Actielijn', 'Taakstelling', 'Realisatie', ...(boven ? ['Dekking'] : []), 'Percentage', 'Status', 'Dit kwartaal', ...(boven ? ['Dekking dit kwartaal'] : []), 'Vorig kwartaal', ...(boven ? ['Dekking vorig kwartaal'] : []), 'Verschil'],
      r.indicatoren.map((i) => [esc(i.naam), esc(i.actielijnNaam), getal(i.taakstelling), cel(i.realisatie), ...d(i.dekking), pct(i.percentage), esc(i.statusLabel), cel(i.ditKwartaal), ...d(i.dekkingDitKwartaal), cel(i.vorigKwartaal), ...d(i.dekkingVorigKwartaal), cel(i.verschil)]),
      2,
    ),
  );
  if (r.afspraken.length) {
    delen.push('<h2>Afspraken</h2>');
    delen.push(
      tabel(
        'Voortgang van de afspraken',
        ['Afspraak', 'Prestatieafspraak', 'Doelwaarde', 'Realisatie', 'Percentage', 'Status', 'Verantwoordelijk'],
        r.afspraken.map((a) => [esc(a.omschrijving), esc(a.prestatieafspraak), getal(a.doelwaarde), cel(a.realisatie), pct(a.percentage), esc(a.status), esc(a.verantwoordelijke)]),
        2,
      ),
    );
  }
  if (r.statushouders.length) {
    delen.push('<h2>Taakstelling statushouders</h2>');
    delen.push(
      tabel(
        'Huisvesting statushouders in personen, met meegenomen achterstand of voorsprong',
        ['Gemeente', 'Halfjaar', 'Taakstelling', 'Meegenomen', 'Te realiseren', 'Gehuisvest', 'Saldo', 'Status'],
        r.statushouders.map((s) => [esc(s.gemeente), esc(s.halfjaar), getal(s.taakstelling), getal(s.meegenomen), getal(s.teRealiseren), getal(s.gehuisvest), getal(s.saldo), esc(s.status)]),
        2,
      ),
    );
  }
  if (r.socialeHuur.length) {
    delen.push('<h2>Aandeel sociale huur</h2>');
    delen.push(
      tabel(
        'Aandeel sociale huur in de woningvoorraad tegen de norm van 30%',
        ['Gemeente', 'Aandeel', 'Norm', 'Voldoet'],
        r.socialeHuur.map((s) => [esc(s.gemeente), pct(s.aandeel), pct(s.norm), s.voldoet === null ? 'onbekend' : s.voldoet ? 'ja' : 'nee']),
        1,
      ),
    );
  }
  if (r.onderdelen) {
    delen.push(`<h2>Realisatie per ${esc(r.onderdelen.soort)}</h2>`);
    delen.push(
      tabel(
        `Realisatie per ${r.onderdelen.soort}`,
        [r.onderdelen.soort === 'gemeente' ? 'Gemeente' : 'Provincie', ...r.onderdelen.kolommen.map((k) => k.naam)],
        r.onderdelen.regels.map((o) => [
          esc(o.naam),
          // a provincie's cell is an aggregate too: its coverage under the figure
          ...r.onderdelen!.kolommen.map((k) => cel(o.cellen[k.code] ?? null) + (o.dekking?.[k.code] ? `<br><span class="dekking">${esc(o.dekking[k.code])}</span>` : '')),
        ]),
        1,
      ),
    );
  }
  if (r.toelichting.length) {
    delen.push('<h2>Toelichting</h2>');
    delen.push(`<ul>${r.toelichting.map((t) => `<li>${esc(t)}</li>`).join('')}</ul>`);
  }
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>${esc(r.titel)}</title>
<style>
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 16pt; margin: 0 0 4pt; } h2 { font-size: 12pt; margin: 14pt 0 4pt; }
.meta { color: #333; margin: 0 0 8pt; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; page-break-inside: auto; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
thead th { background: #e8eef5; } tr { page-break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.dekking { font-size: 7pt; color: #444; }
</style></head><body><main>${delen.join('\n')}</main></body></html>`;
}
