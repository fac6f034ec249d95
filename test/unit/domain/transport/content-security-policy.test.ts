import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../../domain/transport/content-security-policy';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources] as const;
    }),
  );
}

describe('contentSecurityPolicy', () => {
  it('lets the page connect to itself and the named origins only', () => {
    const csp = directives(contentSecurityPolicy(['https://hq.example.gov.cn']));
    expect(csp.get('connect-src')).toEqual(["'self'", 'https://hq.example.gov.cn']);
    expect(directives(contentSecurityPolicy([])).get('connect-src')).toEqual(["'self'"]);
  });

  it('is strict everywhere else: no eval, no inline or foreign scripts, no plugins', () => {
    const csp = directives(contentSecurityPolicy(['http://127.0.0.1:8787']));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'none'"]);
    for (const sources of csp.values()) {
      expect(sources).not.toContain("'unsafe-eval'");
      expect(sources).not.toContain('http:');
      expect(sources).not.toContain('https:');
      expect(sources).not.toContain('*');
    }
  });
});
