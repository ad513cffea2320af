// A refusal of the API in a sentence a neighbour would understand, naming the field it concerns:
// never the API's own detail, which speaks of ids and field names.

/**
 * `fields`: the form's API field names, each with its label and a hint for when it is wrong;
 * `names`: the people the action concerns, by name, for sentences such as "past the hours Bob may owe";
 * `you`: the payer is the one signed in; `messages`: a view's own sentence for a code, with its figures.
 * Returns `{ message, field }`, `field` being the API field the message is about, if any.
 */
export function explain(t, refusal, { fields = {}, names = {}, you = false, messages = {} } = {}) {
  const problem = refusal?.problem ?? { code: 'internal' };
  const code = problem.code ?? 'internal';
  if (messages[code]) return { message: messages[code], field: null };
  if (code === 'validation_failed') {
    const said = [...(problem.errors ?? []), problem.detail ?? ''].join('\n');
    for (const [field, { label, hint }] of Object.entries(fields)) {
      if (new RegExp(`(^|[\\s:.(])${field}\\b`, 'm').test(said)) return { message: t('problem.validation_failed.field', { field: label, hint }), field };
    }
    return { message: t('problem.validation_failed'), field: null };
  }
  if (code === 'credit_limit_exceeded' && you) return { message: t('problem.credit_limit_exceeded.you'), field: 'hours' };
  try {
    return { message: t(`problem.${code}`, names), field: code.endsWith('_exceeded') ? 'hours' : null };
  } catch {
    return { message: t('problem.internal'), field: null }; // a code this page does not know yet
  }
}
