import { deciderSpec } from '../decider.spec-helpers';
import { hubDecider } from './hub.decider';
import { HubCommand } from './hub.commands';
import { HubEvent } from './hub.events';
import { HUB_PEOPLE, at, hubCreated } from './hub.spec-helpers';

const spec = deciderSpec(hubDecider);
const hub: HubEvent[] = [hubCreated(), ...HUB_PEOPLE];
const assisted = (memberId: string, on = true): HubEvent => ({ type: 'MemberAssistanceChanged', data: { memberId, assisted: on, at } });
const profile = (memberId: string, fields: object, actorId = memberId): HubCommand => ({ type: 'ChangeProfile', memberId, ...fields, actorId, at }) as HubCommand;
const suspended = (memberId: string): HubEvent => ({ type: 'MemberSuspended', data: { memberId, at } });

describe('profiles and assisted members', () => {
  it('lets a member change their own profile, recording only what changed, and nothing for no change', () => {
    spec(hub)
      .when(profile('ann', { displayName: ' Ann Caudill ', about: 'I bake', showBalance: true }))
      .then([{ type: 'MemberProfileChanged', data: { memberId: 'ann', displayName: 'Ann Caudill', about: 'I bake', showBalance: true, actedBy: 'ann', at } }]);
    spec(hub).when(profile('ann', { displayName: 'ann', showBalance: false, about: null })).then([]);
  });

  it('clears the few words or the contact with null or an empty string', () => {
    const withAbout: HubEvent = { type: 'MemberProfileChanged', data: { memberId: 'ann', about: 'I bake', contact: 'ring', actedBy: 'ann', at } };
    spec([...hub, withAbout])
      .when(profile('ann', { about: '', contact: null }))
      .then([{ type: 'MemberProfileChanged', data: { memberId: 'ann', about: null, contact: null, actedBy: 'ann', at } }]);
  });

  it('refuses anyone else: another member, a treasurer, a coordinator for a member who is not assisted, the admin', () => {
    for (const actorId of ['ben', 'tia', 'coco', 'admin']) spec(hub).when(profile('ann', { about: 'x' }, actorId)).thenRefuses('forbidden');
  });

  it('lets a coordinator act for an assisted member, the event naming both', () => {
    spec([...hub, assisted('ann')])
      .when(profile('ann', { contact: 'through the hub office' }, 'coco'))
      .then([{ type: 'MemberProfileChanged', data: { memberId: 'ann', contact: 'through the hub office', actedBy: 'coco', at } }]);
    // but not once the mark is taken off, nor a treasurer ever
    spec([...hub, assisted('ann'), assisted('ann', false)]).when(profile('ann', { about: 'x' }, 'coco')).thenRefuses('forbidden');
    spec([...hub, assisted('ann')]).when(profile('ann', { about: 'x' }, 'tia')).thenRefuses('forbidden');
  });

  it('refuses a suspended member, and a suspended coordinator acting for someone', () => {
    spec([...hub, suspended('ann')]).when(profile('ann', { about: 'x' })).thenRefuses('invalid_state');
    spec([...hub, assisted('ann'), suspended('coco')]).when(profile('ann', { about: 'x' }, 'coco')).thenRefuses('forbidden');
  });

  it.each([
    ['an empty name', { displayName: '  ' }],
    ['a name too long', { displayName: 'x'.repeat(201) }],
    ['a biography too long', { about: 'x'.repeat(501) }],
    ['showBalance that is not true or false', { showBalance: 'yes' }],
  ])('refuses %s', (_, fields) => {
    spec(hub).when(profile('ann', fields)).thenRefuses('validation_failed');
  });

  it('marks a member assisted by the admin or a coordinator, never a coordinator themselves', () => {
    const mark = (memberId: string, actorId: string): HubCommand => ({ type: 'ChangeMember', memberId, assisted: true, changeId: 'c', actorId, at });
    spec(hub).when(mark('ann', 'coco')).then([assisted('ann')]);
    spec(hub).when(mark('ann', 'admin')).then([assisted('ann')]);
    spec(hub).when(mark('ann', 'tia')).thenRefuses('forbidden');
    spec(hub).when(mark('coco', 'coco')).thenRefuses('separation_of_duties');
    spec([...hub, assisted('ann')]).when(mark('ann', 'coco')).then([]);
  });
});
