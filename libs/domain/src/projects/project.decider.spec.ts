import { fundDecider } from '../contributions/contributions.decider';
import { FundCommand } from '../contributions/contributions.commands';
import { FundEvent } from '../contributions/contributions.events';
import { FundState } from '../contributions/fund.state';
import { hubDecider } from '../hub/hub.decider';
import { HubCommand } from '../hub/hub.commands';
import { HubState } from '../hub/hub.state';
import { applied, approvedBy, at, deposited, disbursed, givenPool, poolHub, repaid } from '../pool/pool.spec-helpers';
import { projectFinancing } from './project-financing';

const refusal = (code: string) => expect.objectContaining({ code });
const create = (change: object = {}): HubCommand =>
  ({ type: 'CreateProject', projectId: 'greenhouse', name: 'Greenhouse', budget: '1000', phases: [{ name: 'frame', budget: '600' }, { name: 'glass', budget: '400' }], actorId: 'coco', at, ...change }) as HubCommand;
const withProject = (hub: HubState): HubState =>
  hubDecider.evolve(hubDecider.copy(hub), {
    type: 'ProjectCreated',
    data: { projectId: 'greenhouse', name: 'Greenhouse', budget: '1000.00', phases: [{ name: 'frame', budget: '600.00' }, { name: 'glass', budget: '400.00' }], createdBy: 'coco', at },
  });

function given(...events: FundEvent[]): FundState {
  return events.reduce(fundDecider.evolve, fundDecider.initialState());
}
const financed = (financingId: string, source: 'credit-union' | 'grant'): FundEvent => ({
  type: 'ExternalFinancingRecorded',
  data: { financingId, projectId: 'greenhouse', phase: 'glass', source, lender: 'Mountain CU', amount: '400.00', terms: '3 years', recordedBy: 'tia', at },
});

describe('hub projects decider', () => {
  const hub = withProject(poolHub());

  it('creates a project with phases within its budget, by a coordinator only', () => {
    const [event] = hubDecider.decide(create({ projectId: 'shed' }), hub);
    expect(event).toEqual({
      type: 'ProjectCreated',
      data: { projectId: 'shed', name: 'Greenhouse', budget: '1000.00', phases: [{ name: 'frame', budget: '600.00' }, { name: 'glass', budget: '400.00' }], createdBy: 'coco', at },
    });
    expect(() => hubDecider.decide(create({ projectId: 'shed', actorId: 'tia' }), hub)).toThrow(refusal('forbidden'));
    expect(() => hubDecider.decide(create(), hub)).toThrow(refusal('already_exists'));
    expect(() => hubDecider.decide(create({ projectId: 'shed', budget: '999.99' }), hub)).toThrow(refusal('validation_failed'));
    expect(() => hubDecider.decide(create({ projectId: 'shed', phases: [] }), hub)).toThrow(refusal('validation_failed'));
    expect(() => hubDecider.decide(create({ projectId: 'shed', phases: [{ name: 'a', budget: '1' }, { name: 'a', budget: '1' }] }), hub)).toThrow(refusal('validation_failed'));
  });

  it('records outside financing, its repayments and spending, by a treasurer, against phases that exist', () => {
    const finance: FundCommand = { type: 'RecordExternalFinancing', financingId: 'f-1', projectId: 'greenhouse', phase: 'glass', source: 'credit-union', lender: 'Mountain CU', amount: '400', terms: '3 years', actorId: 'tia', at };
    const state = given(financed('f-1', 'credit-union'));
    const repay = (amount: string, financingId = 'f-1'): FundCommand => ({ type: 'RepayExternalFinancing', financingId, projectId: 'greenhouse', amount, actorId: 'tom', at });
    expect(fundDecider.decide(repay('400'), state, hub)[0].data).toMatchObject({ lender: 'Mountain CU', amount: '400.00' });
    expect(() => fundDecider.decide(repay('400.01'), state, hub)).toThrow(refusal('overpayment'));
    const granted = given(financed('g-1', 'grant'));
    expect(() => fundDecider.decide(repay('1', 'g-1'), granted, hub)).toThrow(refusal('invalid_state'));
    expect(() => fundDecider.decide({ ...finance, financingId: 'f-2', actorId: 'coco' } as FundCommand, state, hub)).toThrow(refusal('forbidden'));
    expect(() => fundDecider.decide({ ...finance, financingId: 'f-2', phase: 'roof' } as FundCommand, state, hub)).toThrow(refusal('validation_failed'));
    expect(() => fundDecider.decide({ ...finance, financingId: 'f-2', projectId: 'shed' } as FundCommand, state, hub)).toThrow(refusal('not_found'));
    const spend = (phase: string | undefined): FundCommand => ({ type: 'RecordProjectSpending', spendingId: 's-1', projectId: 'greenhouse', phase, amount: '10', description: 'bolts', actorId: 'tia', at }) as FundCommand;
    expect(fundDecider.decide(spend('frame'), state, hub)).toHaveLength(1);
    expect(() => fundDecider.decide(spend(undefined), state, hub)).toThrow(refusal('validation_failed'));
  });

  it('adds up every source per project and phase, and what each lender is still owed', () => {
    const terms = { termMonths: 3, annualInterestRate: '0', projectId: 'greenhouse', phase: 'frame' };
    const pool = givenPool(
      deposited('ann', '500'),
      applied('l-1', 'ben', '300', terms),
      ...approvedBy('l-1', 'tia', 'tom'),
      disbursed('l-1', 'ben', '300', at, terms),
      repaid('l-1', 'ben', '0', '100'),
    );
    const fund = given(
      { type: 'ExternalFinancingRecorded', data: { financingId: 'f-1', projectId: 'greenhouse', phase: 'glass', source: 'credit-union', lender: 'Mountain CU', amount: '250.00', terms: '', recordedBy: 'tia', at } },
      { type: 'ExternalFinancingRepaid', data: { financingId: 'f-1', projectId: 'greenhouse', lender: 'Mountain CU', amount: '50.00', recordedBy: 'tia', at } },
      { type: 'MoneyContributed', data: { contributionId: 'c-1', memberId: 'cal', amount: '75.00', description: 'for the glass', fund: 'general', projectId: 'greenhouse', phase: 'glass', recordedBy: 'coco', at } },
      { type: 'ProjectSpendingRecorded', data: { spendingId: 's-1', projectId: 'greenhouse', phase: 'frame', amount: '320.00', description: 'timber', recordedBy: 'tia', at } },
    );
    const report = projectFinancing(hub.projects.get('greenhouse')!, fund, pool, 2);
    expect(report.financed).toEqual({ poolLoans: '300.00', contributions: '75.00', creditUnion: '250.00', grant: '0.00', other: '0.00', total: '625.00' });
    expect([report.spent, report.remaining, report.unfinanced]).toEqual(['320.00', '680.00', '375.00']);
    expect(report.owed).toEqual([
      { lender: 'Mountain CU', source: 'credit-union', owed: '200.00' },
      { lender: 'savings pool', source: 'pool-loan', owed: '200.00' },
    ]);
    expect(report.phases.map((p) => [p.name, p.financed.total, p.spent, p.remaining])).toEqual([
      ['frame', '300.00', '320.00', '280.00'],
      ['glass', '325.00', '0.00', '400.00'],
    ]);
    // earmarked money is the project's, not the general fund's
    expect(fund.general.toFixed(2)).toBe('0.00');
  });
});
