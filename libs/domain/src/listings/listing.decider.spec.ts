import { deciderSpec } from '../decider.spec-helpers';
import { HubEvent } from '../hub/hub.events';
import { HUB_PEOPLE, at, hubCreated, hubOf } from '../hub/hub.spec-helpers';
import { listingDecider } from './listing.decider';
import { ListingCommand } from './listing.commands';
import { ListingEvent } from './listing.events';
import { listingStatus } from './listing.state';

const categories: HubEvent = {
  type: 'CategoriesSet',
  data: { categories: [{ categoryId: 'rides', name: 'Rides', retired: false }, { categoryId: 'canning', name: 'Canning', retired: true }], setBy: 'coco', at },
};
const hubEvents: HubEvent[] = [hubCreated(), ...HUB_PEOPLE, categories];
const hub = hubOf(...hubEvents);
const spec = (history: ListingEvent[], context = hub) => deciderSpec(listingDecider)(history, context);
const post = (fields: object = {}, actorId = 'ann'): ListingCommand =>
  ({ type: 'PostListing', listingId: 'l1', memberId: 'ann', kind: 'offer', title: 'Rides to town', description: 'Tuesdays and Fridays', categoryId: 'rides', actorId, at, ...fields }) as ListingCommand;
const posted: ListingEvent = {
  type: 'ListingPosted',
  data: { listingId: 'l1', memberId: 'ann', kind: 'offer', title: 'Rides to town', description: 'Tuesdays and Fridays', categoryId: 'rides', hours: null, expiresAt: '2026-05-30T10:00:00.000Z', postedBy: 'ann', at },
};
const change = (fields: object, actorId = 'ann', when = at): ListingCommand => ({ type: 'ChangeListing', listingId: 'l1', ...fields, actorId, at: when }) as ListingCommand;

describe('listings', () => {
  it('posts a member’s own offer, open for the hub’s 90 days by default', () => {
    spec([]).when(post()).then([posted]);
    const short = hubOf(...hubEvents, { type: 'HubSettingsChanged', data: { listingDays: 7, at } });
    expect(spec([], short).when(post()).events()[0].data).toMatchObject({ expiresAt: '2026-03-08T10:00:00.000Z' });
  });

  it('refuses a listing for someone else, but lets a coordinator post for an assisted member', () => {
    spec([]).when(post({ memberId: 'ben' })).thenRefuses('forbidden');
    spec([]).when(post({}, 'coco')).thenRefuses('forbidden');
    const assisted = hubOf(...hubEvents, { type: 'MemberAssistanceChanged', data: { memberId: 'ann', assisted: true, at } });
    expect(spec([], assisted).when(post({}, 'coco')).events()[0].data).toMatchObject({ memberId: 'ann', postedBy: 'coco' });
    // a suspended member's account is still, even to the coordinator who acts for them
    spec([], hubOf(...hubEvents, { type: 'MemberAssistanceChanged', data: { memberId: 'ann', assisted: true, at } }, { type: 'MemberSuspended', data: { memberId: 'ann', at } }))
      .when(post({}, 'coco'))
      .thenRefuses('invalid_state');
  });

  it.each([
    ['a kind that is neither offer nor need', { kind: 'swap' }],
    ['a retired category', { categoryId: 'canning' }],
    ['an unknown category', { categoryId: 'plumbing' }],
    ['no category', { categoryId: undefined }],
    ['an empty title', { title: ' ' }],
    ['hours with three places', { hours: '1.255' }],
    ['no hours at all', { hours: '0' }],
  ])('refuses %s', (_, fields) => {
    spec([]).when(post(fields)).thenRefuses('validation_failed');
  });

  it('refuses a listing id that is taken', () => {
    spec([posted]).when(post()).thenRefuses('already_exists');
  });

  it('lets the owner or any coordinator change or close it, nobody else', () => {
    spec([posted]).when(change({ title: 'Rides to the clinic', hours: '1.5' })).then([
      { type: 'ListingChanged', data: { listingId: 'l1', title: 'Rides to the clinic', hours: '1.50', changedBy: 'ann', at } },
    ]);
    spec([posted]).when(change({ status: 'closed' }, 'coco')).then([{ type: 'ListingClosed', data: { listingId: 'l1', closedBy: 'coco', at } }]);
    spec([posted]).when(change({ title: 'x' }, 'ben')).thenRefuses('forbidden');
    spec([posted]).when(change({ title: 'Rides to town' })).then([]);
  });

  it('expires after its days without any event, and an expired or closed listing is not changed', () => {
    const state = spec([posted]).state();
    expect(listingStatus(state.listings.get('l1')!, '2026-05-30T09:59:59.999Z')).toBe('open');
    expect(listingStatus(state.listings.get('l1')!, '2026-05-30T10:00:00.000Z')).toBe('expired');
    spec([posted]).when(change({ title: 'late' }, 'ann', '2026-06-01T00:00:00.000Z')).thenRefuses('invalid_state');
    const closed: ListingEvent = { type: 'ListingClosed', data: { listingId: 'l1', closedBy: 'ann', at } };
    spec([posted, closed]).when(change({ title: 'again' })).thenRefuses('invalid_state');
    spec([]).when(change({ title: 'x' })).thenRefuses('not_found');
  });
});
