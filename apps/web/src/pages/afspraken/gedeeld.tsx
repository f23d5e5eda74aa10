import { type ReactNode } from 'react';
import { type PrestatieafspraakQuery } from '../../generated/graphql';
import { aandachtsgroepLabel, formatDag, formatGetal } from '../../lib/format';
import { metEenheid, MIJLPAAL_STATUS_LABELS } from '../../lib/labels';

export type Pa = PrestatieafspraakQuery['prestatieafspraak'];
export type AfspraakT = Pa['afspraken'][number];

export const looptijd = (van: number, tot: number) => (van === tot ? String(van) : `${van}–${tot}`);

/** What the status means for this user, in plain language. */
export function statusUitleg(pa: Pa, eigenId: string): string {
  const partij = pa.partijen.some((p) => p.id === eigenId);
  switch (pa.status) {
    case 'CONCEPT':
      return 'Dit is een concept. De partijen kunnen de afspraken nog aanpassen en erop reageren. Daarna wordt het aangeboden om te ondertekenen.';
    case 'TER_ONDERTEKENING': {
      const nog = pa.ontbrekendeOndertekeningen.map((o) => o.naam);
      const zelf = pa.ontbrekendeOndertekeningen.some((o) => o.id === eigenId);
      return `De afspraken liggen klaar om te ondertekenen. Ze gelden zodra de gemeente en de andere partijen hebben getekend; een huurdersorganisatie tekent als zij dat wil. Nog niet getekend: ${nog.join(', ') || 'niemand'}.${zelf ? ' Uw organisatie moet ook nog tekenen.' : ''}`;
    }
    case 'VASTGESTELD': {
      // a huurdersorganisatie's signature is optional (Woningwet art. 44; docs/decisions.md)
      const getekend = new Set(pa.ondertekeningen.map((o) => o.organisatie.id));
      const nietGetekend = pa.partijen.filter((p) => !getekend.has(p.id)).map((p) => p.naam);
      const op = pa.vastgesteldOp ? ` (op ${formatDag(pa.vastgesteldOp)})` : '';
      const gelden = `De afspraken gelden nu${partij ? ' en de voortgang wordt gevolgd' : ''}.`;
      return nietGetekend.length
        ? `Vastgesteld${op}: de partijen die moeten tekenen hebben getekend. ${nietGetekend.join(', ')} kan nog meetekenen. ${gelden}`
        : `Alle partijen hebben getekend${op}. ${gelden}`;
    }
    case 'BEEINDIGD':
      return 'Deze prestatieafspraken zijn beëindigd en gelden niet meer.';
    default:
      return '';
  }
}

/** One afspraak as a sentence: who does what, and what counts as done. */
export function afspraakInGewoneTaal(a: AfspraakT): ReactNode {
  const doel =
    a.soort === 'MIJLPAAL'
      ? a.mijlpaalDatum
        ? `Klaar uiterlijk ${formatDag(a.mijlpaalDatum)}.`
        : null
      : a.doelwaarden.length && a.indicator
        ? `Doel: ${a.doelwaarden
            .map((d) => `${metEenheid(formatGetal(d.waarde), d.waarde, a.indicator!.eenheid)} in ${d.jaar}`)
            .join(', ')} (${a.indicator.naam.toLowerCase()}).`
        : null;
  return (
    <>
      <strong>{a.verantwoordelijke.naam}</strong> is verantwoordelijk. {doel}
      {a.aandachtsgroep ? ` Voor: ${aandachtsgroepLabel(a.aandachtsgroep).toLowerCase()}.` : ''}
      {a.mijlpaalStatus ? ` Stand: ${MIJLPAAL_STATUS_LABELS[a.mijlpaalStatus] ?? a.mijlpaalStatus}.` : ''}
    </>
  );
}
