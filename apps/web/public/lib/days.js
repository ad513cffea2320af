// A moment as a neighbour reads it: the day and the month, in the page's language.

/** "12 March" */
export const dayOf = (iso) => new Date(iso).toLocaleDateString(document.documentElement.lang || 'en', { day: 'numeric', month: 'long' });
