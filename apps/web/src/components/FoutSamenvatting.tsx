import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import { foutMeldingen } from './Fout';

interface Item {
  melding: string;
  /** id of the control the message belongs to (FormField: `<id>-fout` describes `<id>`) */
  veldId?: string;
}

/**
 * Error summary for a form (NL Design System / GOV.UK pattern, WCAG 3.3.1): after a failed submit
 * it lists every field message in the form — the client's and those the server tied to a field —
 * as links to the field, plus the server's general messages, and takes the focus so that a screen
 * reader user hears what went wrong instead of staying on the button.
 *
 * `poging` is a counter the form raises on every failed submit; the summary re-reads the form
 * then (and when `error` changes), so it always shows the messages as they are on screen.
 */
export function FoutSamenvatting({
  formulier,
  poging,
  error,
}: {
  formulier: RefObject<HTMLElement | null>;
  poging: number;
  error?: unknown;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const kopId = useId();
  const focusNodig = useRef(false);
  const [items, setItems] = useState<Item[]>([]);
  useEffect(() => {
    if (poging === 0) return;
    const veldMeldingen: Item[] = [
      ...(formulier.current?.querySelectorAll('.utrecht-form-field-error-message[id$="-fout"]') ?? []),
    ].map((el) => ({
      melding: (el.textContent ?? '').replace(/^Fout:\s*/, '').trim(),
      veldId: el.id.replace(/-fout$/, ''),
    }));
    const gezien = new Set(veldMeldingen.map((v) => v.melding));
    const algemeen = foutMeldingen(error)
      .filter((m) => !gezien.has(m))
      .map((melding) => ({ melding }));
    const alles = [...veldMeldingen, ...algemeen];
    setItems(alles);
    focusNodig.current = alles.length > 0;
  }, [poging, error, formulier]);
  // once the summary is on screen, it takes the focus (once per failed submit)
  useEffect(() => {
    if (focusNodig.current && items.length) {
      focusNodig.current = false;
      ref.current?.focus();
    }
  }, [items]);
  if (poging === 0 || items.length === 0) return null;
  return (
    <div
      ref={ref}
      className="utrecht-alert utrecht-alert--error tm-foutsamenvatting"
      tabIndex={-1}
      role="group"
      aria-labelledby={kopId}
    >
      <p className="utrecht-paragraph" id={kopId}>
        <strong>
          {items.length === 1 ? 'Er is 1 probleem' : `Er zijn ${items.length} problemen`} met wat u hebt
          ingevuld:
        </strong>
      </p>
      <ul className="utrecht-unordered-list">
        {items.map((i, n) => (
          <li key={n}>
            {i.veldId ? (
              <a
                className="utrecht-link"
                href={`#${i.veldId}`}
                onClick={(e) => {
                  e.preventDefault();
                  document.getElementById(i.veldId!)?.focus();
                }}
              >
                {i.melding}
              </a>
            ) : (
              i.melding
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
