import { ValidateBy } from 'class-validator';
import { MOMENT_RULE, parseMoment } from '@commons/domain';

/** A query's `asOf`, `from` or `to`: only the forms the ledger can compare (see `parseMoment`), else 400. */
export const IsMoment = () =>
  ValidateBy({
    name: 'isMoment',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && parseMoment(value) !== null,
      defaultMessage: (args) => `${args?.property} must be ${MOMENT_RULE}`,
    },
  });
