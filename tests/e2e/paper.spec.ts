import { test, expect, download, expectSaved } from './fixtures';
import { newReportInArabic, printedPages, shortArabicReport } from './paper-helpers';

test('in an Arabic interface a new report is Arabic, its language first in its card, and it exports right to left with Arabic commas', async ({ app: page }) => {
  await newReportInArabic(page);
  const language = page.getByLabel('لغة التقرير');
  await expect(language).toHaveValue('ar');
  await expect(page.getByLabel('الأرقام في التقرير')).toHaveValue('arabic_indic');
  const card = page.locator('section.card').filter({ has: language });
  await expect(card.locator('.field label').first()).toHaveText('لغة التقرير');

  const html = await shortArabicReport(page);
  expect(html).toMatch(/<html lang="ar" dir="rtl">/);
  expect(html).toContain('<h2 dir="auto">تفاصيل النشاط</h2>');
  // What a reader sees: the body without the report's data, which the page carries for import.
  const body = html
    .slice(html.indexOf('<body>'))
    .replace(/<template[^>]*>.*?<\/template>/s, '')
    .replace(/<[^>]*>/g, ' ');
  expect(body).toContain('قاعة عشتار للمؤتمرات، الناصرية، ذي قار');
  expect(body).not.toContain(',');
  // The activity's time reads from its start, right to left, in Arabic-Indic digits.
  expect(html).toContain('<td dir="rtl">\u2067٠٩:٠٠ – ١٢:٠٠\u2069</td>');
});

test('the short Arabic report prints on one page, and the closing line never takes a page of its own', async ({ app: page, context }) => {
  test.setTimeout(120_000);
  await newReportInArabic(page);
  const html = await shortArabicReport(page);
  const paper = await context.newPage();
  await paper.setContent(html);
  expect(await printedPages(paper)).toBe(1);

  // Lengthen the report a line at a time until it needs a second page: at each length, the
  // closing line adds no page of its own.
  const bare = await context.newPage();
  let pages = 1;
  for (let lines = 0; lines < 80 && pages === 1; lines++) {
    const withoutClosingLine = await paper.evaluate(() => {
      const line = document.createElement('p');
      line.textContent = 'سطر إضافي من نص التقرير لملء الصفحة.';
      document.querySelector('main')?.insertBefore(line, document.querySelector('main > footer'));
      return document.documentElement.outerHTML.replace(/<footer[^>]*>.*?<\/footer>/s, '');
    });
    pages = await printedPages(paper);
    await bare.setContent(withoutClosingLine);
    expect(await printedPages(bare), 'pages without the closing line').toBe(pages);
  }
  expect(pages).toBe(2);
});

test('prepared, reviewed and approved by are kept with the report and printed at its end with room to sign', async ({ app: page }) => {
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Report title', { exact: true }).fill('Closing session');
  const prepared = page.getByRole('group', { name: 'Prepared by' });
  await prepared.getByLabel('Name').fill('Sabreen Alwaeli');
  await prepared.getByLabel('Position').fill('M&E officer');
  await prepared.getByLabel('Date signed').fill('2026-11-16');
  await page.getByRole('group', { name: 'Approved by' }).getByLabel('Name').fill('Huda Ali');
  await expectSaved(page);
  await page.reload();
  await expect(page.getByRole('group', { name: 'Prepared by' }).getByLabel('Position')).toHaveValue('M&E officer');

  const html = (await download(page, 'Export HTML')).text;
  const signOff = html.slice(html.indexOf('<section class="sign-off">'), html.indexOf('</section>', html.indexOf('<section class="sign-off">')));
  expect(signOff).toContain('<h2 dir="auto">Sign-off</h2>');
  expect(signOff).toContain('Prepared by</p><p class="name" dir="auto">Sabreen Alwaeli</p><p class="role" dir="auto">M&amp;E officer</p><p class="role" dir="ltr">16 November 2026</p>');
  expect(signOff).toContain('Approved by</p><p class="name" dir="auto">Huda Ali</p>');
  expect(signOff).not.toContain('Reviewed by');
  expect(signOff.match(/class="signature-line"/g)).toHaveLength(2);
  // The sign-off comes last, just before the closing line.
  expect(html.indexOf('<section class="sign-off">')).toBeGreaterThan(html.lastIndexOf('<h2 dir="auto">', html.indexOf('<section class="sign-off">') - 1));
});

test('in an Arabic interface a built-in template starts an Arabic report with its agenda in Arabic', async ({ app: page }) => {
  await page.getByLabel('Interface language').selectOption('ar');
  await page.getByRole('button', { name: 'التقارير' }).click();
  await page.getByLabel('القالب').selectOption('meeting');
  await page.getByRole('button', { name: 'جديد من قالب' }).click();
  await expect(page.getByLabel('لغة التقرير')).toHaveValue('ar');
  const first = page.getByRole('group', { name: 'بند جدول الأعمال 1', exact: true });
  await expect(first.getByLabel('البند', { exact: true })).toHaveValue('الترحيب وإقرار جدول الأعمال');
  await expect(page.getByRole('group', { name: 'القسم 1', exact: true }).getByLabel('العنوان')).toHaveValue('نقاط العمل');
});
