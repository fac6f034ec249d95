// Owns the renderer's Content Security Policy. Both shells use the same directives; only
// connect-src differs: browser mode talks to the server that served the page ('self'), and the
// desktop app to the HQ server the user configured, named by its origin (never all of http:
// and https:). The desktop main process sends it per response, so it follows the settings.
// Imports nothing: the browser-mode build config loads it as it is.

/** The policy, with the page's own origin and `connectOrigins` as the only places it may fetch. */
export function contentSecurityPolicy(connectOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // antd writes its styles at run time into <style> elements.
    "style-src 'self' 'unsafe-inline'",
    // Photos are shown from blob: URLs; small icons are inlined as data:.
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    ["connect-src 'self'", ...connectOrigins].join(' '),
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
