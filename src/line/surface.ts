/**
 * What a user sees around the bot's messages: the rich menu of their stage, the read marks in
 * the consultant's chat and the loading animation. Each is done after the turn is committed
 * and never throws: a failure is logged (with LINE's request id) and the turn goes on.
 */
import type { MenuStage } from "../dialogue";
import { describeError, type LogFields, type Logger } from "../log";
import { LineApiError, lineRequestIdOf } from "./error";
import type { LineGateway } from "./gateway";

/**
 * The alias of each stage's rich menu. `npm run richmenu -- --deploy` points them at the menus
 * it creates; the bot reads them to link a user's menu, so a deploy never needs a redeploy.
 */
export const RICH_MENU_ALIAS_IDS: Readonly<Record<MenuStage, string>> = {
  onboarding: "will-note-onboarding",
  main: "will-note-main",
  consultant: "will-note-consultant",
};

/** The stage whose menu is every user's default; a user at this stage has no menu of their own. */
export const DEFAULT_MENU_STAGE: MenuStage = "main";

/** Whether the bot marks a user's messages read once it answered them (`MARK_AS_READ`). */
export type MarkAsReadMode = "auto" | "off";

/** How long the loading animation shows at most; the bot's reply ends it sooner. */
export const LOADING_SECONDS = 10;

/** What was done about a user's menu. */
export type MenuOutcome = "linked" | "unlinked" | "noMenu" | "failed";

/**
 * Shows `userId` the menu of `stage`: the default stage by unlinking their own menu, any
 * other by linking the menu its alias points to, reading the alias again once when that menu
 * is gone. "noMenu" when the alias was never deployed (logged as a hint to run the deploy).
 */
export async function showMenu(line: LineGateway, userId: string, stage: MenuStage, log: Logger, fields: LogFields): Promise<MenuOutcome> {
  try {
    if (stage === DEFAULT_MENU_STAGE) {
      await line.unlinkRichMenu(userId);
      return "unlinked";
    }
    const alias = RICH_MENU_ALIAS_IDS[stage];
    const link = async (): Promise<MenuOutcome> => {
      const richMenuId = await line.richMenuOfAlias(alias);
      if (richMenuId === null) {
        log.warn("rich menu alias not found; run npm run richmenu -- --deploy", { ...fields, alias });
        return "noMenu";
      }
      await line.linkRichMenu(userId, richMenuId);
      return "linked";
    };
    try {
      return await link();
    } catch (error) {
      // The menu the alias pointed to is gone (a deploy replaced it): read the alias afresh, once.
      if (!(error instanceof LineApiError && error.status === 404)) throw error;
      return await link();
    }
  } catch (error) {
    log.warn("rich menu switch failed", { ...fields, stage, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
    return "failed";
  }
}

/** Marks the user's message read with its token; resolves whether LINE took it. */
export async function markRead(line: LineGateway, token: string, log: Logger, fields: LogFields): Promise<boolean> {
  try {
    await line.markAsRead(token);
    return true;
  } catch (error) {
    log.warn("mark as read failed", { ...fields, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
    return false;
  }
}

/** Starts the loading animation in the user's 1:1 chat; resolves whether LINE took it. */
export async function startLoading(line: LineGateway, userId: string, log: Logger, fields: LogFields): Promise<boolean> {
  try {
    await line.showLoading(userId, LOADING_SECONDS);
    return true;
  } catch (error) {
    log.warn("loading animation failed", { ...fields, error: describeError(error), lineRequestId: lineRequestIdOf(error) });
    return false;
  }
}

/** What {@link afterTurn} needs to know about one committed turn of a user. */
export interface TurnSurface {
  userId: string;
  /** The input's type: a follow always sets the menu, an unfollow never does (the user cannot see it). */
  input: string;
  /** The token of the user's message, null when it had none (postbacks, follows). */
  markAsReadToken: string | null;
  /** The menu before the turn; null for a user with no stored state, who sees the default. */
  before: MenuStage | null;
  after: MenuStage;
  /** Whether the bot's reply reached LINE: the reply is under way beside the menu switch. */
  answered: Promise<boolean>;
}

/**
 * Beside a turn's reply: the user's menu when their stage changed (or they just followed),
 * switched while the reply is on its way (neither waits for the other), and once the reply
 * reached LINE, with `MARK_AS_READ=auto`, a read mark on the message, unless a consultant is or
 * was with the user in this turn, so that the consultant's inbox shows what is new.
 */
export async function afterTurn(line: LineGateway, turn: TurnSurface, mode: MarkAsReadMode, log: Logger, fields: LogFields): Promise<void> {
  const changed = turn.after !== (turn.before ?? DEFAULT_MENU_STAGE);
  const menu = turn.input !== "unfollowed" && (changed || turn.input === "followed");
  const duringHandover = turn.before === "consultant" || turn.after === "consultant";
  const token = mode === "auto" && !duringHandover ? turn.markAsReadToken : null;
  await Promise.all([
    menu ? showMenu(line, turn.userId, turn.after, log, fields) : undefined,
    token !== null && (await turn.answered) ? markRead(line, token, log, fields) : undefined,
  ]);
}
