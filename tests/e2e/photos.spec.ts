import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test, expect, expectSaved, watchForErrors } from './fixtures';
import type { Page } from '@playwright/test';
import { png } from './test-images';
import { outcomes } from './file-outcomes';

// ---- Test images ----

/** A camera-sized JPEG (4000 × 3000) with photo-like detail, encoded by the browser. */
async function cameraJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(4000, 3000);
    const g = canvas.getContext('2d')!;
    const sky = g.createLinearGradient(0, 0, 0, 3000);
    sky.addColorStop(0, '#7fb2e5');
    sky.addColorStop(1, '#c9a66b');
    g.fillStyle = sky;
    g.fillRect(0, 0, 4000, 3000);
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    for (let i = 0; i < 1500; i++) {
      g.fillStyle = `hsl(${random() * 360} 45% ${30 + random() * 40}%)`;
      g.beginPath();
      g.arc(random() * 4000, random() * 3000, 10 + random() * 120, 0, Math.PI * 2);
      g.fill();
    }
    // Sensor-like grain, so the JPEG is about as hard to compress as a photo.
    const grain = g.getImageData(0, 0, 4000, 3000);
    for (let i = 0; i < grain.data.length; i += 4) {
      const n = (random() - 0.5) * 24;
      grain.data[i] += n;
      grain.data[i + 1] += n;
      grain.data[i + 2] += n;
    }
    g.putImageData(grain, 0, 0);
    const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  });
  return Buffer.from(base64, 'base64');
}

// ---- The app ----

type Stored = { id: string; draft: string; bytes: number; type: string; width: number; height: number };

/** The photos in the app's IndexedDB, with their decoded size. */
async function storedPhotos(page: Page): Promise<Stored[]> {
  return page.evaluate(
    () =>
      new Promise<Stored[]>((resolve, reject) => {
        const open = indexedDB.open('taqrir-photos');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('photos')) {
            db.close();
            resolve([]);
            return;
          }
          const request = db.transaction('photos').objectStore('photos').getAll();
          request.onsuccess = async () => {
            db.close();
            const out: Stored[] = [];
            for (const r of request.result) {
              const bitmap = await createImageBitmap(r.blob);
              out.push({ id: r.id, draft: r.draft, bytes: r.bytes, type: r.blob.type, width: bitmap.width, height: bitmap.height });
              bitmap.close();
            }
            resolve(out);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const attachment = (page: Page, n: number) => page.getByRole('group', { name: `Attachment ${n}`, exact: true });
const photoGroup = (page: Page, n: number) => page.getByRole('group', { name: `Photo ${n}`, exact: true });

async function addAttachment(page: Page, description: string) {
  await page.getByRole('button', { name: 'Add attachment' }).click();
  await attachment(page, 1).getByLabel('Description').fill(description);
}

async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }) {
  await attachment(page, 1).getByLabel('Photo', { exact: true }).setInputFiles(files);
}

/** The thumbnail has loaded a real image. */
async function expectThumbnail(page: Page, n: number, alt: string) {
  const image = photoGroup(page, n).getByRole('img', { name: alt, exact: true });
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
}

async function download(page: Page, button: string) {
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const file = await started;
  const saved = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-photos-')), file.suggestedFilename());
  await file.saveAs(saved);
  return { text: readFileSync(saved, 'utf8'), path: saved };
}

test('a photo is attached, captioned, kept across a reload, embedded in both exports, and the exported page alone brings it back', async ({ app: page, browser }) => {
  test.setTimeout(90_000);
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Report title', { exact: true }).fill('Fourth Dialogue Session');
  await addAttachment(page, 'Group photos of participants.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(640, 480) });
  await expectThumbnail(page, 1, 'Photo 1');
  await photoGroup(page, 1).getByLabel('Caption').fill('Participants & guests <after the session>');
  await expectThumbnail(page, 1, 'Participants & guests <after the session>');
  await expectSaved(page);

  const [stored] = await storedPhotos(page);
  expect(stored).toMatchObject({ type: 'image/jpeg', width: 640, height: 480 });

  await page.reload();
  await expect(photoGroup(page, 1).getByLabel('Caption')).toHaveValue('Participants & guests <after the session>');
  await expectThumbnail(page, 1, 'Participants & guests <after the session>');

  const html = await download(page, 'Export HTML');
  expect(html.text).toMatch(/<figure class="photo"><img src="data:image\/jpeg;base64,[A-Za-z0-9+/]+=*" alt="Participants &amp; guests &lt;after the session&gt;">/);
  expect(html.text).toContain('<figcaption dir="auto">Participants &amp; guests &lt;after the session&gt;</figcaption>');
  expect(html.text).not.toMatch(/<script/i);
  // The exported file shows the image under its own policy.
  const viewer = await browser.newPage();
  await viewer.goto(`file://${html.path}`);
  await expect.poll(() => viewer.locator('figure.photo img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(640);
  await viewer.close();

  const json = await download(page, 'Export JSON');
  const document = JSON.parse(json.text);
  const ref = document.report.attachments[0].photos[0];
  expect(ref.caption).toBe('Participants & guests <after the session>');
  expect(document.photos[ref.id]).toMatch(/^data:image\/jpeg;base64,/);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchForErrors(other);
  await other.goto('./');
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Import report' }).click();
  // The page carries the report's data, photos included: it is the one file needed.
  await (await chooser).setFiles(html.path);
  await expect(other.getByLabel('Report title', { exact: true })).toHaveValue('Fourth Dialogue Session');
  await expect(photoGroup(other, 1).getByLabel('Caption')).toHaveValue('Participants & guests <after the session>');
  await expectThumbnail(other, 1, 'Participants & guests <after the session>');
  await expectSaved(other);
  // Stored again for the new draft, under a new id.
  const restored = await storedPhotos(other);
  expect(restored).toHaveLength(1);
  expect(restored[0]).toMatchObject({ type: 'image/jpeg', width: 640, height: 480 });
  expect(restored[0].id).not.toBe(ref.id);
  await other.reload();
  await expectThumbnail(other, 1, 'Participants & guests <after the session>');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('a camera-sized photo is stored at most 1600 pixels on its longest side, as a JPEG', async ({ app: page }) => {
  test.setTimeout(90_000);
  const jpeg = await cameraJpeg(page);
  await addAttachment(page, 'The project poster.');
  await attach(page, { name: 'IMG_2024.jpg', mimeType: 'image/jpeg', buffer: jpeg });
  await expectThumbnail(page, 1, 'Photo 1');
  const [stored] = await storedPhotos(page);
  expect(stored).toMatchObject({ type: 'image/jpeg', width: 1600, height: 1200 });
  expect(stored.bytes).toBeLessThan(jpeg.length);
  const downscale = await page.evaluate(() => performance.getEntriesByName('taqrir:photo-downscale').map((e) => e.duration));
  expect(downscale).toHaveLength(1);
  console.log(
    `4000×3000 JPEG of ${(jpeg.length / 1024).toFixed(0)} KB → ${stored.width}×${stored.height} JPEG of ${(stored.bytes / 1024).toFixed(0)} KB in ${downscale[0].toFixed(0)} ms`,
  );
});

test('Remove photo erases it, and a file that is not an image says so', async ({ app: page }) => {
  await addAttachment(page, 'Media coverage.');
  await attach(page, { name: 'a.png', mimeType: 'image/png', buffer: png(320, 200) });
  await expectThumbnail(page, 1, 'Photo 1');
  await attach(page, { name: 'b.png', mimeType: 'image/png', buffer: png(200, 320) });
  await expectThumbnail(page, 2, 'Photo 2');
  expect(await storedPhotos(page)).toHaveLength(2);

  await photoGroup(page, 1).getByRole('button', { name: 'Remove photo' }).click();
  await expect(photoGroup(page, 2)).toHaveCount(0);
  await expect(attachment(page, 1).getByLabel('Photo', { exact: true })).toBeFocused();
  await expect.poll(async () => (await storedPhotos(page)).map((p) => `${p.width}×${p.height}`)).toEqual(['200×320']);
  await expectSaved(page);

  await attach(page, { name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('not an image at all') });
  await expect(attachment(page, 1).getByRole('alert')).toHaveText('This file could not be read as an image. Choose a JPEG or PNG photo.');
  await expect(photoGroup(page, 2)).toHaveCount(0);
});

test('a photo that does not fit says so beside its input, and the report text is still saved', async ({ app: page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  const title = page.getByLabel('Report title', { exact: true });
  await title.fill('Saved without its photo');
  await addAttachment(page, 'Group photos of participants.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(640, 480) });
  const alert = attachment(page, 1).getByRole('alert');
  await expect(alert).toContainText('This photo could not be stored');
  await expect(alert).toContainText('The report itself is still saved.');
  await expect(attachment(page, 1).getByLabel('Photo', { exact: true })).toHaveAttribute('aria-describedby', /photo-error$/);
  await expect(photoGroup(page, 1)).toHaveCount(0);
  await title.fill('Saved without its photo, and typed after');
  await expectSaved(page);
  await page.reload();
  await expect(title).toHaveValue('Saved without its photo, and typed after');
  await expect(attachment(page, 1).getByLabel('Description')).toHaveValue('Group photos of participants.');
});

test('a duplicated draft gets its own copies of the photos, and a draft erased from the trash takes its photos with it', async ({ app: page }) => {
  const reports = page.getByRole('region', { name: 'Reports' });
  const draft = (name: string) => reports.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await page.getByLabel('Report title', { exact: true }).fill('Old report');
  await addAttachment(page, 'Group photos.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(320, 240) });
  await expectThumbnail(page, 1, 'Photo 1');
  await expectSaved(page);

  await page.getByRole('button', { name: 'Reports' }).click();
  await draft('Old report').getByRole('button', { name: 'Duplicate' }).click();
  await page.getByLabel('Report title', { exact: true }).fill('Next report');
  await expectThumbnail(page, 1, 'Photo 1');
  await expectSaved(page);
  await expect.poll(async () => new Set((await storedPhotos(page)).map((p) => p.draft)).size).toBe(2);

  // The old report went to the trash 31 days ago.
  await page.evaluate(() => {
    const index = JSON.parse(localStorage.getItem('taqrir.index')!);
    const old = index.drafts.find((d: { title: string }) => d.title === 'Old report');
    old.deleted_ms = Date.now() - 31 * 24 * 3600 * 1000;
    localStorage.setItem('taqrir.index', JSON.stringify(index));
  });
  await page.reload();
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(reports.getByRole('listitem')).toHaveCount(1);
  await expect.poll(async () => (await storedPhotos(page)).length).toBe(1);
  await draft('Next report').getByRole('button', { name: 'Open' }).click();
  await expectThumbnail(page, 1, 'Photo 1');
});

test('photos of a removed attachment are swept after the next start, and other drafts keep theirs', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Kept');
  await addAttachment(page, 'Kept photo.');
  await attach(page, { name: 'kept.png', mimeType: 'image/png', buffer: png(300, 200) });
  await expectThumbnail(page, 1, 'Photo 1');
  await expectSaved(page);
  await page.getByRole('button', { name: 'New report' }).click();
  await page.getByLabel('Report title', { exact: true }).fill('Changed my mind');
  await addAttachment(page, 'Wrong photo.');
  await attach(page, { name: 'wrong.png', mimeType: 'image/png', buffer: png(200, 300) });
  await expectThumbnail(page, 1, 'Photo 1');
  await attachment(page, 1).getByRole('button', { name: 'Remove', exact: true }).click();
  await expectSaved(page);
  expect(await storedPhotos(page)).toHaveLength(2);
  await page.reload();
  await expect.poll(async () => (await storedPhotos(page)).map((p) => `${p.width}×${p.height}`), { timeout: 15_000 }).toEqual(['300×200']);
});

test('without IndexedDB a photo says it cannot be stored, and an imported report opens with a notice', async ({ browser }) => {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('denied', 'SecurityError'); } });
  });
  const page = await context.newPage();
  const errors = watchForErrors(page);
  await page.goto('./');
  await page.getByLabel('Report title', { exact: true }).fill('No photo store here');
  await addAttachment(page, 'Group photos.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(64, 48) });
  await expect(attachment(page, 1).getByRole('alert')).toHaveText('This browser does not let Taqrir store photos. The report itself is still saved.');
  await expectSaved(page);

  const file = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-photos-')), 'with-photo.json');
  const dataUrl = `data:image/png;base64,${png(8, 8).toString('base64')}`;
  writeFileSync(file, JSON.stringify({
    format: 'taqrir-report',
    schema_version: 1,
    report: { title: 'Imported', attachments: [{ description: 'Poster', photos: [{ id: 'p1', caption: 'The poster' }] }] },
    photos: { p1: dataUrl },
  }));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(file);
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Imported');
  await expect(page.getByRole('alert').filter({ hasText: "1 of this report's photos could not be stored" })).toBeVisible();
  await expect(photoGroup(page, 1).getByText('This photo is not stored in this browser.')).toBeVisible();
  await expect(photoGroup(page, 1).getByLabel('Caption')).toHaveValue('The poster');
  await expectSaved(page);
  await page.waitForTimeout(3500); // past the start-up sweep
  expect(errors).toEqual([]);
  await context.close();
});

test('"Back up all" carries the photos, and "Restore" in a fresh browser brings them back', async ({ app: page, browser }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Backed up with a photo');
  await addAttachment(page, 'Group photos.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(320, 240) });
  await photoGroup(page, 1).getByLabel('Caption').fill('Everyone');
  await expectThumbnail(page, 1, 'Everyone');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  await expect(page.getByRole('region', { name: 'Storage and backups' })).toContainText("Photos: 0.1 MB more, kept apart from the drafts in the browser's photo storage.");
  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Back up all' }).click();
  const backupPath = (await (await started).path())!;
  const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
  const [stored] = await storedPhotos(page);
  expect(backup.photos[stored.id]).toMatch(/^data:image\/jpeg;base64,/);
  expect(JSON.stringify(backup.drafts)).not.toContain('base64');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  const errors = watchForErrors(other);
  await other.goto('./');
  await other.getByRole('button', { name: 'Reports' }).click();
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Restore' }).click();
  await (await chooser).setFiles(backupPath);
  await expect(outcomes(other.getByRole('region', { name: 'Storage and backups' }))).toContainText([': Restored 1 draft.']);
  await expect.poll(async () => (await storedPhotos(other)).map((p) => `${p.id} ${p.width}×${p.height}`)).toEqual([`${stored.id} 320×240`]);
  await other
    .getByRole('region', { name: 'Reports' })
    .getByRole('listitem')
    .filter({ has: other.getByRole('heading', { name: 'Backed up with a photo' }) })
    .getByRole('button', { name: 'Open' })
    .click();
  await expectThumbnail(other, 1, 'Everyone');
  expect(errors).toEqual([]);
  await fresh.close();
});

test('while saving fails, "Download JSON" keeps the photos too', async ({ app: page }) => {
  await page.getByLabel('Report title', { exact: true }).fill('Report with a photo');
  await addAttachment(page, 'Group photo.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(320, 240) });
  await expectThumbnail(page, 1, 'Photo 1');
  await expectSaved(page);
  // Local storage refuses every write from now on (the photo store is not affected).
  await page.evaluate(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await photoGroup(page, 1).getByLabel('Caption').fill('Participants after the session');
  const banner = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(banner).toBeVisible();
  const started = page.waitForEvent('download');
  await banner.getByRole('button', { name: 'Download JSON' }).click();
  const saved = JSON.parse(readFileSync((await (await started).path())!, 'utf8'));
  const [photo] = saved.report.attachments[0].photos;
  expect(photo.caption).toBe('Participants after the session');
  expect(saved.photos[photo.id]).toMatch(/^data:image\/jpeg;base64,/);
});

/**
 * A draft with a photo exported as JSON, renamed here, and the file restored into the same
 * browser: two drafts from one report, "Original, renamed" (open) and "Fourth dialogue session".
 */
async function restoredBesideItsOriginal(page: Page) {
  page.on('dialog', (dialog) => dialog.accept());
  const title = page.getByLabel('Report title', { exact: true });
  await title.fill('Fourth dialogue session');
  await addAttachment(page, 'Group photos.');
  await attach(page, { name: 'group.png', mimeType: 'image/png', buffer: png(320, 240) });
  await expectThumbnail(page, 1, 'Photo 1');
  await expectSaved(page);
  const json = await download(page, 'Export JSON');
  await title.fill('Original, renamed');
  await expectSaved(page);
  await page.getByRole('button', { name: 'Reports' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Restore' }).click();
  await (await chooser).setFiles(json.path);
  await expect(outcomes(page.getByRole('region', { name: 'Storage and backups' }))).toContainText([': Restored 1 draft.']);
  // Each draft has a stored photo of its own.
  await expect.poll(async () => new Set((await storedPhotos(page)).map((p) => `${p.id} ${p.draft}`)).size).toBe(2);
  const reports = page.getByRole('region', { name: 'Reports' });
  return (name: string) => reports.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) }).getByRole('button', { name: 'Open' }).click();
}

test('a report restored into the browser it came from has photos of its own: "Remove photo" in it leaves the original\'s', async ({ app: page }) => {
  const open = await restoredBesideItsOriginal(page);
  await open('Fourth dialogue session');
  await expectThumbnail(page, 1, 'Photo 1');
  await photoGroup(page, 1).getByRole('button', { name: 'Remove photo' }).click();
  await expect(photoGroup(page, 1)).toHaveCount(0);
  await expectSaved(page);
  await expect.poll(async () => (await storedPhotos(page)).length).toBe(1);
  await page.getByRole('button', { name: 'Reports' }).click();
  await open('Original, renamed');
  await expectThumbnail(page, 1, 'Photo 1');
});

test('the start-up sweep erases a photo removed from the original and leaves the restored copy\'s', async ({ app: page }) => {
  await restoredBesideItsOriginal(page);
  // The original is open: its attachment goes, and the app starts again.
  await page.getByRole('button', { name: 'Editor' }).click();
  await attachment(page, 1).getByRole('button', { name: 'Remove', exact: true }).click();
  await expectSaved(page);
  await page.reload();
  await expect.poll(async () => (await storedPhotos(page)).length, { timeout: 15_000 }).toBe(1);
  await page.getByRole('button', { name: 'Reports' }).click();
  await page
    .getByRole('region', { name: 'Reports' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Fourth dialogue session', exact: true }) })
    .getByRole('button', { name: 'Open' })
    .click();
  await expectThumbnail(page, 1, 'Photo 1');
});

/** Imports `file` through "Import report". */
async function importJson(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import report' }).click();
  await (await chooser).setFiles(file);
}

/** A report file with one attachment holding `photos` (id → data: URL, or `null` for a photo the file lacks). */
function reportWithPhotos(photos: [string, string | null][]): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'taqrir-photos-')), 'photos.json');
  const report = {
    title: 'Closing session with photos',
    attachments: [{ description: 'Photos of the day.', photos: photos.map(([id], n) => ({ id, caption: `Photo number ${n + 1}` })) }],
  };
  const data = Object.fromEntries(photos.filter(([, url]) => url !== null));
  writeFileSync(file, JSON.stringify({ format: 'taqrir-report', schema_version: 1, report, photos: data }));
  return file;
}

test('an export clicked while an imported report\'s 15 photos are still being stored waits for all of them, saying so', async ({ app: page }) => {
  test.setTimeout(90_000);
  // A phone's slow storage: each photo written takes a while to be confirmed.
  await page.addInitScript(() => {
    const add = IDBTransaction.prototype.addEventListener;
    IDBTransaction.prototype.addEventListener = function (this: IDBTransaction, type: string, listener: any, options?: any) {
      if (type === 'complete' && this.mode === 'readwrite' && typeof listener === 'function') {
        return add.call(this, type, (event: Event) => setTimeout(() => listener.call(this, event), 150), options);
      }
      return add.call(this, type, listener, options);
    };
  });
  await page.reload();
  page.on('dialog', (dialog) => dialog.accept());
  const urls = Array.from({ length: 15 }, (_, n) => `data:image/png;base64,${png(40 + n, 30).toString('base64')}`);
  await importJson(page, reportWithPhotos(urls.map((url, n) => [`photo-${n}`, url])));
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Closing session with photos');

  const started = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const preparing = expect(page.getByText("Preparing… waiting until the report's photos are stored."))
    .toBeVisible()
    .then(() => 'shown', (error) => String(error));
  const file = await started;
  const document = JSON.parse(readFileSync((await file.path())!, 'utf8'));
  expect(Object.values(document.photos).sort()).toEqual([...urls].sort());
  expect(document.report.attachments[0].photos.map((p: { id: string }) => document.photos[p.id])).toEqual(urls);
  // While it waited, the actions said so.
  expect(await preparing).toBe('shown');
  await expect(page.getByText('Preparing…')).toHaveCount(0);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('an export of a report whose photos are not in this browser says which photos it was made without', async ({ app: page }) => {
  page.on('dialog', (dialog) => dialog.accept());
  const kept = `data:image/png;base64,${png(40, 30).toString('base64')}`;
  await importJson(page, reportWithPhotos([['kept', kept], ['lost-1', null], ['lost-2', null]]));
  await expect(page.getByLabel('Report title', { exact: true })).toHaveValue('Closing session with photos');

  const html = await download(page, 'Export HTML');
  expect(html.text.match(/<img src="data:image\/png;base64,/g)).toHaveLength(1);
  const notice = page.getByRole('alert').filter({ hasText: '2 photos are not stored in this browser, so the file was made without them:' });
  await expect(notice.getByRole('listitem')).toHaveText(['Attachment 1, photo 2: “Photo number 2”', 'Attachment 1, photo 3: “Photo number 3”']);
});
