import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../../../server/src/auth/passwords';

describe('password hashing', () => {
  it('verifies the right password only, with a different salt each time', async () => {
    const a = await hashPassword('demo12345');
    const b = await hashPassword('demo12345');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(await verifyPassword('demo12345', a)).toBe(true);
    expect(await verifyPassword('demo12345', b)).toBe(true);
    expect(await verifyPassword('demo12346', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('rejects stored values it cannot read', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'bcrypt$1$2$3$4$5')).toBe(false);
  });
});
