import { deciderSpec } from '../decider.spec-helpers';
import { HubEvent } from '../hub/hub.events';
import { at, enrolled, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { TimeBankCommand } from './timebank.commands';
import { timeBankDecider } from './timebank.decider';

const categories: HubEvent = {
  type: 'CategoriesSet',
  data: { categories: [{ categoryId: 'rides', name: 'Rides', retired: false }, { categoryId: 'canning', name: 'Canning', retired: true }], setBy: 'admin', at },
};
const hub = hubOf(hubCreated(), enrolled('alice', ['member']), enrolled('bob', ['member']), categories);
const spec = deciderSpec(timeBankDecider);
const pay = (fields: object): TimeBankCommand => ({ type: 'PayHours', transferId: 't1', fromMemberId: 'alice', toMemberId: 'bob', hours: '1', memo: '', actorId: 'alice', at, ...fields }) as TimeBankCommand;

describe('a payment names its kind of help and the listing it answers', () => {
  it('records a live category and a listing id with the payment', () => {
    spec([], hub)
      .when(pay({ categoryId: 'rides', listingId: 'l-7' }))
      .then([{ type: 'HoursPaid', data: { transferId: 't1', fromMemberId: 'alice', toMemberId: 'bob', hours: '1.00', memo: '', categoryId: 'rides', listingId: 'l-7', at } }]);
  });

  it('refuses a retired or unknown category, and a malformed listing id', () => {
    spec([], hub).when(pay({ categoryId: 'canning' })).thenRefuses('validation_failed');
    spec([], hub).when(pay({ categoryId: 'plumbing' })).thenRefuses('validation_failed');
    spec([], hub).when(pay({ listingId: 'Not An Id!' })).thenRefuses('validation_failed');
  });
});
