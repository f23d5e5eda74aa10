import { useMutation } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { FoutMelding } from '../../components/Fout';
import { Button, Heading, Paragraph } from '../../components/nl';
import {
  PrestatieafsprakenDocument,
  VerwijderConceptPrestatieafspraakDocument,
} from '../../generated/graphql';
import type { Pa } from './gedeeld';

/**
 * Deleting a concept that was never offered for signing (issue 14; the button appears when
 * mogelijkeActies has VERWIJDEREN). A modal dialog asks first; "Nee" has the focus, so Enter does
 * not delete by accident. After deleting, the list says what was deleted.
 */
export function ConceptVerwijderen({ pa }: { pa: Pa }) {
  const navigate = useNavigate();
  const dialoog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const [verwijder, status] = useMutation(VerwijderConceptPrestatieafspraakDocument);
  useEffect(() => {
    const d = dialoog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      d.querySelector<HTMLButtonElement>('[data-nee]')?.focus();
    } else if (!open && d.open) d.close();
  }, [open]);
  const ja = async () => {
    try {
      await verwijder({
        variables: { id: pa.id, versie: pa.versie },
        refetchQueries: [PrestatieafsprakenDocument],
        update: (cache) => {
          cache.evict({ id: cache.identify({ __typename: 'Prestatieafspraak', id: pa.id }) });
          cache.gc();
        },
      });
      setOpen(false);
      void navigate('/afspraken', { state: { melding: `Het concept „${pa.titel}” is verwijderd.` } });
    } catch {
      // the message shows in the dialog
    }
  };
  const afspraken =
    pa.afspraken.length === 0
      ? ''
      : pa.afspraken.length === 1
        ? ' de afspraak,'
        : ` alle ${pa.afspraken.length} afspraken,`;
  return (
    <section aria-labelledby="kop-verwijderen" className="tm-kaart">
      <Heading level={2} id="kop-verwijderen">
        Concept verwijderen
      </Heading>
      <Paragraph>
        Dit concept is nog nooit ter ondertekening aangeboden. Hebt u het niet meer nodig, dan kunt u het
        verwijderen.
      </Paragraph>
      <Button appearance="secondary-action" onClick={() => setOpen(true)}>
        Concept verwijderen
      </Button>
      <dialog
        ref={dialoog}
        aria-labelledby="kop-bevestig-verwijderen"
        aria-describedby="tekst-bevestig-verwijderen"
        className="tm-dialoog"
        onClose={() => setOpen(false)}
      >
        <Heading level={2} id="kop-bevestig-verwijderen">
          „{pa.titel}” verwijderen?
        </Heading>
        <p className="utrecht-paragraph" id="tekst-bevestig-verwijderen">
          Het concept,{afspraken} de partijen en de reacties worden verwijderd. Dit kunt u niet ongedaan
          maken. In de geschiedenis van uw organisatie blijft staan dat het concept is verwijderd.
        </p>
        <FoutMelding error={status.error} />
        <div className="utrecht-button-group">
          <Button appearance="primary-action" busy={status.loading} onClick={() => void ja()}>
            Ja, verwijderen
          </Button>
          <Button data-nee onClick={() => setOpen(false)}>
            Nee, bewaren
          </Button>
        </div>
      </dialog>
    </section>
  );
}
