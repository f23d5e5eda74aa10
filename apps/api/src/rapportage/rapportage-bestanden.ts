import type { RapportageInhoud, RapportageKop, RapportageVariant } from './rapportage-inhoud';
import type { Formaat } from './rapportage-opslag.service';
import { renderCsv } from './rapportage-csv';
import { renderXlsx } from './rapportage-xlsx';
import { renderHtml } from './rapportage-html';
import { bestandsTitel } from './rapportage-weergave';
import { performance } from 'node:perf_hooks';
import type { PdfRenderer } from './pdf-renderer.service';

/** What is stored of a report: the shared content in its row, the exact content in the gemeente-only table. */
export interface OpgeslagenRapportage {
  gedeeld: RapportageInhoud;
  intern: RapportageInhoud | null;
}

/** The shared content without the afspraken section, for readers who may not see every prestatieafspraak in it. */
export function zonderAfspraken(gedeeld: RapportageInhoud): RapportageInhoud | null {
  if (!gedeeld.afspraken.length) return null;
  return {
    ...gedeeld,
    variant: 'ZONDER_AFSPRAKEN',
    afspraken: [],
    afsprakenZicht: [],
    toelichting: [
      ...gedeeld.toelichting,
      'Deze versie bevat de afspraken uit prestatieafspraken niet: die staan alleen in de versie voor wie elke prestatieafspraak van het gebied mag inzien (de partijen, de provincie en het Rijk).',
    ],
  };
}

/**
 * Milliseconds per kind of work, summed over the variants of one report (they run side by side,
 * so the sum can exceed the job's wall time): returned in the job result for the bench.
 */
export type RenderTijden = Partial<Record<'html' | 'csv' | 'xlsx' | 'pdfWacht' | 'pdf', number>>;

/** The stored form of content: exactly the JSON that goes into the database, read back. */
export const alsOpgeslagen = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/**
 * Every file of one report, rendered from its stored (immutable) content and the row's metadata:
 * per variant one CSV, one XLSX and one PDF with a section per actielijn. Re-rendering the same
 * stored content gives the same figures, whenever it runs.
 */
export async function renderBestanden(
  opgeslagen: OpgeslagenRapportage,
  kop: Omit<RapportageKop, 'variant'>,
  pdf: PdfRenderer,
  tijden: RenderTijden = {},
): Promise<{ formaat: Formaat; variant: RapportageVariant; inhoud: Buffer }[]> {
  const meet = <T>(soort: keyof RenderTijden, werk: () => T): T => {
    const t = performance.now();
    const uit = werk();
    tijden[soort] = (tijden[soort] ?? 0) + performance.now() - t;
    return uit;
  };
  const meetAsync = async <T>(soort: keyof RenderTijden, werk: () => Promise<T>): Promise<T> => {
    const t = performance.now();
    try {
      return await werk();
    } finally {
      tijden[soort] = (tijden[soort] ?? 0) + performance.now() - t;
    }
  };
  const varianten: [RapportageVariant, RapportageInhoud | null][] = [
    ['GEDEELD', opgeslagen.gedeeld],
    ['ZONDER_AFSPRAKEN', zonderAfspraken(opgeslagen.gedeeld)],
    ['INTERN', opgeslagen.intern],
  ];
  const per = await Promise.all(
    varianten
      .filter((v): v is [RapportageVariant, RapportageInhoud] => v[1] !== null)
      .map(async ([variant, r]) => {
        const k: RapportageKop = { ...kop, variant };
        const titel = bestandsTitel(r, k);
        const html = meet('html', () => renderHtml(r, k));
        const pdfBestand = pdf.render(
          html,
          {
            titel,
            taal: 'nl-NL',
            auteur: 'Thuismonitor',
            onderwerp: `Kwartaalrapportage ${r.gebied.naam}, ${r.kwartaalLabel}, versie ${k.versie}, variant ${variant.toLowerCase()}`,
            trefwoorden: `kwartaalrapportage; ${r.gebied.code}; ${r.kwartaal}; versie ${k.versie}; ${variant.toLowerCase()}`,
          },
          tijden,
        );
        return [
          { formaat: 'CSV' as const, variant, inhoud: meet('csv', () => renderCsv(r, k)) },
          { formaat: 'XLSX' as const, variant, inhoud: await meetAsync('xlsx', () => renderXlsx(r, k)) },
          { formaat: 'PDF' as const, variant, inhoud: await pdfBestand },
        ];
      }),
  );
  return per.flat();
}
