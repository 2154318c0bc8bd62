// One CSP for both hosts (Electron session headers and the web host). No remote origins at all:
// the app is offline by design. Inline styles are allowed because ECharts and React set them.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The same policy for a <meta> tag, which is how a file:// page gets one (a CSP response header set
 * in Electron's onHeadersReceived never reaches file:// loads). frame-ancestors is header-only and
 * ignored in a meta tag; a desktop window is not framed by anyone.
 */
export const CONTENT_SECURITY_POLICY_META = CONTENT_SECURITY_POLICY.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');
