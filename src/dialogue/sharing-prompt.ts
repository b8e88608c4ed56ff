/**
 * What sharing with the consultants looks like: the confirmation that names every item a
 * consultant would see, the 「データ確認」 line, and the card button that turns it on or off.
 */
import { tokyoDate } from "../calendar/schedule";
import { commandLabels, fill, sharedItems, sharingText } from "./content";
import { formatDate } from "./format";
import { commandData } from "./postback";
import type { CardLink, Reply } from "./reply";
import { answer, say } from "./say";
import type { UserState } from "./state";

/** The confirmation: every item a consultant would see, with its buttons. */
export function sharingPrompt(): Reply[] {
  return [
    say("share.confirm", { items: sharedItems.join("\n") }, [
      answer(sharingText.confirm, "share", "yes"),
      answer(sharingText.decline, "share", "no"),
    ]),
  ];
}

/** The 「データ確認」 line on sharing. */
export function sharingLine(state: UserState): string {
  return state.sharing === null ? sharingText.off : fill(sharingText.on, { date: sinceDate(state.sharing.since) });
}

/** The card button that turns sharing on or off, whichever fits now. */
export function sharingLink(state: UserState): CardLink {
  const command = state.sharing === null ? "share" : "unshare";
  return { label: commandLabels[command], data: commandData(command) };
}

/** The date sharing began, as the client reads it. */
export function sinceDate(since: string): string {
  return formatDate(tokyoDate(new Date(since)));
}
