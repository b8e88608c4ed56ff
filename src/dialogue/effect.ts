/**
 * Effects: commands the dialogue core asks the app to carry out after the state is
 * saved. They are data; the core never performs I/O itself.
 */
export type Effect =
  /** Show LINE's loading animation while slow work runs (seconds: 5–60 in steps of 5). */
  { type: "showLoading"; seconds: number };
