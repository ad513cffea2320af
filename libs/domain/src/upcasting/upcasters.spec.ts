import { UnreadableEvent, toDomainEvent } from './recorded';
import { UPCASTERS, schemaVersionOf } from './upcasters';

const at = '2026-01-01T00:00:00.000Z';

describe('upcasting stored events to today’s shapes', () => {
  it('brings a version 1 money contribution, from before earmarks, to the general fund with no project', () => {
    const [step] = UPCASTERS.MoneyContributed!;
    expect(step({ contributionId: 'c', memberId: 'ann', amount: '5.00', description: 'd', recordedBy: 'tia', at })).toEqual({
      contributionId: 'c', memberId: 'ann', amount: '5.00', description: 'd', recordedBy: 'tia', at, fund: 'general', projectId: null, phase: null,
    });
    expect(step({ fund: 'aid', projectId: null })).toMatchObject({ fund: 'aid', projectId: null, phase: null });
  });

  it('brings a version 1 loan application, from before phases, to one that names no phase', () => {
    const [step] = UPCASTERS.LoanApplied!;
    expect(step({ loanId: 'l', projectId: 'barn' })).toEqual({ loanId: 'l', projectId: 'barn', phase: null });
    expect(step({ loanId: 'l', phase: 'roof' })).toEqual({ loanId: 'l', phase: 'roof' });
  });

  it('hands an event of today’s version on as it is, and upcasts an older one without touching what was stored', () => {
    const today = { type: 'HoursPaid', data: { hours: '1.00' }, metadata: { schemaVersion: 1 } };
    expect(toDomainEvent(today)).toBe(today);
    const stored = { type: 'LoanApplied', data: { loanId: 'l' }, metadata: { schemaVersion: 1 } };
    expect(toDomainEvent(stored)).toEqual({ type: 'LoanApplied', data: { loanId: 'l', phase: null } });
    expect(stored.data).toEqual({ loanId: 'l' });
    expect(toDomainEvent({ type: 'LoanApplied', data: { loanId: 'l' }, metadata: {} }).data).toEqual({ loanId: 'l', phase: null });
  });

  it('refuses an event no version of this ledger wrote', () => {
    expect(() => toDomainEvent({ type: 'MoneyPrinted', data: {}, metadata: { schemaVersion: 1 } })).toThrow(UnreadableEvent);
    expect(() => toDomainEvent({ type: 'HoursPaid', data: {}, metadata: { schemaVersion: 2 } })).toThrow('newer than this ledger');
  });

  it('has a step for every version below today’s', () => {
    for (const [type, steps] of Object.entries(UPCASTERS)) expect([type, steps!.length]).toEqual([type, schemaVersionOf(type) - 1]);
  });
});
