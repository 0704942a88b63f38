import { langOf, useLocation } from '../../../lib/navigation';
import './import-page.css';
import { importMessages } from '../messages';
import { BoundariesImport } from './boundaries-import';
import { ImportsList } from './imports-list';
import { ValuesImport } from './values-import';

/** /nhap-du-lieu: reports, boundaries, and the list of imports with roll-back. */
export default function ImportPage() {
  const lang = langOf(useLocation().search);
  return (
    <main className="import-page" data-testid="import-page">
      <h2>{importMessages(lang, 'title')}</h2>
      <ValuesImport lang={lang} />
      <BoundariesImport lang={lang} />
      <ImportsList lang={lang} />
    </main>
  );
}
