import { describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { isAllowedExternalUrl, isTrustedAppUrl } from '../../../electron/main/url-guards';

const rendererDir = '/opt/rwb/out/renderer';
const file = (p: string) => pathToFileURL(p).href;

describe('isTrustedAppUrl (which page may call the engine)', () => {
  it.each([
    [file(join(rendererDir, 'index.html')), true],
    [`${file(join(rendererDir, 'index.html'))}#/e/overview`, true],
    [file(join(rendererDir, 'assets/index.js')), true],
    // A sibling folder whose name starts with ours: a prefix match let it through.
    [file('/opt/rwb/out/renderer-x/evil.html'), false],
    ['file:///opt/rwb/out/renderer/../main/index.js', false],
    ['file:///opt/rwb/out/renderer/%2e%2e/main/index.js', false],
    [file(rendererDir), false],
    ['file://otherhost/opt/rwb/out/renderer/index.html', false],
    ['https://example.com/opt/rwb/out/renderer/index.html', false],
    ['javascript:alert(1)', false],
    ['not a url', false],
  ])('%s → %s', (url, expected) => {
    expect(isTrustedAppUrl(url, { rendererDir })).toBe(expected);
  });

  it('takes the dev server by origin only, never with credentials or another port', () => {
    const where = { rendererDir, devServerUrl: 'http://localhost:5173' };
    expect(isTrustedAppUrl('http://localhost:5173/#/e/x', where)).toBe(true);
    expect(isTrustedAppUrl('http://localhost:5174/', where)).toBe(false);
    expect(isTrustedAppUrl('http://user:pw@localhost:5173/', where)).toBe(false);
    expect(isTrustedAppUrl('http://localhost.evil.com:5173/', where)).toBe(false);
    expect(isTrustedAppUrl(file(join(rendererDir, 'index.html')), where)).toBe(false);
  });
});

describe('isAllowedExternalUrl (what the system browser may be asked to open)', () => {
  it('opens nothing by default: the workbench is offline and links nowhere', () => {
    expect(isAllowedExternalUrl('https://example.com/')).toBe(false);
  });
  it('opens only https links to listed hosts, with no credentials or odd port', () => {
    const hosts = ['docs.example.org'];
    expect(isAllowedExternalUrl('https://docs.example.org/guide', hosts)).toBe(true);
    expect(isAllowedExternalUrl('http://docs.example.org/guide', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://docs.example.org.evil.com/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://a:b@docs.example.org/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://docs.example.org:8443/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('file:///etc/passwd', hosts)).toBe(false);
  });
});
