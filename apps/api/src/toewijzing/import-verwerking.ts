import {
  bewaartermijnFout,
  bouwKolomMapping,
  formatGetal,
  isDomainError,
  isKoppelbaarVeld,
  KenmerkRegister,
  kolomWoorden,
  maakGemeenteHerkenner,
  maakGemeenteZoeker,
  maakWaardeVertaler,
  tekstSleutel,
  MAX_IMPORT_RIJEN,
  pasKolomMappingToe,
  toewijzingKolomLabel,
  TOEWIJZING_KOLOMMEN,
  valideerToewijzingRij,
  type ImportKoppeling,
  type IsoDatum,
  type KolomMapping,
  type ToewijzingImportFout,
  type ToewijzingKolom,
  type ToewijzingOnbekendeWaarde,
  type ToewijzingToegepasteKoppeling,
} from '@thuismonitor/domain';
import { BestandWeigering } from './bestand-weigering';
import { bepaalSoort, excelSerieAlsDatum, leesRijen } from './import-bestand';
import { kenmerkHash } from './kenmerk-hash';

/** One refused cell: the REST contract in libs/domain (rest-contract.ts). */
export type ImportFout = ToewijzingImportFout;

/** A file with 100.000 wrong rows must not answer with a 70 MB error list. */
export const MAX_GEMELDE_FOUTEN = 10_000;

/** Everything the check of one file needs; plain data, so it can be handed to a worker thread. */
export interface VerwerkInvoer {
  buffer: Uint8Array;
  bestandsnaam: string;
  /** column words sent with this upload (field `kolommen`): they win over the saved koppeling */
  eigenMapping: Record<string, string>;
  /** the organisation's saved words (issue 12, item 7), applied before the row rules */
  koppeling: ImportKoppeling;
  gemeenten: { code: string; naam: string; provincie?: string }[];
  /** gemeente codes the corporatie may report in */
  werkgebied: string[];
  vandaag: IsoDatum;
  /** category codes of the urgentieregeling per gemeente of the werkgebied (issue 12, item 4) */
  urgentieCategorieen?: Record<string, string[]>;
  /** first date still kept (bewaarGrens): older toewijzingen are refused per row */
  bewaarGrens: string;
  /** key of the kenmerk hash, and the corporatie it is computed for */
  sleutel: string;
  corporatieId: string;
}

/** Valid rows, column by column, ready for INSERT … FROM unnest(…). The kenmerk only as its hash. */
export interface GeldigeKolommen {
  gemeente: string[];
  datum: string[];
  aandachtsgroep: (string | null)[];
  huishoudgrootte: number[];
  segment: string[];
  viaUrgentie: boolean[];
  urgentieCategorie: (string | null)[];
  kenmerkHash: string[];
}

export const legeKolommen = (): GeldigeKolommen => ({
  gemeente: [],
  datum: [],
  aandachtsgroep: [],
  huishoudgrootte: [],
  segment: [],
  viaUrgentie: [],
  urgentieCategorie: [],
  kenmerkHash: [],
});

/**
 * One batch of valid rows as Postgres array literals, one string per column ('{GM0344,GM0356}',
 * NULL for no aandachtsgroep). The worker builds them, so the API thread receives seven strings
 * per batch (a copy, no per-value deserialisation) and passes them to INSERT … FROM
 * unnest($n::text[], …) as they are. Every value is a code, a date, a number, t/f or a hex hash
 * (the row rules guarantee it), so no element needs quoting.
 */
export interface KolomBatch {
  aantal: number;
  gemeente: string;
  datum: string;
  aandachtsgroep: string;
  huishoudgrootte: string;
  segment: string;
  viaUrgentie: string;
  urgentieCategorie: string;
  kenmerkHash: string;
}

export function alsBatch(k: GeldigeKolommen, van: number, tot: number): KolomBatch {
  const lijst = (xs: readonly (string | number | boolean | null)[]) =>
    `{${xs
      .slice(van, tot)
      .map((x) => (x === null ? 'NULL' : x === true ? 't' : x === false ? 'f' : String(x)))
      .join(',')}}`;
  return {
    aantal: tot - van,
    gemeente: lijst(k.gemeente),
    datum: lijst(k.datum),
    aandachtsgroep: lijst(k.aandachtsgroep),
    huishoudgrootte: lijst(k.huishoudgrootte),
    segment: lijst(k.segment),
    viaUrgentie: lijst(k.viaUrgentie),
    urgentieCategorie: lijst(k.urgentieCategorie),
    kenmerkHash: lijst(k.kenmerkHash),
  };
}

/** A value the product does not know (yet): the REST contract in libs/domain (rest-contract.ts). */
export type OnbekendeWaarde = ToewijzingOnbekendeWaarde;

/** At most this many distinct unknown values are reported (a wrong column can have thousands). */
export const MAX_ONBEKENDE_WAARDEN = 200;

/** Which of the saved words this file used: the REST contract in libs/domain (rest-contract.ts). */
export type ToegepasteKoppeling = ToewijzingToegepasteKoppeling;

export interface VerwerkUitkomst {
  /** data rows in the file (empty rows not counted) */
  rijen: number;
  fouten: ImportFout[];
  aantalFouten: number;
  genegeerdeKolommen: string[];
  /** required product columns the file has no column for */
  ontbrekendeKolommen: string[];
  onbekendeWaarden: OnbekendeWaarde[];
  koppeling: Omit<ToegepasteKoppeling, 'versie'>;
  geldig: GeldigeKolommen;
}

/**
 * One pass over a toewijzingen file: headers are mapped (bouwKolomMapping), every row is
 * validated (valideerToewijzingRij) against the werkgebied and the gemeente names, and the valid
 * rows are collected column-wise with the kenmerk replaced by its keyed hash. The rules are the
 * domain's, unchanged; this function only drives them. It runs in the import worker thread, so
 * a large file costs that thread's time and memory, not the API's event loop.
 *
 * Throws BestandWeigering when the file is refused as a whole (personal data columns, limits,
 * unreadable); row problems are returned as `fouten`.
 */
export async function verwerkBestand(invoer: VerwerkInvoer): Promise<VerwerkUitkomst> {
  const buffer = Buffer.from(invoer.buffer.buffer, invoer.buffer.byteOffset, invoer.buffer.byteLength);
  const opties = {
    werkgebied: invoer.werkgebied,
    gemeenteOpNaam: maakGemeenteZoeker(invoer.gemeenten),
    herkenGemeente: maakGemeenteHerkenner(invoer.gemeenten),
    vandaag: invoer.vandaag,
    urgentieCategorieen: invoer.urgentieCategorieen,
  };
  // the saved column words, then the words sent with this upload (they win)
  const kolomWoordenVanBestand = { ...kolomWoorden(invoer.koppeling), ...invoer.eigenMapping };
  const vertaler = maakWaardeVertaler(invoer.koppeling);
  const onbekend = new Map<string, OnbekendeWaarde>();

  const fouten: ImportFout[] = [];
  let aantalFouten = 0;
  const meld = (rij: number, kolom: string, melding: string) => {
    aantalFouten++;
    if (fouten.length < MAX_GEMELDE_FOUTEN) fouten.push({ rij, kolom, melding });
  };

  const geldig = legeKolommen();
  const kenmerken = new KenmerkRegister();
  let headers: string[] | undefined;
  let headerRij = 1;
  let mapping: KolomMapping | undefined;
  let koppen: KolomMapping | undefined;
  let kolomNaam: Record<ToewijzingKolom, string> | undefined;
  let rijen = 0;

  const isXlsx = bepaalSoort(buffer, invoer.bestandsnaam) === 'XLSX';
  for await (const { rij, cellen } of leesRijen(buffer, invoer.bestandsnaam)) {
    if (cellen.every((c) => c.trim() === '')) continue;
    if (!headers) {
      headers = cellen.map((c) => c.trim());
      headerRij = rij;
      ({ mapping, koppen } = controleerKoppen(headers, kolomWoordenVanBestand, headerRij, meld));
      if (mapping) {
        kolomNaam = Object.fromEntries(
          TOEWIJZING_KOLOMMEN.map((k) => [k, toewijzingKolomLabel(k)]),
        ) as Record<ToewijzingKolom, string>;
        for (const [header, kolom] of Object.entries(mapping.kolommen)) kolomNaam[kolom] = header;
      }
      continue;
    }
    rijen++;
    if (rijen > MAX_IMPORT_RIJEN) {
      throw new BestandWeigering(
        `Het bestand heeft meer dan ${formatGetal(MAX_IMPORT_RIJEN)} rijen. Splits het in kleinere bestanden.`,
      );
    }
    if (!mapping) continue; // the header is unusable: count the rows, validate nothing
    const record: Record<string, string> = {};
    for (let i = 0; i < headers.length; i++) record[headers[i]] = cellen[i] ?? '';
    const canoniek = pasKolomMappingToe(mapping, record);
    if (isXlsx && canoniek.datum) canoniek.datum = excelSerieAlsDatum(canoniek.datum.trim());
    vertaler.vertaal(canoniek);
    const r = valideerToewijzingRij(canoniek, opties);
    if (!r.ok) {
      for (const f of r.fouten) {
        meld(rij, kolomNaam![f.kolom], f.melding);
        if (f.onbekendeWaarde !== undefined && isKoppelbaarVeld(f.kolom)) {
          const sleutel = `${f.kolom}:${tekstSleutel(f.onbekendeWaarde)}`;
          const al = onbekend.get(sleutel);
          if (al) al.rijen++;
          else if (onbekend.size < MAX_ONBEKENDE_WAARDEN) {
            onbekend.set(sleutel, {
              veld: f.kolom,
              kolom: kolomNaam![f.kolom],
              waarde: f.onbekendeWaarde.trim(),
              rijen: 1,
              eersteRij: rij,
            });
          }
        }
      }
      continue;
    }
    const teOud = bewaartermijnFout(r.toewijzing.datum, invoer.bewaarGrens);
    if (teOud) {
      meld(rij, kolomNaam!.datum, teOud);
      continue;
    }
    const dubbel = kenmerken.registreer(r.toewijzing.externKenmerk, rij);
    if (dubbel) {
      meld(rij, kolomNaam![dubbel.kolom], dubbel.melding);
      continue;
    }
    const t = r.toewijzing;
    geldig.gemeente.push(t.gemeenteCode);
    geldig.datum.push(t.datum);
    geldig.aandachtsgroep.push(t.aandachtsgroep);
    geldig.huishoudgrootte.push(t.huishoudgrootte);
    geldig.segment.push(t.segment);
    geldig.viaUrgentie.push(t.viaUrgentie);
    geldig.urgentieCategorie.push(t.urgentieCategorie);
    geldig.kenmerkHash.push(kenmerkHash(invoer.sleutel, invoer.corporatieId, t.externKenmerk));
  }

  if (!headers) meld(1, '', 'Het bestand is leeg: er is geen kopregel met kolomnamen gevonden.');
  else if (rijen === 0) meld(headerRij, '', 'Het bestand bevat alleen een kopregel en geen toewijzingen.');

  const opgeslagenWoorden = new Set(invoer.koppeling.kolommen.map((k) => tekstSleutel(k.bron)));
  const uploadWoorden = new Set(Object.keys(invoer.eigenMapping).map(tekstSleutel));
  return {
    rijen,
    fouten,
    aantalFouten,
    genegeerdeKolommen: koppen ? [...koppen.onbekend] : [],
    ontbrekendeKolommen: koppen ? [...koppen.ontbrekend] : [],
    onbekendeWaarden: [...onbekend.values()],
    koppeling: {
      kolommen: Object.entries(koppen?.kolommen ?? {}).map(([bron, kolom]) => ({
        bron,
        kolom,
        herkomst: uploadWoorden.has(tekstSleutel(bron))
          ? 'UPLOAD'
          : opgeslagenWoorden.has(tekstSleutel(bron))
            ? 'KOPPELING'
            : 'STANDAARD',
      })),
      waarden: vertaler.gebruik(),
    },
    geldig,
  };
}

/**
 * Header checks, in the order that protects privacy: a column that looks like personal data
 * refuses the whole file before anything else is looked at. Other header problems (missing or
 * doubly mapped columns) are errors on the header row; then no row is validated.
 */
function controleerKoppen(
  headers: string[],
  eigenMapping: Record<string, string>,
  headerRij: number,
  meld: (rij: number, kolom: string, melding: string) => void,
): { mapping: KolomMapping | undefined; koppen: KolomMapping } {
  // Privacy first, on the headers as they are in the file: no koppeling (saved or sent with the
  // upload) can make a column that identifies a person importable by calling it something else.
  const zonderEigen = bouwKolomMapping(headers);
  if (zonderEigen.persoonsgegevens.length > 0) {
    throw new BestandWeigering(
      `Het bestand is geweigerd. ${zonderEigen.meldingen[0]}`,
      zonderEigen.persoonsgegevens.map((h) => ({
        veld: h,
        melding: 'Deze kolom lijkt persoonsgegevens te bevatten',
      })),
    );
  }
  let mapping: KolomMapping;
  try {
    mapping = bouwKolomMapping(headers, eigenMapping);
  } catch (err) {
    if (isDomainError(err))
      throw new BestandWeigering(err.message, [{ veld: 'kolommen', melding: err.message }], 400);
    throw err;
  }
  const gezien = new Set<string>();
  let goed = mapping.bruikbaar;
  for (const h of headers) {
    if (h === '') continue;
    if (gezien.has(h)) {
      meld(headerRij, h, `De kolom '${h}' komt twee keer voor in de kopregel`);
      goed = false;
    }
    gezien.add(h);
  }
  // the domain's meldingen list the missing columns first, then the doubly mapped ones
  mapping.ontbrekend.forEach((k, i) => meld(headerRij, toewijzingKolomLabel(k), mapping.meldingen[i]));
  mapping.dubbel.forEach((d, i) =>
    meld(headerRij, d.headers.join(', '), mapping.meldingen[mapping.ontbrekend.length + i]),
  );
  return { mapping: goed ? mapping : undefined, koppen: mapping };
}
