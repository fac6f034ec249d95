import type { Locator, Page } from 'playwright-core';

export type Section =
  | 'Enterprises'
  | 'Inspections'
  | 'Findings'
  | 'Review'
  | 'Deadlines'
  | 'Work list'
  | 'Dashboard'
  | 'Conflicts'
  | 'Register'
  | 'Penalty cases'
  | 'Sync'
  | 'Settings'
  | 'Agencies & towns'
  | 'Users'
  | 'Devices'
  | 'Audit log'
  | 'Checklists'
  | 'Edit enterprises'
  | 'Plans & draws'
  | 'My tasks'
  | 'Plan progress';

export class AppShell {
  readonly navigation: Locator;

  constructor(readonly page: Page) {
    this.navigation = page.getByRole('menu');
  }

  async goTo(section: Section): Promise<void> {
    await this.navigation.getByRole('menuitem', { name: section }).click();
  }
}
