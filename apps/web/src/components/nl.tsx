/**
 * Small typed React wrappers around the NL Design System (Utrecht) CSS components. The React
 * package does not install here; the BEM class names are the stable contract of the CSS package.
 */
import {
  useId,
  useRef,
  useState,
  type AnchorHTMLAttributes,
  type ButtonHTMLAttributes,
  type HTMLAttributes,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { Link as RouterLink, type LinkProps } from 'react-router';

const cx = (...c: (string | false | null | undefined)[]) => c.filter(Boolean).join(' ');

type Niveau = 1 | 2 | 3 | 4 | 5 | 6;

export function Heading({
  level,
  className,
  children,
  ...rest
}: { level: Niveau } & HTMLAttributes<HTMLHeadingElement>) {
  const Tag = `h${level}` as const;
  return (
    <Tag className={cx(`utrecht-heading-${level}`, className)} {...rest}>
      {children}
    </Tag>
  );
}

export function Paragraph({
  lead,
  small,
  className,
  ...rest
}: { lead?: boolean; small?: boolean } & HTMLAttributes<HTMLParagraphElement>) {
  return (
    <p
      className={cx(
        'utrecht-paragraph',
        lead && 'utrecht-paragraph--lead',
        small && 'utrecht-paragraph--small',
        className,
      )}
      {...rest}
    />
  );
}

export type ButtonAppearance = 'primary-action' | 'secondary-action' | 'subtle';

export function Button({
  appearance = 'secondary-action',
  busy,
  className,
  type = 'button',
  ...rest
}: { appearance?: ButtonAppearance; busy?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type={type}
      aria-busy={busy || undefined}
      className={cx(
        'utrecht-button',
        `utrecht-button--${appearance}`,
        type === 'submit' && 'utrecht-button--submit',
        busy && 'utrecht-button--busy',
        rest.disabled && 'utrecht-button--disabled',
        className,
      )}
      {...rest}
    />
  );
}

export function ButtonGroup({ className, ...rest }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cx('utrecht-button-group', className)} {...rest} />;
}

export function Link({ className, ...rest }: LinkProps) {
  return <RouterLink className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...rest} />;
}

export function ExterneLink({ className, ...rest }: AnchorHTMLAttributes<HTMLAnchorElement>) {
  return <a className={cx('utrecht-link', 'utrecht-link--html-a', className)} {...rest} />;
}

export function ButtonLink({
  appearance = 'secondary-action',
  className,
  ...rest
}: { appearance?: ButtonAppearance } & LinkProps) {
  return (
    <RouterLink
      className={cx(
        'utrecht-button-link',
        'utrecht-button-link--html-a',
        `utrecht-button-link--${appearance}`,
        className,
      )}
      {...rest}
    />
  );
}

export type AlertType = 'info' | 'ok' | 'warning' | 'error';

/** role=alert for errors and warnings (announced), status for the rest. */
export function Alert({
  type = 'info',
  children,
  className,
  ...rest
}: { type?: AlertType; children: ReactNode } & HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      role={type === 'error' || type === 'warning' ? 'alert' : 'status'}
      className={cx('utrecht-alert', `utrecht-alert--${type}`, className)}
      {...rest}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">{children}</div>
      </div>
    </div>
  );
}

export interface VeldIds {
  id: string;
  describedBy?: string;
  invalid: boolean;
}

/**
 * A labelled form field. The control is rendered by the child function with the ids it needs, so
 * the description and the error message are tied to it (aria-describedby, aria-invalid).
 */
export function FormField({
  label,
  description,
  error,
  children,
  checkbox,
  verplicht,
}: {
  label: ReactNode;
  description?: ReactNode;
  error?: string | null;
  checkbox?: boolean;
  verplicht?: boolean;
  children: (ids: VeldIds) => ReactNode;
}) {
  const id = useId();
  const descId = description ? `${id}-uitleg` : undefined;
  const errId = error ? `${id}-fout` : undefined;
  const describedBy = [errId, descId].filter(Boolean).join(' ') || undefined;
  const ids = { id, describedBy, invalid: Boolean(error) };
  return (
    <div
      className={cx(
        'utrecht-form-field',
        'utrecht-form-field--distanced',
        checkbox && 'utrecht-form-field--checkbox',
        error && 'utrecht-form-field--invalid',
      )}
    >
      {checkbox ? (
        <>
          <div className="utrecht-form-field__input">{children(ids)}</div>
          <div className="utrecht-form-field__label">
            <label className="utrecht-form-label utrecht-form-label--checkbox" htmlFor={id}>
              {label}
            </label>
          </div>
        </>
      ) : (
        <div className="utrecht-form-field__label">
          <label className="utrecht-form-label" htmlFor={id}>
            {label}
            {verplicht ? <span className="tm-verplicht"> (verplicht)</span> : null}
          </label>
        </div>
      )}
      {description ? (
        <div className="utrecht-form-field__description utrecht-form-field-description" id={descId}>
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={errId}>
          <span className="tm-visually-hidden">Fout: </span>
          {error}
        </div>
      ) : null}
      {!checkbox ? <div className="utrecht-form-field__input">{children(ids)}</div> : null}
    </div>
  );
}

export function Textbox({
  ids,
  className,
  ...rest
}: { ids: VeldIds } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      id={ids.id}
      aria-describedby={ids.describedBy}
      aria-invalid={ids.invalid || undefined}
      className={cx(
        'utrecht-textbox',
        'utrecht-textbox--html-input',
        ids.invalid && 'utrecht-textbox--invalid',
        className,
      )}
      {...rest}
    />
  );
}

export function Textarea({
  ids,
  className,
  ...rest
}: { ids: VeldIds } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <textarea
      id={ids.id}
      aria-describedby={ids.describedBy}
      aria-invalid={ids.invalid || undefined}
      className={cx(
        'utrecht-textarea',
        'utrecht-textarea--html-textarea',
        ids.invalid && 'utrecht-textarea--invalid',
        className,
      )}
      {...rest}
    />
  );
}

export function Select({
  ids,
  className,
  ...rest
}: { ids: VeldIds } & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <select
      id={ids.id}
      aria-describedby={ids.describedBy}
      aria-invalid={ids.invalid || undefined}
      className={cx(
        'utrecht-select',
        'utrecht-select--html-select',
        ids.invalid && 'utrecht-select--invalid',
        className,
      )}
      {...rest}
    />
  );
}

export function Checkbox({
  ids,
  className,
  ...rest
}: { ids: VeldIds } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <input
      type="checkbox"
      id={ids.id}
      aria-describedby={ids.describedBy}
      aria-invalid={ids.invalid || undefined}
      className={cx('utrecht-checkbox', 'utrecht-checkbox--html-input', className)}
      {...rest}
    />
  );
}

export function Fieldset({
  legend,
  children,
  error,
  className,
}: {
  legend: ReactNode;
  children: ReactNode;
  error?: string | null;
  className?: string;
}) {
  const id = useId();
  return (
    <div
      className={cx(
        'utrecht-form-fieldset',
        'utrecht-form-fieldset--distanced',
        error && 'utrecht-form-fieldset--invalid',
        className,
      )}
    >
      <fieldset
        className="utrecht-form-fieldset__fieldset utrecht-form-fieldset--html-fieldset"
        aria-describedby={error ? `${id}-fout` : undefined}
        aria-invalid={error ? true : undefined}
      >
        <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
          {legend}
        </legend>
        {error ? (
          <div className="utrecht-form-field-error-message" id={`${id}-fout`}>
            {error}
          </div>
        ) : null}
        {children}
      </fieldset>
    </div>
  );
}

export interface Kolom<T> {
  kop: ReactNode;
  cel: (rij: T) => ReactNode;
  numeriek?: boolean;
  /** rendered as <th scope="row"> */
  rijkop?: boolean;
}

/** A date ('31-12-2026', optionally with time) or another short token that must not break. */
const DATUM = /^\d{1,2}-\d{1,2}-\d{4}( \d{2}:\d{2})?$/;
const celKlasse = (inhoud: ReactNode) =>
  typeof inhoud === 'string' && DATUM.test(inhoud) ? 'tm-nowrap' : false;

/**
 * CSV and Excel download of the table as shown (lib/export.ts reads the rendered table, so the
 * file holds exactly the screen's figures). The code is loaded on first use.
 */
function TabelExport({ titel, tabel }: { titel: string; tabel: () => HTMLTableElement | null }) {
  const [fout, setFout] = useState<string | null>(null);
  const exporteer = async (soort: 'csv' | 'xlsx') => {
    setFout(null);
    const t = tabel();
    if (!t) return;
    try {
      const e = await import('../lib/export');
      const inhoud = e.leesTabel(t);
      e.bewaar(soort === 'csv' ? e.naarCsv(inhoud) : e.naarXlsx(inhoud), `${e.bestandsnaam(titel)}.${soort}`);
    } catch (err) {
      setFout(`Het bestand kon niet worden gemaakt: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  return (
    <div className="tm-export" role="group" aria-label={`${titel} downloaden`}>
      <span className="tm-export__label">Downloaden:</span>
      <Button appearance="secondary-action" onClick={() => void exporteer('csv')}>
        CSV
      </Button>
      <Button appearance="secondary-action" onClick={() => void exporteer('xlsx')}>
        Excel
      </Button>
      {fout ? (
        <span role="alert" className="utrecht-form-field-error-message">
          {fout}
        </span>
      ) : null}
    </div>
  );
}

/** A data table with caption; numeric columns right-aligned; optional CSV/Excel export. */
export function Tabel<T>({
  caption,
  kolommen,
  rijen,
  sleutel,
  leeg = 'Geen gegevens.',
  className,
  voet,
  exporteer,
}: {
  caption: ReactNode;
  kolommen: Kolom<T>[];
  rijen: readonly T[];
  sleutel: (rij: T, i: number) => string;
  leeg?: ReactNode;
  className?: string;
  voet?: ReactNode;
  /** offer CSV/Excel download under this title (also the file name); only when there are rows */
  exporteer?: string;
}) {
  const tabelRef = useRef<HTMLTableElement>(null);
  return (
    // one element, so that a grid around a table (chart beside table) keeps the buttons with it
    <div className="tm-tabel">
      {exporteer && rijen.length > 0 ? (
        <TabelExport titel={exporteer} tabel={() => tabelRef.current} />
      ) : null}
      <div
        className="utrecht-table-container utrecht-table-container--overflow-inline"
        tabIndex={0}
        role="region"
        aria-label={typeof caption === 'string' ? caption : undefined}
      >
        <table
          ref={tabelRef}
          className={cx(
            'utrecht-table',
            'utrecht-table--html-table',
            'utrecht-table--alternate-row-color',
            className,
          )}
        >
          <caption className="utrecht-table__caption">{caption}</caption>
          <thead className="utrecht-table__header">
            <tr className="utrecht-table__row">
              {kolommen.map((k, i) => (
                <th
                  key={i}
                  scope="col"
                  className={cx(
                    'utrecht-table__header-cell',
                    k.numeriek && 'utrecht-table__header-cell--numeric-column',
                  )}
                >
                  {k.kop}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className="utrecht-table__body">
            {rijen.length === 0 ? (
              <tr className="utrecht-table__row">
                <td className="utrecht-table__cell" colSpan={kolommen.length}>
                  {leeg}
                </td>
              </tr>
            ) : (
              rijen.map((r, ri) => (
                <tr key={sleutel(r, ri)} className="utrecht-table__row">
                  {kolommen.map((k, i) =>
                    k.rijkop ? (
                      <th
                        key={i}
                        scope="row"
                        className={cx(
                          'utrecht-table__header-cell',
                          k.numeriek && 'utrecht-table__header-cell--numeric-column',
                        )}
                      >
                        {k.cel(r)}
                      </th>
                    ) : (
                      <TabelCel key={i} numeriek={k.numeriek} inhoud={k.cel(r)} />
                    ),
                  )}
                </tr>
              ))
            )}
          </tbody>
          {voet ? <tfoot className="utrecht-table__footer">{voet}</tfoot> : null}
        </table>
      </div>
    </div>
  );
}

function TabelCel({ numeriek, inhoud }: { numeriek?: boolean; inhoud: ReactNode }) {
  return (
    <td
      className={cx(
        'utrecht-table__cell',
        numeriek && 'utrecht-table__cell--numeric-column utrecht-table__cell--numeric-data',
        celKlasse(inhoud),
      )}
    >
      {inhoud}
    </td>
  );
}

export function DataList({ items }: { items: { key: ReactNode; value: ReactNode }[] }) {
  return (
    <dl className="utrecht-data-list utrecht-data-list--rows">
      {items.map((it, i) => (
        <div key={i} className="utrecht-data-list__item">
          <dt className="utrecht-data-list__item-key">{it.key}</dt>
          <dd className="utrecht-data-list__item-value utrecht-data-list__item-value--html-dd">{it.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export type BadgeSoort = 'neutral' | 'success' | 'warning' | 'danger' | 'active' | 'inactive';

export function StatusBadge({ soort = 'neutral', children }: { soort?: BadgeSoort; children: ReactNode }) {
  return <span className={cx('utrecht-status-badge', `utrecht-status-badge--${soort}`)}>{children}</span>;
}

/** A determinate (value) or indeterminate progress bar with a visible and an accessible label. */
export function Voortgangsbalk({
  label,
  waarde,
  max = 100,
}: {
  label: string;
  waarde?: number;
  max?: number;
}) {
  const id = useId();
  return (
    <div className="tm-voortgang">
      <label htmlFor={id} className="utrecht-form-label">
        {label}
      </label>
      <progress id={id} max={max} value={waarde} />
    </div>
  );
}
