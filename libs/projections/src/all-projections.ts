import { accountsProjection } from './accounts/accounts.projection';
import { aidRequestsProjection } from './aid/aid-requests.projection';
import { loansProjection } from './loans/loans.projection';
import { membersProjection } from './members/members.projection';
import { ProjectionFactory } from './projection';
import { reversalsProjection } from './reversals/reversals.projection';
import { listingsProjection } from './listings/listings.projection';
import { hourRequestsProjection } from './requests/hour-requests.projection';
import { thingsProjection } from './things/things.projection';
import { reportsProjection } from './reports/reports.projection';

/** Every read model the service keeps, in the order they are applied. */
export const ALL_PROJECTIONS: ProjectionFactory[] = [membersProjection, accountsProjection, loansProjection, aidRequestsProjection, reversalsProjection, listingsProjection, hourRequestsProjection, thingsProjection, reportsProjection];
