import { describe, expect, it } from 'vitest';
import { isShareCall } from '../../../lib/rules/share-calls';

describe('share and follow calls name the site’s own chrome', () => {
  it.each([
    ['Share on Twitter', true],
    ['Follow us on Twitter', true],
    ['Follow Globe Wire on Twitter @GlobeWire', true],
    ['Find the Ledger on Twitter', true],
    ['Like us on Twitter', true],
    ['Trump told voters on Twitter that', false],
    ['In a post on Twitter Tuesday evening', false],
    ['he has described it on Twitter as', false],
  ])('%s → %s', (text, expected) => {
    expect(isShareCall(text, text.indexOf('Twitter'))).toBe(expected);
  });
});
