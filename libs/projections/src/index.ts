export * from './projection';
export * from './runner';
export * from './read-model-db';
export * from './members/members.projection';
export * from './accounts/accounts.projection';
export * from './accounts/account.queries';
export * from './loans/loans.projection';
export * from './loans/loan.queries';
export * from './aid/aid-requests.projection';
export * from './reversals/reversals.projection';
export * from './reversals/reversal.queries';
export * from './reports/financing-report';
export * from './reports/report-csv';
export * from './reports/network-report';
export * from './audit/journal';
export * from './audit/rebuild';

export { ALL_PROJECTIONS } from './all-projections';
export * from './csv';
