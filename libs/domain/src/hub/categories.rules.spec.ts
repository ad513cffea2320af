import { deciderSpec } from '../decider.spec-helpers';
import { hubDecider } from './hub.decider';
import { HubCommand } from './hub.commands';
import { HubEvent } from './hub.events';
import { HUB_PEOPLE, at, hubCreated, hubOf } from './hub.spec-helpers';
import { usableCategory } from './categories.rules';

const spec = deciderSpec(hubDecider);
const hub: HubEvent[] = [hubCreated(), ...HUB_PEOPLE];
const setTo = (categories: object[], actorId = 'coco'): HubCommand => ({ type: 'SetCategories', categories, actorId, at }) as HubCommand;
const set = (categories: Array<{ categoryId: string; name: string; retired: boolean }>, setBy = 'coco'): HubEvent => ({ type: 'CategoriesSet', data: { categories, setBy, at } });
const childcare = { categoryId: 'childcare', name: 'Childcare', retired: false };
const rides = { categoryId: 'rides', name: 'Rides', retired: false };

describe('categories', () => {
  it('lets a coordinator (or the admin) set the list, and nobody else', () => {
    spec(hub).when(setTo([{ categoryId: 'childcare', name: 'Childcare' }, { categoryId: 'rides', name: 'Rides' }])).then([set([childcare, rides])]);
    spec(hub).when(setTo([{ categoryId: 'rides', name: 'Rides' }], 'admin')).then([set([rides], 'admin')]);
    for (const actorId of ['ann', 'tia', 'aud']) spec(hub).when(setTo([{ categoryId: 'rides', name: 'Rides' }], actorId)).thenRefuses('forbidden');
  });

  it('renames and retires a category but never removes one', () => {
    const before = [...hub, set([childcare, rides])];
    spec(before)
      .when(setTo([{ categoryId: 'childcare', name: 'Child care' }, { categoryId: 'rides', name: 'Rides', retired: true }]))
      .then([set([{ ...childcare, name: 'Child care' }, { ...rides, retired: true }])]);
    spec(before).when(setTo([{ categoryId: 'childcare', name: 'Childcare' }])).thenRefuses('invalid_state');
    spec(before).when(setTo([{ categoryId: 'childcare', name: 'Childcare' }, { categoryId: 'rides', name: 'Rides' }])).then([]);
  });

  it.each([
    ['an id listed twice', [{ categoryId: 'rides', name: 'Rides' }, { categoryId: 'rides', name: 'Lifts' }]],
    ['two live categories of one name', [{ categoryId: 'rides', name: 'Rides' }, { categoryId: 'lifts', name: 'rides' }]],
    ['a bad id', [{ categoryId: 'Rides!', name: 'Rides' }]],
    ['an empty name', [{ categoryId: 'rides', name: ' ' }]],
  ])('refuses %s', (_, categories) => {
    spec(hub).when(setTo(categories)).thenRefuses('validation_failed');
  });

  it('lets new entries name a live category only', () => {
    const state = hubOf(...hub, set([childcare, { ...rides, retired: true }]));
    expect(usableCategory(state, 'childcare')).toBe('childcare');
    expect(usableCategory(state, undefined)).toBeUndefined();
    expect(() => usableCategory(state, 'rides')).toThrow('retired');
    expect(() => usableCategory(state, 'plumbing')).toThrow("not one of the hub's categories");
  });
});
