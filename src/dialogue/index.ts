/**
 * The dialogue core's one door. The app, the jobs and the scripts import the dialogue from
 * here only; the files behind it are free to change. Everything exported is pure.
 */
export { advance, RESUME_AFTER_MS, sharedChatReplies, transition } from "./transition";
export { deliveredReplies, entriesNeeded, HANDOFF_ENTRIES, INSIGHT_ENTRIES, MY_DATA_ENTRIES, type EffectData } from "./deliver";
export { handoffNotice, type HandoffSender } from "./cards";
export { insightsReplies, reminderReplies } from "./checkin";
export {
  ALERT_RUN,
  ALERT_SCORE,
  consoleAlert,
  contactRequested,
  lowScores,
  scoresWanted,
  withFilledScores,
  type StoredCheckin,
} from "./checkin-scores";
export { normalizeForMatch } from "./commands";
export { commandWords, fill, messages, richMenus, values, type RichMenuContent, type RichMenuTileContent } from "./content";
export { MENU_STAGES, menuAfter, menuFor, storedMenu, type MenuStage } from "./menu";
export type { Effect } from "./effect";
export { MAX_ANSWER_LENGTH, MAX_REPLIES, type Transition } from "./flow";
export type { Input, MediaKind, PickedDateTime, Sent } from "./input";
export { answerData, COMMAND_IDS, commandData, decodePostback, MAX_POSTBACK_DATA, type CommandId } from "./postback";
export { promptFor } from "./prompts";
export type { Card, CardLink, CardSection, Chart, ChartBar, Choice, ChoiceAction, Reply } from "./reply";
export { restoreState } from "./restore";
export { MAX_MOMENTS } from "./session";
export { initialState, type UserState } from "./state";
export { isQuestionStep, QUESTION_STEP_TYPES, STEP_TYPES, type QuestionStep, type Step } from "./step";
export { afterJob, type JobInput } from "./job-inputs";
export { offerEscalation } from "./safety";
export {
  assessSafety,
  assessSafetyByConcepts,
  foldForModel,
  prepareSafetyReadStep,
  scannedExpressions,
  type SafetyLevel,
} from "./understand/safety";
export { requiredText } from "./understand/required-text";
export { packRequired } from "./understand/required-text-index";
export {
  doubtBelow,
  FEATURE_BITS,
  FEATURES,
  messageLikelihood,
  messageWindows,
  packWeights,
  type SafetyWeights,
} from "./understand/safety-model";
export { consoleOperator, isLineOperator } from "./operator-notice";
export {
  endHandover,
  escalationNotice,
  idleEnding,
  operatorCommand,
  operatorData,
  operatorEndNotice,
  operatorNoticeCard,
  operatorTurn,
  removedEnding,
  type OperatorCommand,
  type OperatorOutcome,
  type OperatorTurn,
  type OperatorVerb,
} from "./handover";
export { SHEET_ENTRIES, SHEET_LINK_DAYS, sheetExpiry, sheetOf, type SheetLink } from "./sheet";
export { sheetPage } from "./content";
export { withConsultant, type Handover, type HandoverEnd, type Tally } from "./state";
export { followUpReplies, RESUMED_WITHIN_MS } from "./follow-up";
export {
  consultantRemovedReplies,
  PAIRING_CODE_DIGITS,
  pairingMessage,
  pairingReplies,
  pairingRequest,
  setupTestReplies,
  type PairingOutcome,
} from "./consultants";
export { afterHomeworkSent, afterHomeworkWithdrawn, homeworkPush, homeworkRefusal, type HomeworkRefusal } from "./homework";
export { HOMEWORK_MAX } from "./content";
export type { HomeworkAsk } from "./state";
export type { ReadLogLine } from "./homework-cards";
