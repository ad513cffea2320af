import { poolStanding } from './pool-standing';
import { applied, approvedBy, deposited, disbursed, givenPool, repaid } from './pool.spec-helpers';

const march = '2026-03-01T10:00:00.000Z';
const threeMonths = { termMonths: 3, annualInterestRate: '0' };
const twoMonths = { termMonths: 2, annualInterestRate: '0' };
const lent = givenPool(
  deposited('ann', '1000'),
  applied('loan-1', 'ben', '300', threeMonths),
  ...approvedBy('loan-1', 'tia', 'tom'),
  disbursed('loan-1', 'ben', '300', march, threeMonths),
  applied('loan-2', 'cal', '200', twoMonths),
  ...approvedBy('loan-2', 'tia', 'tom'),
  disbursed('loan-2', 'cal', '200', march, twoMonths),
  repaid('loan-2', 'cal', '0', '100', '2026-04-01T10:00:00.000Z'),
);

describe('pool standing', () => {
  it('owes nothing late before the first instalment falls due', () => {
    const standing = poolStanding(lent, '2026-03-20T00:00:00.000Z');
    expect(standing.activeLoans).toBe(2);
    expect(standing.outstanding.toFixed(2)).toBe('400.00');
    expect(standing.arrears.toFixed(2)).toBe('0.00');
  });

  it('counts a loan toward portfolio at risk only once an instalment is unpaid more than 30 days', () => {
    // loan-1 owes 100.00 from 1 April and pays nothing; loan-2 paid its April 100.00
    expect(poolStanding(lent, '2026-05-01T10:00:00.000Z').portfolioAtRisk30.toFixed(2)).toBe('0.00');
    const late = poolStanding(lent, '2026-05-02T10:00:00.000Z');
    expect(late.portfolioAtRisk30.toFixed(2)).toBe('300.00');
    expect(late.arrears.toFixed(2)).toBe('300.00'); // loan-1: 200.00 due by 1 May; loan-2: its May 100.00
  });
});
