import type { Locator, Page } from '@playwright/test';

/** The outcome line of each file taken in (Import report, Restore, dropped files) within `scope`. */
export const outcomes = (scope: Page | Locator) =>
  scope.getByRole('list', { name: 'What became of each file' }).getByRole('listitem');
