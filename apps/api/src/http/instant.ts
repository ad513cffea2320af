import { momentOf } from '@commons/domain';

/** A validated moment in the canonical UTC form events carry, so that text comparison orders moments. */
export const instant = (text: string | undefined): string | undefined => (text === undefined ? undefined : momentOf(text, 'moment'));
