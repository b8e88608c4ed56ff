/**
 * Which rich menu a user should see, read from their state alone: the LINE layer links it
 * after a turn is committed, so the choice is pure and the switch can never fail a turn.
 */
import type { Transition } from "./flow";
import { restoreState } from "./restore";
import { initialState, withConsultant, type UserState } from "./state";

/** The stages that have a rich menu of their own (their tiles: `richMenus` in content). */
export const MENU_STAGES = ["onboarding", "main", "consultant"] as const;
/** One of {@link MENU_STAGES}. */
export type MenuStage = (typeof MENU_STAGES)[number];

/**
 * The menu for `state`: `consultant` while a consultant is with the user, `onboarding` until
 * they agreed to the data use (declined included), else `main`.
 */
export function menuFor(state: UserState): MenuStage {
  if (withConsultant(state)) return "consultant";
  return state.consent.status === "given" ? "main" : "onboarding";
}

/** The menu for a stored state as the store keeps it (restored as a turn would restore it). */
export function storedMenu(stored: unknown): MenuStage {
  return menuFor(restoreState(stored).state);
}

/** The menu after a turn; a turn that deletes the user's data leaves them where a new friend starts. */
export function menuAfter(transition: Transition): MenuStage {
  const deleting = transition.effects.some((effect) => effect.type === "deleteUserData");
  return menuFor(deleting ? initialState() : transition.state);
}
