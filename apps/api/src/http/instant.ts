/** ISO-8601 in, the canonical UTC form events carry out, so that text comparison orders moments. */
export const instant = (text: string | undefined): string | undefined =>
  text === undefined ? undefined : new Date(text).toISOString();
