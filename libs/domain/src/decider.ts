/**
 * Business rules as plain functions (Emmett's decider). `evolve` may update the state it is
 * given in place, for speed on hubs with thousands of accounts; callers decide on a `copy`
 * so a refused or unpersisted batch never touches the state they keep.
 */
export interface Decider<Command, Event, State, Context = void> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  /** `context` is what the rule reads from another stream (a time-bank payment reads the hub's members). */
  decide(command: Command, state: State, context: Context): Event[];
  copy(state: State): State;
}

/** Every domain event: a type tag and its data, amounts as strings. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  type: Type;
  data: Data;
}
