import { Decider } from './decider';
import { DutyRule } from './errors';

/**
 * Emmett's DeciderSpecification: given recorded events, when a command, then events or a
 * refusal. History is given as events, so a spec never breaks because an unrelated rule changed.
 */
export function deciderSpec<Command, Event, State, Context>(decider: Decider<Command, Event, State, Context>) {
  return (history: Event[], context?: Context) => {
    const fold = (events: Event[]) => events.reduce(decider.evolve, decider.initialState());
    return {
      state: () => fold(history),
      when: (command: Command) => {
        const decide = () => decider.decide(command, fold(history), context as Context);
        return {
          events: decide,
          then: (expected: Event[]) => expect(decide()).toEqual(expected),
          /** the state after the command's events */
          after: () => fold([...history, ...decide()]),
          thenRefuses: (code: string, rule?: DutyRule) =>
            expect(decide).toThrow(expect.objectContaining(rule === undefined ? { code } : { code, rule })),
        };
      },
    };
  };
}
