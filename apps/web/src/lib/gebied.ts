import type { Me } from '../auth/MeContext';
import type { GebiedSoort } from '../generated/graphql';

export const huidigJaar = () =>
  Number(
    new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', year: 'numeric' }).format(new Date()),
  );

/** Today in Europe/Amsterdam as jjjj-mm-dd (the calendar date the API measures on). */
export const vandaagIso = () =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date());

export interface GebiedKeuze {
  soort: GebiedSoort;
  code: string;
}

/** The area a user looks at by default: the country for Rijk, else the gemeente the user chose, else the own gemeente/provincie, else the first gemeente of the werkgebied. */
export function standaardGebied(me: Me): GebiedKeuze | null {
  const o = me.organisatie;
  if (o.soort === 'RIJK') return { soort: 'LAND', code: 'NL' };
  // the user's own choice (issue 13: remembered per user; the API only keeps a gemeente in scope)
  if (me.standaardGemeente) return { soort: 'GEMEENTE', code: me.standaardGemeente.code };
  if (o.soort === 'PROVINCIE' && o.provincie) return { soort: 'PROVINCIE', code: o.provincie.code };
  if (o.soort === 'GEMEENTE' && o.gemeente) return { soort: 'GEMEENTE', code: o.gemeente.code };
  return o.werkgebied[0] ? { soort: 'GEMEENTE', code: o.werkgebied[0].code } : null;
}

export function voortgangHref(g: GebiedKeuze, jaar?: number) {
  return `/voortgang?soort=${g.soort}&code=${encodeURIComponent(g.code)}${jaar ? `&jaar=${jaar}` : ''}`;
}
