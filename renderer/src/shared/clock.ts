// The one way time reaches the renderer's writes: a function passed in as `now`, defaulting to the
// system clock, so that tests (and the sync engine's environment) give their own.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
