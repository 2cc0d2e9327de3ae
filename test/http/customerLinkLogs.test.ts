import { describe, expect, it } from 'vitest';
import { redactPath } from '../../src/http/requestLog.js';

// Issue 20: a single-use customer link is a credential in the URL, like a respondent's: never in a log line.
describe('request log paths', () => {
  it('hide the token of customer survey links, on the pages and in the API', () => {
    expect(redactPath('/c/AbC-123_xyz')).toBe('/c/[token]');
    expect(redactPath('/c/AbC-123_xyz/thanks')).toBe('/c/[token]/thanks');
    expect(redactPath('/api/v1/customer/AbC-123_xyz/responses')).toBe('/api/v1/customer/[token]/responses');
    expect(redactPath('/app/assessments/1/customers')).toBe('/app/assessments/1/customers');
  });
});
