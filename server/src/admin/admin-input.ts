// What the admin tool's commands share about their input: the error that names what to fix,
// and reading a password from an option, the environment or the terminal.
import { passwordSchema } from '../../../domain/schemas/user';
import { toIssues } from '../http/parse-input';
import type { ParsedArgs } from './args';

/** Bad input: its message is printed as it is, and the command exits with 1. */
export class InputError extends Error {}

export interface PasswordIo {
  env: NodeJS.ProcessEnv;
  /** Asks for a password without echoing it; absent when there is no terminal. */
  promptPassword?: (label: string) => Promise<string>;
}

/** The password from --password, else FI_ADMIN_PASSWORD, else asked twice on the terminal. */
export async function readPassword(values: ParsedArgs['values'], io: PasswordIo): Promise<string> {
  let password = values.password ?? io.env.FI_ADMIN_PASSWORD;
  if (password === undefined) {
    if (!io.promptPassword) {
      throw new InputError(
        'No password given: pass --password or set FI_ADMIN_PASSWORD (there is no terminal to ask on).',
      );
    }
    password = await io.promptPassword('Password: ');
    const again = await io.promptPassword('Repeat the password: ');
    if (again !== password) throw new InputError('The two passwords differ.');
  }
  const checked = passwordSchema.safeParse(password);
  if (!checked.success) {
    throw new InputError(
      toIssues(checked.error)
        .map((i) => `--password ${i.message}.`)
        .join('\n'),
    );
  }
  return checked.data;
}
