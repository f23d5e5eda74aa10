import { Fragment, type ReactNode } from 'react';
import { Heading } from '../components/nl';

/** Inline markdown: **vet**, *cursief*, `code`, [tekst](url). */
function inline(tekst: string): ReactNode[] {
  const uit: ReactNode[] = [];
  const re = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)]+\))/g;
  let laatste = 0;
  let m: RegExpExecArray | null;
  let i = 0;
  while ((m = re.exec(tekst))) {
    if (m.index > laatste) uit.push(tekst.slice(laatste, m.index));
    const t = m[0];
    if (t.startsWith('**')) uit.push(<strong key={i++}>{t.slice(2, -2)}</strong>);
    else if (t.startsWith('`')) uit.push(<code key={i++}>{t.slice(1, -1)}</code>);
    else if (t.startsWith('[')) {
      const [, label, href] = /^\[([^\]]+)\]\(([^)]+)\)$/.exec(t)!;
      uit.push(
        <a key={i++} className="utrecht-link utrecht-link--html-a" href={href}>
          {label}
        </a>,
      );
    } else uit.push(<em key={i++}>{t.slice(1, -1)}</em>);
    laatste = m.index + t.length;
  }
  if (laatste < tekst.length) uit.push(tekst.slice(laatste));
  return uit;
}

/**
 * A deliberately tiny markdown renderer for texts kept in docs/ (headings, paragraphs, bullet
 * lists, inline emphasis, code and links). No HTML passthrough.
 */
export function Markdown({ bron }: { bron: string }) {
  const blokken = bron.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return (
    <>
      {blokken.map((blok, bi) => {
        const regels = blok.split('\n');
        const kop = /^(#{1,6})\s+(.*)$/.exec(regels[0]);
        if (kop && regels.length === 1) {
          const niveau = kop[1].length as 1 | 2 | 3 | 4 | 5 | 6;
          return (
            <Heading key={bi} level={niveau}>
              {inline(kop[2])}
            </Heading>
          );
        }
        if (regels.every((r) => /^(-\s|\s{2,})/.test(r))) {
          const items: string[] = [];
          for (const r of regels) {
            if (r.startsWith('- ')) items.push(r.slice(2));
            else items[items.length - 1] += ` ${r.trim()}`;
          }
          return (
            <ul key={bi} className="utrecht-unordered-list">
              {items.map((it, ii) => (
                <li key={ii} className="utrecht-unordered-list__item">
                  {inline(it)}
                </li>
              ))}
            </ul>
          );
        }
        return (
          <p key={bi} className="utrecht-paragraph">
            {regels.map((r, ri) => (
              <Fragment key={ri}>
                {ri > 0 ? ' ' : null}
                {inline(r.trim())}
              </Fragment>
            ))}
          </p>
        );
      })}
    </>
  );
}
