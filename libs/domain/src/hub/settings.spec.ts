import { deciderSpec } from '../decider.spec-helpers';
import { Amount, HOUR } from '../money';
import { hubDecider } from './hub.decider';
import { HubCommand } from './hub.commands';
import { HubEvent } from './hub.events';
import { HUB_PEOPLE, at, hubCreated } from './hub.spec-helpers';
import { nearCreditLimit } from './hub.state';

const spec = deciderSpec(hubDecider);
const hub: HubEvent[] = [hubCreated(), ...HUB_PEOPLE];
const settings = (fields: object, actorId = 'coco'): HubCommand => ({ type: 'ChangeHubSettings', ...fields, actorId, at }) as HubCommand;
const hours = (text: string) => Amount.parseSigned(text, HOUR);

describe('hub settings: the board’s days and the soft limit', () => {
  it('lets a coordinator or the admin change them, only what changes is recorded, nobody else may', () => {
    spec(hub).when(settings({ listingDays: 30, warnAt: '0.8' })).then([{ type: 'HubSettingsChanged', data: { listingDays: 30, warnAt: '0.8', at } }]);
    spec(hub).when(settings({ warnAt: null })).then([]);
    spec([...hub, { type: 'HubSettingsChanged', data: { warnAt: '0.8', at } }]).when(settings({ warnAt: null }, 'admin')).then([{ type: 'HubSettingsChanged', data: { warnAt: null, at } }]);
    for (const actorId of ['ann', 'tia']) spec(hub).when(settings({ listingDays: 30 }, actorId)).thenRefuses('forbidden');
  });

  it.each([['0'], ['1'], ['1.5'], ['0.805'], ['.8'], ['high']])('refuses warnAt %s', (warnAt) => {
    spec(hub).when(settings({ warnAt })).thenRefuses('validation_failed');
  });

  it.each([[0], [3651], [1.5]])('refuses listingDays %s', (listingDays) => {
    spec(hub).when(settings({ listingDays })).thenRefuses('validation_failed');
  });

  it('counts a member near the limit from the share on, never with no share or no credit', () => {
    expect(nearCreditLimit(hours('-7.99'), hours('10'), '0.8')).toBe(false);
    expect(nearCreditLimit(hours('-8.00'), hours('10'), '0.8')).toBe(true);
    expect(nearCreditLimit(hours('-9.50'), hours('10'), null)).toBe(false);
    expect(nearCreditLimit(hours('0'), hours('0'), '0.8')).toBe(false);
  });
});
