import { DomainError } from './domain-error';
import { tekstSleutel } from './tekst-sleutel';

/** Woning segments, from cheapest to most expensive, rental before purchase. */
export const SEGMENTEN = [
  'SOCIALE_HUUR',
  'MIDDENHUUR',
  'VRIJE_SECTOR_HUUR',
  'KOOP_BETAALBAAR',
  'KOOP_VRIJ',
] as const;

export type Segment = (typeof SEGMENTEN)[number];

/** The "betaalbaar" part of the national 2/3 nieuwbouw target: sociale huur, middenhuur, betaalbare koop. */
export const BETAALBARE_SEGMENTEN: readonly Segment[] = ['SOCIALE_HUUR', 'MIDDENHUUR', 'KOOP_BETAALBAAR'];

const LABELS: Record<Segment, string> = {
  SOCIALE_HUUR: 'Sociale huur',
  MIDDENHUUR: 'Middenhuur',
  VRIJE_SECTOR_HUUR: 'Vrije sector huur',
  KOOP_BETAALBAAR: 'Betaalbare koop',
  KOOP_VRIJ: 'Vrije koop',
};

export function segmentLabel(segment: Segment): string {
  return LABELS[segment];
}

export function isSegment(waarde: unknown): waarde is Segment {
  return typeof waarde === 'string' && (SEGMENTEN as readonly string[]).includes(waarde);
}

/** 'koop' or 'huur' alone is deliberately absent: both have a cheap and an expensive segment. */
const SYNONIEMEN: Record<Segment, readonly string[]> = {
  SOCIALE_HUUR: [
    'sociaal',
    'sociale huur',
    'sociale huurwoning',
    'huur sociaal',
    'sh',
    'daeb',
    'gereguleerd',
    'gereguleerde huur',
  ],
  MIDDENHUUR: [
    'middenhuur',
    'middeldure huur',
    'middensegment huur',
    'huur midden',
    'mh',
    'middenhuurwoning',
  ],
  VRIJE_SECTOR_HUUR: [
    'vrije sector',
    'vrije sector huur',
    'huur vrije sector',
    'vrije huur',
    'geliberaliseerd',
    'geliberaliseerde huur',
    'dure huur',
  ],
  KOOP_BETAALBAAR: [
    'betaalbare koop',
    'koop betaalbaar',
    'sociale koop',
    'goedkope koop',
    'betaalbare koopwoning',
  ],
  KOOP_VRIJ: ['vrije koop', 'koop vrij', 'dure koop', 'vrije sector koop', 'koop vrije sector'],
};

const OPZOEK = new Map<string, Segment>();
for (const segment of SEGMENTEN) {
  OPZOEK.set(tekstSleutel(segment), segment);
  for (const s of SYNONIEMEN[segment]) OPZOEK.set(tekstSleutel(s), segment);
}

/** Tolerant reading of a segment (codes and common wording); undefined when not recognised. */
export function parseSegment(tekst: string): Segment | undefined {
  return OPZOEK.get(tekstSleutel(tekst));
}

/** Phases of a nieuwbouwproject, in the only order a project can move through them. */
export const NIEUWBOUW_FASEN = ['PLAN', 'VERGUND', 'IN_AANBOUW', 'OPGELEVERD'] as const;

export type NieuwbouwFase = (typeof NIEUWBOUW_FASEN)[number];

const FASE_LABELS: Record<NieuwbouwFase, string> = {
  PLAN: 'In planvorming',
  VERGUND: 'Vergund',
  IN_AANBOUW: 'In aanbouw',
  OPGELEVERD: 'Opgeleverd',
};

export function nieuwbouwFaseLabel(fase: NieuwbouwFase): string {
  return FASE_LABELS[fase];
}

export function isNieuwbouwFase(waarde: unknown): waarde is NieuwbouwFase {
  return typeof waarde === 'string' && (NIEUWBOUW_FASEN as readonly string[]).includes(waarde);
}

/**
 * Forward only. Skipping is allowed because projects are often first entered late (a project
 * reported when the permit is already in) or reported once a quarter while two phases passed.
 * Going back is refused: a permit withdrawn or a delivery undone is a correction of a mistake,
 * done by editing the record, not a phase transition. Staying in the same phase is no transition.
 */
export function faseOvergangToegestaan(van: NieuwbouwFase, naar: NieuwbouwFase): boolean {
  return NIEUWBOUW_FASEN.indexOf(naar) > NIEUWBOUW_FASEN.indexOf(van);
}

export function controleerFaseOvergang(van: NieuwbouwFase, naar: NieuwbouwFase): void {
  if (van === naar) {
    throw new DomainError('ONGELDIGE_FASE_OVERGANG', `Het project is al in de fase '${FASE_LABELS[van]}'`);
  }
  if (!faseOvergangToegestaan(van, naar)) {
    throw new DomainError(
      'ONGELDIGE_FASE_OVERGANG',
      `Een project kan niet terug van '${FASE_LABELS[van]}' naar '${FASE_LABELS[naar]}'`,
    );
  }
}
