// What the paper tests share: a short Arabic report typed in the Arabic interface, and how many
// pages Chromium prints of a page.
import { expect, download } from './fixtures';
import type { Page } from '@playwright/test';

/** How many pages Chromium's print to PDF makes of `html`, on the paper its stylesheet asks for. */
export async function printedPages(page: Page): Promise<number> {
  const pdf = await page.pdf({ preferCSSPageSize: true });
  return (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length;
}

/** Switches the interface to Arabic and starts a new report. */
export async function newReportInArabic(page: Page) {
  await page.getByLabel('Interface language').selectOption('ar');
  await page.getByRole('button', { name: 'تقرير جديد' }).click();
  await expect(page.getByLabel('عنوان التقرير', { exact: true })).toHaveValue('');
}

/** A short Arabic report, typed into the new report of the Arabic interface, exported as printable HTML. */
export async function shortArabicReport(page: Page): Promise<string> {
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('عنوان التقرير', { exact: true }).fill('الجلسة الحوارية الخامسة');
  await page.getByLabel('التاريخ', { exact: true }).fill('2026-11-15');
  await page.getByLabel('وقت البدء', { exact: true }).fill('09:00');
  await page.getByLabel('وقت الانتهاء', { exact: true }).fill('12:00');
  await page.getByLabel('مكان الانعقاد', { exact: true }).fill('قاعة عشتار للمؤتمرات');
  await page.getByLabel('المدينة', { exact: true }).fill('الناصرية');
  await page.getByLabel('المحافظة', { exact: true }).fill('ذي قار');
  await page.getByLabel('المقدمة', { exact: true }).fill('عُقدت الجلسة بحضور ممثلين عن المجتمع المدني والسلطات المحلية.');
  return (await download(page, 'تصدير HTML')).text;
}
