// Whose towns a place is in. An officer works in the towns of their jurisdiction; an administrator
// sees every town. Taking part in an inspection elsewhere brings its records to the officer's
// device (to write and amend them) but does not make that town theirs: working lists, new
// inspections and rectification stay within one's own towns.
import type { User } from '../schemas/user';

export type JurisdictionHolder = Pick<User, 'role' | 'jurisdiction'>;

export function coversTown(user: JurisdictionHolder, town: string): boolean {
  return user.role === 'admin' || user.jurisdiction.includes(town);
}
