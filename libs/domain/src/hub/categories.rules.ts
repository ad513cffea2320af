import { InvalidState, ValidationFailed } from '../errors';
import { checkId } from '../ids';
import { checkText } from '../text';
import { adminOrActingAs, requireHub } from './acting';
import { SetCategories } from './hub.commands';
import { HubEvent } from './hub.events';
import { Category, HubState } from './hub.state';

const NAME_LENGTH_MAX = 100;
const CATEGORIES_MAX = 200;

/**
 * The coordinator's list of the hub's kinds of help. A category once listed is never removed:
 * what named it (a payment, a listing, a request) must still find it; it is renamed or retired.
 * Refusals: forbidden, validation_failed (ids, names, duplicates), invalid_state (one left out).
 */
export function setCategories(command: SetCategories, state: HubState): HubEvent[] {
  requireHub(state);
  const actor = adminOrActingAs(state, command.actorId, ['coordinator'], "set the hub's categories");
  if (!Array.isArray(command.categories) || command.categories.length > CATEGORIES_MAX) {
    throw new ValidationFailed(`categories must be a list of at most ${CATEGORIES_MAX}`);
  }
  const seen = new Set<string>();
  const names = new Set<string>();
  const categories = command.categories.map((given, i) => {
    checkId(given.categoryId, `categories[${i}].categoryId`);
    if (seen.has(given.categoryId)) throw new ValidationFailed(`category ${given.categoryId} is listed twice`);
    seen.add(given.categoryId);
    const name = checkText(given.name, `categories[${i}].name`, NAME_LENGTH_MAX);
    const retired = given.retired ?? false;
    if (typeof retired !== 'boolean') throw new ValidationFailed(`categories[${i}].retired must be true or false`);
    // two live categories of one name would be one kind of help to a member choosing
    if (!retired && names.has(name.toLowerCase())) throw new ValidationFailed(`two categories are named ${name}`);
    if (!retired) names.add(name.toLowerCase());
    return { categoryId: given.categoryId, name, retired };
  });
  const left = [...state.categories.keys()].filter((id) => !seen.has(id));
  if (left.length > 0) throw new InvalidState(`a category is never removed, only renamed or retired: ${left.join(', ')} must stay in the list`);
  const same = categories.length === state.categories.size && categories.every((c, i) => sameCategory(c, [...state.categories.values()][i]));
  if (same) return [];
  return [{ type: 'CategoriesSet', data: { categories, setBy: actor?.memberId ?? command.actorId, at: command.at } }];
}

/** A category a new payment, listing or request may name: listed and not retired. */
export function usableCategory(state: HubState, categoryId: string | undefined): string | undefined {
  if (categoryId === undefined) return undefined;
  const category = state.categories.get(categoryId);
  if (!category) throw new ValidationFailed(`categoryId ${categoryId} is not one of the hub's categories`);
  if (category.retired) throw new ValidationFailed(`category ${category.name} is retired`);
  return categoryId;
}

function sameCategory(a: Category, b: Category | undefined): boolean {
  return b !== undefined && a.categoryId === b.categoryId && a.name === b.name && a.retired === b.retired;
}
