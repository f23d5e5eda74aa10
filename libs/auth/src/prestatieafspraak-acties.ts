import {
  formatDatum,
  inhoudWijzigbaar,
  magOndertekenenInStatus,
  overgangFout,
  prestatieafspraakStatusLabel,
  vandaagInAmsterdam,
  type StatusActie,
} from '@thuismonitor/domain';
import {
  heeftPermissie,
  isPartij,
  magConceptVerwijderen,
  magPrestatieafspraakBeeindigen,
  magPrestatieafspraakBewerken,
  type Permissie,
  type PrestatieafspraakZicht,
} from './policy';
import type { Principal } from './principal';

/**
 * What a user can do with one prestatieafspraak, decided in ONE place: the buttons of a screen
 * (mogelijkeActies) list the actions this function allows, and every mutation asks it again before
 * it acts and refuses with its reason. So a button is shown exactly when its mutation would pass
 * these checks; what is left to the mutation is the input itself (a reden, complete content).
 */
export const PRESTATIEAFSPRAAK_ACTIES = [
  'BEWERKEN',
  'INDIENEN',
  'ONDERTEKENEN',
  'TERUGTREKKEN',
  'WIJZIGING_STARTEN',
  'BEEINDIGEN',
  'REAGEREN',
  'VERWIJDEREN',
] as const;
export type PrestatieafspraakActie = (typeof PRESTATIEAFSPRAAK_ACTIES)[number];

/** The permission (role) each action needs; the resolvers declare the same one with @Vereist. */
export const ACTIE_PERMISSIE: Record<PrestatieafspraakActie, Permissie> = {
  BEWERKEN: 'afspraak:bewerken',
  INDIENEN: 'afspraak:bewerken',
  ONDERTEKENEN: 'afspraak:tekenen',
  TERUGTREKKEN: 'afspraak:bewerken',
  WIJZIGING_STARTEN: 'afspraak:bewerken',
  BEEINDIGEN: 'afspraak:bewerken',
  REAGEREN: 'afspraak:reageren',
  VERWIJDEREN: 'afspraak:bewerken',
};

/** What the decision needs to know about the prestatieafspraak (one version). */
export interface PrestatieafspraakActieZicht extends PrestatieafspraakZicht {
  versie: number;
  opgesteldDoorId: string;
  ingediendOp: Date | string | null;
  volgendeVersieId: string | null;
}

export interface ActieContext {
  /** the signatures so far; needed for ONDERTEKENEN */
  ondertekeningen?: readonly { organisatieId: string; getekendDoor: string; getekendOp: Date }[];
  /** a geschil or an evaluatie refers to it (it then stays on record); needed for VERWIJDEREN */
  vastgelegd?: boolean;
  /**
   * The versie the client sent with a mutation (optimistic concurrency). The buttons leave it out:
   * they are computed from the current versie.
   */
  versie?: number;
  /** ONDERTEKENEN of a VASTGESTELDE: the versie the parties signed, which a co-signer may send */
  getekendeVersie?: number | null;
}

export interface ActieWeigering {
  toegestaan: false;
  /** how the API answers: GEEN_TOEGANG (403), ONGELDIG (400), CONFLICT (409) */
  soort: 'GEEN_TOEGANG' | 'ONGELDIG' | 'CONFLICT';
  /** Dutch, for the end user */
  reden: string;
  /** the domain's error code when the state machine refuses (ONGELDIGE_STATUSOVERGANG) */
  domeinCode?: string;
}
export type ActieBesluit = { toegestaan: true } | ActieWeigering;

export const PRESTATIEAFSPRAAK_CONFLICT =
  'Iemand anders heeft deze prestatieafspraak intussen gewijzigd. Laad de nieuwste versie en breng uw wijziging opnieuw aan.';
export const ALLEEN_PARTIJEN = 'Alleen partijen bij deze prestatieafspraak kunnen dit doen.';

const TOEGESTAAN: ActieBesluit = { toegestaan: true };
const weiger = (soort: ActieWeigering['soort'], reden: string, domeinCode?: string): ActieWeigering => ({
  toegestaan: false,
  soort,
  reden,
  ...(domeinCode ? { domeinCode } : {}),
});

/**
 * May `principal` take `actie` on `pa` now? The checks run in the order the mutations have always
 * reported them (a stale versie before the status, except where noted), so a refused mutation
 * answers as before.
 */
export function magPrestatieafspraakActie(
  principal: Principal,
  pa: PrestatieafspraakActieZicht,
  actie: PrestatieafspraakActie,
  context: ActieContext = {},
): ActieBesluit {
  if (!heeftPermissie(principal, ACTIE_PERMISSIE[actie]))
    return weiger('GEEN_TOEGANG', 'U heeft geen toestemming voor deze handeling.');
  if (actie === 'REAGEREN')
    return isPartij(principal, pa)
      ? TOEGESTAAN
      : weiger('GEEN_TOEGANG', 'Alleen partijen bij deze prestatieafspraak kunnen reageren.');
  if (!magPrestatieafspraakBewerken(principal, pa)) return weiger('GEEN_TOEGANG', ALLEEN_PARTIJEN);

  const versieFout =
    context.versie !== undefined && context.versie !== pa.versie
      ? weiger('CONFLICT', PRESTATIEAFSPRAAK_CONFLICT)
      : null;
  const overgang = (stap: StatusActie): ActieBesluit => {
    const fout = overgangFout(pa.status, stap);
    return fout ? weiger('ONGELDIG', fout.message, fout.code) : TOEGESTAAN;
  };

  switch (actie) {
    case 'BEWERKEN':
      if (versieFout) return versieFout;
      if (!inhoudWijzigbaar(pa.status))
        return weiger(
          'ONGELDIG',
          `Deze prestatieafspraak is ${prestatieafspraakStatusLabel(pa.status).toLowerCase()}; de inhoud kan alleen in concept worden gewijzigd. ` +
            (pa.status === 'TER_ONDERTEKENING'
              ? 'Trek het voorstel eerst terug naar concept.'
              : 'Start een wijziging (een nieuwe versie) om iets te veranderen.'),
        );
      return TOEGESTAAN;
    case 'INDIENEN':
    case 'TERUGTREKKEN':
      return versieFout ?? overgang(actie);
    case 'ONDERTEKENEN':
      return ondertekenen(principal, pa, context);
    case 'WIJZIGING_STARTEN':
      // no versie: a new version starts from whatever is vastgesteld
      if (pa.status !== 'VASTGESTELD')
        return weiger(
          'ONGELDIG',
          'Alleen een vastgestelde prestatieafspraak wordt gewijzigd met een nieuwe versie; een concept kunt u gewoon bewerken.',
        );
      if (pa.volgendeVersieId) return weiger('CONFLICT', WIJZIGING_LOOPT);
      return TOEGESTAAN;
    case 'BEEINDIGEN':
      if (!magPrestatieafspraakBeeindigen(principal, pa))
        return weiger(
          'GEEN_TOEGANG',
          'Alleen de gemeente kan een vastgestelde prestatieafspraak beëindigen.',
        );
      return versieFout ?? overgang('BEEINDIGEN');
    case 'VERWIJDEREN':
      if (pa.status !== 'CONCEPT' || pa.ingediendOp !== null)
        return weiger(
          'ONGELDIG',
          pa.status === 'CONCEPT'
            ? 'Dit concept is al eens ter ondertekening aangeboden en blijft daarom bewaard. U kunt het aanpassen en opnieuw aanbieden.'
            : 'Alleen een concept kan worden verwijderd. Een voorstel trekt u terug; een vastgestelde prestatieafspraak beëindigt de gemeente.',
        );
      if (!magConceptVerwijderen(principal, pa))
        return weiger(
          'GEEN_TOEGANG',
          'Alleen de organisatie die het concept opstelde of de gemeente kan het verwijderen.',
        );
      if (versieFout) return versieFout;
      if (context.vastgelegd === undefined) throw new Error('VERWIJDEREN needs context.vastgelegd');
      // a geschil (or an evaluatie) about the concept is on record and refers to it
      if (context.vastgelegd)
        return weiger(
          'ONGELDIG',
          'Over dit concept is een geschil of evaluatie vastgelegd; het blijft daarom bewaard.',
        );
      return TOEGESTAAN;
  }
}

export const WIJZIGING_LOOPT =
  'Er is al een nieuwe versie van deze prestatieafspraak in voorbereiding. Werk die bij in plaats van een tweede te starten.';

/** The signature refused because the organisation signed already (with who and when, if known). */
export function alGetekendMelding(door?: string, op?: Date): string {
  return door && op
    ? `Uw organisatie heeft deze prestatieafspraak al ondertekend (${door}, ${formatDatum(vandaagInAmsterdam(op))}). Eén handtekening per partij is genoeg.`
    : 'Uw organisatie heeft deze prestatieafspraak al ondertekend. Eén handtekening per partij is genoeg.';
}

/**
 * A tekenbevoegde signs for their own organisation, once; a huurdersorganisatie may also sign a
 * vastgestelde prestatieafspraak (its signature is optional). The status goes before the versie:
 * of two last signatures at once, the second then hears that it is vastgesteld, not "changed".
 */
function ondertekenen(
  principal: Principal,
  pa: PrestatieafspraakActieZicht,
  context: ActieContext,
): ActieBesluit {
  if (!magOndertekenenInStatus(pa.status, principal.organisatie.soort))
    return weiger('ONGELDIG', 'U kunt alleen tekenen wanneer de prestatieafspraak ter ondertekening ligt.');
  // The signer signs the content they saw; a withdrawn-and-changed text has a new versie.
  // Vaststelling raises versie without changing the text, so a huurdersorganisatie co-signing
  // afterwards may send the versie the others signed.
  const versieMetHandtekening = pa.status === 'VASTGESTELD' && context.versie === context.getekendeVersie;
  if (context.versie !== undefined && !versieMetHandtekening && context.versie !== pa.versie)
    return weiger('CONFLICT', PRESTATIEAFSPRAAK_CONFLICT);
  if (!context.ondertekeningen) throw new Error('ONDERTEKENEN needs context.ondertekeningen');
  const eerder = context.ondertekeningen.find((o) => o.organisatieId === principal.organisatie.id);
  if (eerder) return weiger('CONFLICT', alGetekendMelding(eerder.getekendDoor, eerder.getekendOp));
  return TOEGESTAAN;
}

/** The buttons: every action the decision allows now, in the order of PRESTATIEAFSPRAAK_ACTIES. */
export function mogelijkePrestatieafspraakActies(
  principal: Principal,
  pa: PrestatieafspraakActieZicht,
  context: Omit<ActieContext, 'versie' | 'getekendeVersie'>,
): PrestatieafspraakActie[] {
  return PRESTATIEAFSPRAAK_ACTIES.filter(
    (a) => magPrestatieafspraakActie(principal, pa, a, context).toegestaan,
  );
}
