import { ACTIELIJNEN, aantalTekst, formatPercentage, halfjaarTekst } from '@thuismonitor/domain';
import type { RapportageInhoud, RapportageKop, RapportageStatushoudersRegel } from './rapportage-inhoud';
import { gebiedKaart, gegroepeerdeStaven, percentageStaven, type KaartKlasse } from './rapportage-grafiek';
import { gemeenteGrenzen, provincieGrenzen } from './kaartgrenzen';
import {
  programmaTekst,
  bestandsTitel,
  celTekst,
  eenheidTekst,
  eenheidVan,
  halfjaarKolom,
  kernboodschap,
  loopt,
  metagegevens,
  percentageTekst,
  socialeHuurOordeelTekst,
  socialeHuurUitleg,
  woondealTekst,
  statushoudersBoodschap,
  statushoudersStatusTekst,
  statusTekst,
  taakstellingTekst,
  verschilCelTekst,
} from './rapportage-weergave';

/** Dutch collation built once (a.localeCompare(b, 'nl') builds a collator per call). */
const NL = new Intl.Collator('nl');
/**
 * Semantic HTML for the PDF (issue 11): a first page that says what the file is and gives the
 * kernboodschap per actielijn, then a section per actielijn with its chart (server-side SVG with
 * title and description) and data table, the afspraken, statushouders and sociale huur, and for
 * a provincie or the country a compact comparison of its parts. Headings become the PDF's
 * bookmarks, tables with <caption> and <th scope> become tagged tables (Chromium's tagged
 * print-to-PDF); lang nl-NL and the title become the document's language and title.
 * The national report keeps the per-gemeente detail out of the PDF (it is in the XLSX and CSV).
 */
const esc = (s: string | number | null | undefined) =>
  String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function tabel(
  caption: string,
  koppen: string[],
  rijen: string[][],
  numeriekVanaf = 99,
  klasse = '',
): string {
  return `<table${klasse ? ` class="${klasse}"` : ''}><caption>${esc(caption)}</caption>
<thead><tr>${koppen.map((k) => `<th scope="col">${esc(k)}</th>`).join('')}</tr></thead>
<tbody>${rijen
    .map(
      (r) =>
        `<tr>${r.map((v, i) => (i === 0 ? `<th scope="row">${esc(v)}</th>` : `<td${i >= numeriekVanaf ? ' class="num"' : ''}>${esc(v)}</td>`)).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;
}

const figuur = (svg: string | null) => (svg ? `<figure class="grafiek">${svg}</figure>` : '');

function statushoudersPerProvincie(r: RapportageInhoud): string[][] {
  const naam = new Map((r.onderdelen?.regels ?? []).map((o) => [o.code, o.naam]));
  const groepen = new Map<string, RapportageStatushoudersRegel[]>();
  for (const s of r.statushouders) {
    const sleutel = `${s.provincieCode ?? '?'}|${s.halfjaar}`;
    groepen.set(sleutel, [...(groepen.get(sleutel) ?? []), s]);
  }
  return [...groepen.entries()]
    .sort(
      ([a], [b]) =>
        NL.compare(naam.get(a.split('|')[0]) ?? a, naam.get(b.split('|')[0]) ?? b) || a.localeCompare(b),
    )
    .map(([sleutel, rijen]) => {
      const [pv] = sleutel.split('|');
      const som = (f: (s: RapportageStatushoudersRegel) => number) =>
        aantalTekst(rijen.reduce((t, s) => t + f(s), 0));
      return [
        naam.get(pv) ?? pv,
        halfjaarKolom(rijen[0], r.peildatum),
        som((s) => s.teRealiseren),
        som((s) => s.gehuisvest),
        `${rijen.filter((s) => s.saldo > 0).length} van ${rijen.length}`,
      ];
    });
}

/** Classes of the share of gemeenten behind, for the national map (a sequential blue scale). */
const ACHTER_KLASSEN: (KaartKlasse & { tot: number })[] = [
  { tot: 25, label: 'minder dan 25% van de gemeenten achter', kleur: '#d4e6f1' },
  { tot: 50, label: '25% tot 50%', kleur: '#8fb8de' },
  { tot: 75, label: '50% tot 75%', kleur: '#3e7cb1' },
  { tot: Infinity, label: '75% of meer', kleur: '#154273' },
];
/** The statushouders status of a gemeente in a half year, for the map of a provincie or regio. */
const STATUS_KLASSEN: (KaartKlasse & { status: string })[] = [
  { status: 'achterstand', label: 'achterstand', kleur: '#d95f02' },
  { status: 'taakstelling gehaald', label: 'taakstelling gehaald', kleur: '#8fb8de' },
  { status: 'voorsprong', label: 'voorsprong', kleur: '#154273' },
];

/**
 * The map beside the statushouders table above a gemeente, for the last half year of the report
 * (provisional while it runs), from the same rows as the table. The country: each provincie
 * coloured by the share of its gemeenten behind. A provincie or regio: each of its gemeenten
 * coloured by its status (achterstand, gehaald, voorsprong).
 */
function statushoudersKaart(r: RapportageInhoud, halfjaar: string): string | null {
  const rijen = r.statushouders.filter((s) => s.halfjaar === halfjaar);
  if (!rijen.length) return null;
  const wanneer = `${halfjaarTekst(halfjaar)}${loopt(rijen[0], r.peildatum) ? ' (loopt, voorlopig)' : ''}`;
  if (r.gebied.soort === 'LAND') {
    return gebiedKaart({
      titel: `Statushouders, ${wanneer}: aandeel gemeenten met achterstand per provincie`,
      kaartNaam: 'provincies',
      grenzen: provincieGrenzen(),
      namenTonen: true,
      klassen: ACHTER_KLASSEN,
      gebieden: (r.onderdelen?.regels ?? []).map((o) => {
        const eigen = rijen.filter((s) => s.provincieCode === o.code);
        const achter = eigen.filter((s) => s.saldo > 0).length;
        const aandeel = eigen.length ? (achter / eigen.length) * 100 : null;
        return {
          code: o.code,
          naam: o.naam,
          klasse: aandeel === null ? null : ACHTER_KLASSEN.findIndex((k) => aandeel < k.tot),
          tekst:
            aandeel === null
              ? 'geen gegevens'
              : `${achter} van ${eigen.length} gemeenten met achterstand (${formatPercentage(aandeel)})`,
        };
      }),
    });
  }
  const codes = new Set(rijen.map((s) => s.gemeenteCode));
  return gebiedKaart({
    titel: `Statushouders, ${wanneer}: status per gemeente`,
    kaartNaam: `gemeenten:${r.gebied.soort}:${r.gebied.code}:${[...codes].sort().join(',')}`,
    grenzen: gemeenteGrenzen().filter((f) => codes.has(f.properties.name)),
    klassen: STATUS_KLASSEN,
    gebieden: rijen.map((s) => {
      const klasse = STATUS_KLASSEN.findIndex((k) => k.status === s.status.toLowerCase());
      return {
        code: s.gemeenteCode,
        naam: s.gemeente,
        klasse: klasse < 0 ? null : klasse,
        tekst: `${s.status.toLowerCase()} (saldo ${aantalTekst(s.saldo)})`,
      };
    }),
  });
}

export function renderHtml(r: RapportageInhoud, kop: RapportageKop): string {
  const delen: string[] = [];
  const boven = r.gebied.soort !== 'GEMEENTE';
  const land = r.gebied.soort === 'LAND';
  const titel = bestandsTitel(r, kop);

  // ---- first page: what this file is, and the kernboodschap
  delen.push(`<header><h1>${esc(r.titel)}</h1>
<section aria-labelledby="over"><h2 id="over">Over dit bestand</h2><dl class="meta">${metagegevens(r, kop)
    .map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`)
    .join('')}</dl></section></header>`);
  const kern = kernboodschap(r);
  const sh = statushoudersBoodschap(r);
  delen.push(`<section aria-labelledby="kern"><h2 id="kern">Kernboodschap</h2>
${kern.map((k) => `<h3>${esc(k.naam)}</h3>${k.zinnen.map((z) => `<p>${esc(z)}</p>`).join('')}`).join('\n')}
${sh.length ? `<h3>Statushouders</h3>${sh.map((z) => `<p>${esc(z)}</p>`).join('')}` : ''}</section>`);

  // ---- a section per actielijn: chart + table
  const dekkingKop = boven ? ['Dekking'] : [];
  let nr = 0;
  for (const a of ACTIELIJNEN) {
    const ind = r.indicatoren.filter((i) => i.actielijn === a.code);
    if (!ind.length) continue;
    nr++;
    const grafiek = percentageStaven({
      titel: `${a.naam}: realisatie als percentage van de taakstelling`,
      staven: ind
        .filter((i) => i.taakstelling !== null)
        .map((i) => ({ label: i.naam, waarde: i.percentage })),
    });
    const zonderDoel = ind.filter((i) => i.taakstelling === null).length;
    delen.push(`<section class="actielijn" aria-labelledby="al-${a.code}"><h2 id="al-${a.code}">${nr}. ${esc(a.naam)}</h2>
${figuur(grafiek)}
${grafiek ? '' : '<p class="noot">Geen indicator van deze actielijn heeft een doel voor dit gebied; daarom geen grafiek.</p>'}
${tabel(
  `${a.naam}: taakstelling en realisatie per indicator${zonderDoel ? ` (${zonderDoel} van ${ind.length} zonder doel)` : ''}`,
  [
    'Indicator',
    'Eenheid',
    'Taakstelling',
    'Realisatie',
    ...dekkingKop,
    '% van taakstelling',
    'Status',
    'Dit kwartaal',
    'Vorig kwartaal',
    'Verschil',
  ],
  ind.map((i) => [
    i.naam,
    eenheidTekst(i.eenheid),
    taakstellingTekst(i),
    celTekst(i.realisatie, i.eenheid),
    ...(boven ? [i.dekking ?? ''] : []),
    percentageTekst(i.percentage),
    statusTekst(i),
    celTekst(i.ditKwartaal, i.eenheid),
    celTekst(i.vorigKwartaal, i.eenheid),
    verschilCelTekst(i.verschil, i.eenheid),
  ]),
  2,
)}</section>`);
  }

  if (r.afspraken.length && boven) {
    // above a gemeente the PDF counts the afspraken per part; every afspraak is in the XLSX and CSV
    const naamPv = new Map((r.onderdelen?.regels ?? []).map((o) => [o.code, o.naam]));
    const deel = (a: (typeof r.afspraken)[number]) =>
      land ? (naamPv.get(a.provincieCode ?? '') ?? a.provincieCode ?? 'onbekend') : (a.gemeente ?? '');
    const groepen = new Map<string, typeof r.afspraken>();
    for (const a of r.afspraken) groepen.set(deel(a), [...(groepen.get(deel(a)) ?? []), a]);
    const tel = (rijen: typeof r.afspraken, status: string) =>
      String(rijen.filter((a) => a.status.toLowerCase() === status).length);
    delen.push(`<section aria-labelledby="afspraken"><h2 id="afspraken">Afspraken uit prestatieafspraken</h2>
<p>${r.afspraken.length} afspraken uit vastgestelde prestatieafspraken in ${groepen.size} ${land ? 'provincies' : 'gemeenten'}: ${tel(r.afspraken, 'op schema')} op schema, ${tel(r.afspraken, 'achter op schema')} achter, ${tel(r.afspraken, 'voor op schema')} voor. Elke afspraak met haar voortgang en verantwoordelijke staat in de XLSX- en CSV-bijlage.</p>
${tabel(
  `Afspraken per ${land ? 'provincie' : 'gemeente'} naar status`,
  [land ? 'Provincie' : 'Gemeente', 'Afspraken', 'Op schema', 'Achter', 'Voor', 'Overig'],
  [...groepen.entries()]
    .sort(([x], [y]) => NL.compare(x, y))
    .map(([naam, rijen]) => {
      const op = Number(tel(rijen, 'op schema'));
      const ac = Number(tel(rijen, 'achter op schema'));
      const vo = Number(tel(rijen, 'voor op schema'));
      return [
        naam,
        String(rijen.length),
        String(op),
        String(ac),
        String(vo),
        String(rijen.length - op - ac - vo),
      ];
    }),
  1,
)}</section>`);
  } else if (r.afspraken.length) {
    delen.push(`<section aria-labelledby="afspraken"><h2 id="afspraken">Afspraken uit prestatieafspraken</h2>
${tabel(
  'Voortgang van de afspraken',
  ['Afspraak', 'Prestatieafspraak', 'Doel', 'Realisatie', '% van doel', 'Status', 'Verantwoordelijk'],
  r.afspraken.map((a) => {
    const mijlpaal = a.soort === 'MIJLPAAL';
    const e = eenheidVan(a.indicator);
    return [
      a.omschrijving,
      a.prestatieafspraak,
      mijlpaal
        ? 'mijlpaal'
        : a.doelwaarde === null
          ? '–'
          : taakstellingTekst({ taakstelling: a.doelwaarde, eenheid: e }),
      mijlpaal ? (a.realisatie?.waarde ? 'bereikt' : 'niet bereikt') : celTekst(a.realisatie, e),
      mijlpaal ? '–' : percentageTekst(a.percentage),
      a.status.toLowerCase(),
      a.verantwoordelijke,
    ];
  }),
  2,
)}</section>`);
  }

  if (r.statushouders.length) {
    const halfjaren = [...new Set(r.statushouders.map((s) => s.halfjaar))].sort();
    const som = (h: string, f: (s: RapportageStatushoudersRegel) => number) =>
      r.statushouders.filter((s) => s.halfjaar === h).reduce((t, s) => t + f(s), 0);
    const grafiek = gegroepeerdeStaven({
      titel: `Statushouders: te huisvesten en gehuisvest per halfjaar (personen)`,
      categorieen: halfjaren.map(
        (h) => `${halfjaarTekst(h)}${loopt({ halfjaar: h }, r.peildatum) ? ' (voorlopig)' : ''}`,
      ),
      reeksen: [
        {
          naam: 'Te huisvesten',
          waarden: halfjaren.map((h) => som(h, (s) => s.teRealiseren)),
          kleur: '#8fb8de',
        },
        { naam: 'Gehuisvest', waarden: halfjaren.map((h) => som(h, (s) => s.gehuisvest)), kleur: '#154273' },
      ],
      eenheid: 'personen',
    });
    const kaart = boven ? statushoudersKaart(r, halfjaren[halfjaren.length - 1]) : null;
    const tabelDeel = land
      ? tabel(
          'Statushouders per provincie en halfjaar (personen); de cijfers per gemeente staan in de XLSX- en CSV-bijlage',
          ['Provincie', 'Halfjaar', 'Te huisvesten', 'Gehuisvest', 'Gemeenten met achterstand'],
          statushoudersPerProvincie(r),
          2,
        )
      : tabel(
          'Huisvesting statushouders in personen, met meegenomen achterstand of voorsprong',
          [
            'Gemeente',
            'Halfjaar',
            'Taakstelling',
            'Meegenomen',
            'Te huisvesten',
            'Gehuisvest',
            'Saldo',
            'Status',
          ],
          r.statushouders.map((s) => [
            s.gemeente,
            halfjaarKolom(s, r.peildatum),
            aantalTekst(s.taakstelling),
            aantalTekst(s.meegenomen),
            aantalTekst(s.teRealiseren),
            aantalTekst(s.gehuisvest),
            aantalTekst(s.saldo),
            statushoudersStatusTekst(s, r.peildatum),
          ]),
          2,
        );
    delen.push(`<section aria-labelledby="statushouders"><h2 id="statushouders">Taakstelling statushouders</h2>
${statushoudersBoodschap(r)
  .map((z) => `<p>${esc(z)}</p>`)
  .join('')}
${kaart ? `<div class="figuren">${figuur(grafiek)}${figuur(kaart)}</div>` : figuur(grafiek)}${tabelDeel}
<p class="noot">Saldo: nog te huisvesten (positief) of voorsprong (negatief); het gaat mee naar het volgende halfjaar. Een halfjaar dat op de peildatum nog loopt is voorlopig.</p></section>`);
  }

  if (r.woondeal) {
    const w = r.woondeal;
    delen.push(`<section aria-labelledby="woondeal"><h2 id="woondeal">Woondeal: nieuwbouw van het jaar</h2>
${woondealTekst(r)
  .map((t) => `<p>${esc(t)}</p>`)
  .join('')}
${tabel(
  'Opgeleverde nieuwbouw tegen de taakstellingen (jaar tot en met de peildatum)',
  ['Onderdeel', 'Taakstelling', 'Opgeleverd', 'Percentage', 'Status'],
  w.regels.map((x) => [
    x.naam,
    aantalTekst(x.taakstelling),
    aantalTekst(x.realisatie),
    percentageTekst(x.percentage),
    x.status,
  ]),
  1,
)}</section>`);
  }

  if (r.socialeHuur.length) {
    let inhoud: string;
    if (land) {
      const naam = new Map((r.onderdelen?.regels ?? []).map((o) => [o.code, o.naam]));
      const perPv = new Map<string, typeof r.socialeHuur>();
      for (const s of r.socialeHuur)
        perPv.set(s.provincieCode ?? '?', [...(perPv.get(s.provincieCode ?? '?') ?? []), s]);
      inhoud = tabel(
        'Aandeel sociale huur in de voorraad per provincie: gemeenten met een doel van de provincie; de cijfers per gemeente staan in de XLSX- en CSV-bijlage',
        [
          'Provincie',
          'Gemeenten',
          'Aandeel bekend',
          'Doel van de provincie',
          'Op of boven het doel',
          'Onder het doel',
        ],
        [...perPv.entries()]
          .sort(([a], [b]) => NL.compare(naam.get(a) ?? a, naam.get(b) ?? b))
          .map(([pv, rijen]) => [
            naam.get(pv) ?? pv,
            String(rijen.length),
            String(rijen.filter((s) => s.aandeel !== null).length),
            String(rijen.filter((s) => (s.doel ?? null) !== null).length),
            String(rijen.filter((s) => s.voldoet === true).length),
            String(rijen.filter((s) => s.voldoet === false).length),
          ]),
        1,
      );
    } else {
      const grafiek = percentageStaven({
        titel: 'Aandeel sociale huur in de woningvoorraad per gemeente',
        staven: r.socialeHuur.map((s) => ({ label: s.gemeente, waarde: s.aandeel })),
      });
      inhoud =
        (r.socialeHuur.length <= 40 ? figuur(grafiek) : '') +
        tabel(
          'Aandeel sociale huur in de woningvoorraad, getoetst alleen aan een doel van de provincie',
          ['Gemeente', 'Aandeel', 'Doel provincie', 'Ten opzichte van het doel'],
          r.socialeHuur.map((s) => [
            s.gemeente,
            percentageTekst(s.aandeel),
            percentageTekst(s.doel ?? null),
            socialeHuurOordeelTekst(s),
          ]),
          1,
        );
    }
    delen.push(`<section aria-labelledby="sociale-huur"><h2 id="sociale-huur">Aandeel sociale huur in de woningvoorraad</h2>
<p>${esc(socialeHuurUitleg(r))}</p>
${inhoud}</section>`);
  }

  if (r.onderdelen) {
    const o = r.onderdelen;
    const meervoud = o.soort === 'gemeente' ? 'gemeenten' : 'provincies';
    const eenheid = (code: string) => eenheidVan(code);
    delen.push(`<section aria-labelledby="onderdelen"><h2 id="onderdelen">Vergelijking van de ${meervoud}</h2>
${tabel(
  `Realisatie per ${o.soort} (kernindicatoren, jaar tot en met de peildatum)`,
  [
    o.soort === 'gemeente' ? 'Gemeente' : 'Provincie',
    ...o.kolommen.map((k) => `${k.naam} (${eenheidTekst(eenheid(k.code))})`),
  ],
  o.regels.map((g) => [
    g.naam,
    ...o.kolommen.map(
      (k) =>
        celTekst(g.cellen[k.code] ?? null, eenheid(k.code)) +
        (g.dekking?.[k.code] ? ` (${g.dekking[k.code]})` : ''),
    ),
  ]),
  1,
  'smal',
)}</section>`);
  }

  const programma = programmaTekst(r);
  if (programma)
    delen.push(
      `<section aria-labelledby="programma"><h2 id="programma">Volkshuisvestingsprogramma</h2><p>${esc(programma)}</p></section>`,
    );

  delen.push(`<section aria-labelledby="toelichting"><h2 id="toelichting">Toelichting</h2>
<ul>${[
    ...r.toelichting,
    ...(land
      ? [
          'De cijfers per gemeente (kernindicatoren, statushouders, sociale huur, afspraken) staan in de XLSX- en CSV-bijlage van deze rapportage.',
        ]
      : []),
  ]
    .map((t) => `<li>${esc(t)}</li>`)
    .join('')}</ul></section>`);

  return `<!doctype html><html lang="nl-NL"><head><meta charset="utf-8"><title>${esc(titel)}</title>
<meta name="author" content="Thuismonitor"><meta name="description" content="${esc(titel)}">
<style>
@page { size: A4 landscape; margin: 14mm 12mm;
  @bottom-center { content: "Thuismonitor · pagina " counter(page) " van " counter(pages); font-size: 7pt; font-family: 'DejaVu Sans', sans-serif; } }
body { font-family: 'DejaVu Sans', sans-serif; font-size: 9pt; color: #111; }
h1 { font-size: 17pt; margin: 0 0 6pt; color: #154273; } h2 { font-size: 13pt; margin: 14pt 0 4pt; color: #154273; }
h3 { font-size: 10.5pt; margin: 8pt 0 2pt; }
section.actielijn, section[aria-labelledby="afspraken"], section[aria-labelledby="statushouders"] { break-before: page; }
dl.meta { display: grid; grid-template-columns: 16em 1fr; gap: 1pt 8pt; margin: 0 0 6pt; }
dl.meta dt { font-weight: bold; } dl.meta dd { margin: 0; }
p { margin: 2pt 0; } .noot { color: #444; font-size: 8pt; }
figure.grafiek { margin: 4pt 0 8pt; break-inside: avoid; } div.figuren { display: flex; flex-wrap: wrap; gap: 12pt; align-items: flex-start; } figure.grafiek svg { max-width: 100%; height: auto; }
table { border-collapse: collapse; width: 100%; margin-bottom: 8pt; page-break-inside: auto; }
table.smal { font-size: 7.5pt; }
caption { text-align: left; font-weight: bold; padding: 2pt 0; }
th, td { border: 0.5pt solid #999; padding: 2pt 4pt; text-align: left; vertical-align: top; }
thead th { background: #e8eef5; } thead { display: table-header-group; } tr { page-break-inside: avoid; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
</style></head><body><main>${delen.join('\n')}</main></body></html>`;
}
