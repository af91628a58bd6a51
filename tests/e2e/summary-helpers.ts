import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

export const summary = (page: Page) => page.getByRole('region', { name: 'Summary of activity reports' });
export const totals = (page: Page) => summary(page).getByRole('table', { name: 'Totals' });
export const reportsIn = (page: Page) => summary(page).getByRole('table', { name: 'Reports in this summary' });

/** The number in the row `label` of the "Totals" table, and how many reports lack it. */
export async function totalRow(page: Page, label: string): Promise<[string, string]> {
  const row = totals(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: label, exact: true }) });
  const cells = await row.getByRole('cell').allTextContents();
  return [cells[0], cells[1]];
}

/** A CSV text (RFC 4180: quoted cells, doubled quotes, CRLF) as rows of cells. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  return rows;
}


/** Report files made from the sample report, one per `[title, total participants]`. */
export function sampleFiles(reports: [string, number][]): string[] {
  const sample = JSON.parse(readFileSync(path.join(__dirname, '..', 'fixtures', 'report-v1.json'), 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'taqrir-received-'));
  return reports.map(([title, total], i) => {
    const document = structuredClone(sample);
    document.report.title = title;
    document.report.participants.total = total;
    const file = path.join(dir, `report-${i + 1}.json`);
    writeFileSync(file, JSON.stringify(document));
    return file;
  });
}
