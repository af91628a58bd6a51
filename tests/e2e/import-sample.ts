import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';

const fixture = path.join(__dirname, '..', 'fixtures', 'report-v1.json');

/** Imports the sample report (tests/fixtures/report-v1.json) after `edit` has changed its `report`. */
export async function importEditedSample(page: Page, edit: (report: any) => void) {
  const document = JSON.parse(readFileSync(fixture, 'utf8'));
  edit(document.report);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-sample-')), 'report.json');
  writeFileSync(file, JSON.stringify(document));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(file);
}
