import bron from '../../../../docs/toegankelijkheidsverklaring.md?raw';
import { Markdown } from '../lib/markdown';
import { usePaginaTitel } from '../lib/pagina';

/** The accessibility statement; its text lives in docs/toegankelijkheidsverklaring.md. */
export function ToegankelijkheidPagina() {
  usePaginaTitel('Toegankelijkheidsverklaring');
  return <Markdown bron={bron} />;
}
