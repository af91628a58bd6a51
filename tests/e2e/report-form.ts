import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';

/** The sample report (`tests/fixtures/report-v1.json`), the same fixture the core tests use. */
export function sampleReport(): Record<string, any> {
  const file = path.join(__dirname, '..', 'fixtures', 'report-v1.json');
  return JSON.parse(readFileSync(file, 'utf8')).report;
}

/** Report fields and the visible labels of their inputs. */
const singleFields: [string, string][] = [
  ['title', 'Report title'],
  ['session_number', 'Session number'],
  ['project_name', 'Project name'],
  ['programme', 'Programme'],
  ['organizing_organization', 'Organizing organization'],
  ['partner_organizations', 'Partner organizations'],
  ['donor', 'Donor'],
  ['date', 'Date'],
  ['start_time', 'Start time'],
  ['end_time', 'End time'],
  ['venue', 'Venue'],
  ['city', 'City'],
  ['governorate', 'Governorate'],
  ['country', 'Country'],
  ['introduction', 'Introduction'],
  ['aim', 'Aim'],
  ['session_topic', 'Session topic'],
  ['conclusion', 'Conclusion'],
  ['next_steps', 'Next steps'],
  ['moderator', 'Moderator'],
];

const participantFields: [string, string][] = [
  ['total', 'Total participants'],
  ['new_participants', 'New participants'],
  ['male', 'Male'],
  ['female', 'Female'],
  ['sex_not_recorded', 'Sex not recorded'],
  ['under_18', 'Under 18'],
  ['age_18_to_24', '18–24'],
  ['age_25_to_59', '25–59'],
  ['age_60_and_over', '60 and over'],
  ['with_disabilities', 'Persons with disabilities'],
  ['guests', 'Guests'],
];

interface RowList {
  rows: (report: Record<string, any>) => Record<string, any>[] | undefined;
  add: string;
  legend: string;
  fields: [string, string][];
  /** The section's heading, when a kind of activity may fold it under "More sections". */
  section?: string;
}

const rowLists: RowList[] = [
  { rows: (r) => r.facilitators, add: 'Add facilitator', legend: 'Facilitator', fields: [['name', 'Name'], ['role', 'Role']] },
  {
    rows: (r) => r.speakers, add: 'Add speaker', legend: 'Speaker',
    fields: [['name', 'Name'], ['position', 'Position'], ['organization', 'Organization'], ['summary', 'Summary']],
  },
  { rows: (r) => r.objectives, add: 'Add objective', legend: 'Objective', fields: [['text', 'Text']] },
  {
    rows: (r) => r.agenda, add: 'Add agenda item', legend: 'Agenda item', section: 'Agenda',
    fields: [['start', 'Start'], ['end', 'End'], ['item', 'Item'], ['presenter', 'Presenter']],
  },
  {
    rows: (r) => r.discussion_points, add: 'Add discussion point', legend: 'Discussion point', section: 'Key discussion points',
    fields: [['heading', 'Heading'], ['details', 'Details']],
  },
  {
    rows: (r) => r.working_groups, add: 'Add working group', legend: 'Working group', section: 'Working groups',
    fields: [['topic', 'Topic'], ['facilitator', 'Facilitator'], ['members', 'Members'], ['member_count', 'Number of members'], ['outcomes', 'Outcomes']],
  },
  { rows: (r) => r.results, add: 'Add result', legend: 'Result', fields: [['text', 'Text']] },
  { rows: (r) => r.recommendations, add: 'Add recommendation', legend: 'Recommendation', fields: [['text', 'Text']] },
  { rows: (r) => r.attachments, add: 'Add attachment', legend: 'Attachment', fields: [['description', 'Description']] },
  {
    rows: (r) => r.participants?.governorates, add: 'Add governorate', legend: 'Governorate',
    fields: [['name', 'Name'], ['count', 'Count']],
  },
  {
    rows: (r) => r.participants?.categories, add: 'Add participant category', legend: 'Participant category',
    fields: [['label', 'Label'], ['count', 'Count']],
  },
  { rows: (r) => r.extra_sections, add: 'Add section', legend: 'Section', section: 'Additional sections', fields: [['heading', 'Heading'], ['text', 'Text']] },
];

const shown = (value: unknown) => (value === null || value === undefined ? '' : String(value));
const field = (scope: Page | Locator, label: string) => scope.getByLabel(label, { exact: true });
const countKeys = new Set(['session_number', 'count', 'member_count', ...participantFields.map(([key]) => key)]);
/** What a field shows after a save: a count typed in any digits is stored, and shown again, as the number. */
function stored(key: string, value: unknown): string {
  const text = shown(value);
  if (!countKeys.has(key)) return text;
  const western = text.trim().replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) & 0xf));
  return /^\d+$/.test(western) && Number(western) <= 0xffffffff ? String(Number(western)) : text;
}

/** Types a whole report into the editor the way a person would: by labels and buttons. */
export async function enterReport(page: Page, report: Record<string, any>) {
  for (const [key, label] of singleFields) {
    if (shown(report[key])) await field(page, label).fill(shown(report[key]));
  }
  if (report.activity_type) await field(page, 'Activity type').selectOption(report.activity_type);
  if (report.language) await field(page, 'Report language').selectOption(report.language);
  for (const [key, label] of participantFields) {
    const value = shown(report.participants?.[key]);
    if (value) await field(page, label).fill(value);
  }
  for (const list of rowLists) {
    const rows = list.rows(report) ?? [];
    const add = page.getByRole('button', { name: list.add, exact: true });
    // A section this kind of activity does not usually need is opened from "More sections" first.
    if (rows.length > 0 && list.section && !(await add.isVisible())) {
      await page.getByRole('region', { name: 'More sections' }).getByRole('button', { name: list.section, exact: true }).click();
    }
    for (let i = 0; i < rows.length; i++) {
      await add.click();
      const row = page.getByRole('group', { name: `${list.legend} ${i + 1}`, exact: true });
      for (const [key, label] of list.fields) {
        if (shown(rows[i][key])) await field(row, label).fill(shown(rows[i][key]));
      }
    }
  }
}

/** Checks that every value of `report` is in the editor. */
export async function expectReport(page: Page, report: Record<string, any>) {
  for (const [key, label] of singleFields) {
    await expect(field(page, label), label).toHaveValue(stored(key, report[key]));
  }
  await expect(field(page, 'Activity type')).toHaveValue(report.activity_type ?? 'dialogue_session');
  await expect(field(page, 'Report language')).toHaveValue(report.language ?? 'en');
  for (const [key, label] of participantFields) {
    await expect(field(page, label), label).toHaveValue(stored(key, report.participants?.[key]));
  }
  for (const list of rowLists) {
    const rows = list.rows(report) ?? [];
    for (let i = 0; i < rows.length; i++) {
      const row = page.getByRole('group', { name: `${list.legend} ${i + 1}`, exact: true });
      for (const [key, label] of list.fields) {
        await expect(field(row, label), `${list.legend} ${i + 1}: ${label}`).toHaveValue(stored(key, rows[i][key]));
      }
    }
    await expect(page.getByRole('group', { name: `${list.legend} ${rows.length + 1}`, exact: true })).toHaveCount(0);
  }
}
