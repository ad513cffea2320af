export * from './projection';
export * from './runner';
export * from './read-model-db';
export * from './members/members.projection';
export * from './accounts/accounts.projection';
export * from './accounts/account.queries';
export * from './idempotency/idempotency.projection';
export * from './loans/loans.projection';
export * from './loans/loan.queries';
export * from './reports/financing-report';
export * from './reports/report-csv';
export * from './reports/network-report';

import { accountsProjection } from './accounts/accounts.projection';
import { idempotencyProjection } from './idempotency/idempotency.projection';
import { loansProjection } from './loans/loans.projection';
import { membersProjection } from './members/members.projection';
import { ProjectionFactory } from './projection';

/** Every read model the service keeps, in the order they are applied. */
export const ALL_PROJECTIONS: ProjectionFactory[] = [membersProjection, accountsProjection, loansProjection, idempotencyProjection];
