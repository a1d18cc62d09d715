import { delayOf, JOB_NAMES, JobPayloadError, parseJobPayload, queueOf, QUEUE_NAMES } from './index';

describe('job contracts', () => {
  it('puts every job on a known queue', () => {
    for (const name of JOB_NAMES) expect(QUEUE_NAMES).toContain(queueOf(name));
  });

  it('accepts a valid payload', () => {
    const p = { businessId: '0b7c1f62-2a4e-4d7b-9c1e-3f5a6b7c8d9e', invitationId: '1b7c1f62-2a4e-4d7b-9c1e-3f5a6b7c8d9e' };
    expect(parseJobPayload('invitation.send-email', p)).toEqual(p);
  });

  it('rejects a malformed or padded payload, naming the job', () => {
    expect(() => parseJobPayload('invitation.send-email', { businessId: 'x' })).toThrow(JobPayloadError);
    expect(() =>
      parseJobPayload('invitation.send-email', {
        businessId: '0b7c1f62-2a4e-4d7b-9c1e-3f5a6b7c8d9e',
        invitationId: '1b7c1f62-2a4e-4d7b-9c1e-3f5a6b7c8d9e',
        email: 'snapshot@example.com',
      }),
    ).toThrow(/invitation.send-email/);
  });
});

describe('job delays', () => {
  it('debounces the credit recompute and runs other jobs at once', () => {
    expect(delayOf('credit.recompute')).toBeGreaterThan(0);
    expect(delayOf('invoice.render-pdf')).toBeUndefined();
  });
});
