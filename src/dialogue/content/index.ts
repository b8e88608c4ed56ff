/**
 * Every word the bot says and every word it recognises, in one folder, split by purpose.
 * Operators edit these files to change the copy; logic never contains Japanese.
 * See docs/content.md for what each part is and the limits that apply.
 *
 * Limits (PRODUCT.md §4): a message up to 5,000 characters, a button label up to 20.
 * `npm test` checks every entry against them and names the entry that breaks one.
 */
export * from "./cards";
export * from "./commands";
export { pairingWords, removedCodes } from "./consultants";
export * from "./formats";
export { operatorCard, operatorLabels, operatorWords } from "./handover";
export * from "./labels";
export * from "./messages";
export * from "./rich-menu";
export * from "./safety";
export * from "./sheet";
export { sharedItems, sharingText } from "./sharing";
export { HOMEWORK_MAX, homeworkText } from "./homework";
export * from "./steps";
export { holdingWords, noReactionWords, stepFeelings, stepLoopCardText } from "./step-loop";
export * from "./values";
export * from "./vocabulary";

/** Replaces each `{key}` in `template` with `values[key]`. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
