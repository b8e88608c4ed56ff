/**
 * Every piece of copy in the content module fits LINE's limits. A failure names the
 * content id and the limit, so an operator editing copy knows what to shorten.
 */
import {
  commandLabels,
  commands,
  commandWords,
  defaultStepSuggestions,
  acuteResources,
  distressResources,
  feelings,
  labels,
  messages,
  reminderPresets,
  reminderTimes,
  valueStepSuggestions,
  values,
  willStepThemes,
  willWhatPhrases,
  willWhoChoices,
} from "../../src/dialogue/content";
import { formatSchedule } from "../../src/dialogue/format";
import { isValidTime } from "../../src/calendar/schedule";
import { MAX_ANSWER_LENGTH } from "../../src/dialogue/flow";
import { ECHO_LENGTH } from "../../src/dialogue/say";
import { WILL_DRAFT_MAX } from "../../src/dialogue/session";
import { LINE_LIMITS } from "../../src/line/limits";

/** The longest text a placeholder can stand for in a message. */
const PLACEHOLDER_LENGTH: Record<string, number> = {
  name: 20,
  text: ECHO_LENGTH,
  feeling: ECHO_LENGTH,
  who: ECHO_LENGTH,
  what: ECHO_LENGTH,
  value: 20,
  action: ECHO_LENGTH,
  // The first 15 minutes of a suggested step.
  first: 40,
  statement: MAX_ANSWER_LENGTH,
  // Three WILL drafts of at most WILL_DRAFT_MAX characters, each with its mark and brackets.
  options: 3 * (WILL_DRAFT_MAX + 4),
  // Three suggested values, each with up to three cue words.
  lines: 3 * 60,
  values: 40,
  consent: 20,
  score: 1,
  left: 1,
  time: 5,
  code: 8,
  // At most MAX_REMOVED_CODES 受付番号 with their separators, and 「ほか」.
  codes: 20 * 9 + 2,
  // HANDOVER_IDLE_HOURS is at most 720.
  hours: 3,
  before: 1,
  will: MAX_ANSWER_LENGTH,
  mirror: 120,
  // The reflection of a message of distress: at most four strains in one sentence.
  echo: 200,
  contact: 100,
  when: 80,
  promise: 120,
  morning: 5,
  evening: 5,
  date: 10,
  count: 4,
  words: 40,
  weeks: 3,
  month: 2,
  day: 2,
  schedule: 30,
  days: 20,
  part: 2,
  next: 20,
  due: 10,
  max: 5,
  url: 500,
  summary: 4000,
  items: 300,
  topic: 200,
  where: 60,
  scene: 20,
};

function tooLong(id: string, text: string, max: number): string[] {
  return text.length > max ? [`${id} is ${text.length} characters (max ${max})`] : [];
}

describe("content", () => {
  it("keeps every button label within LINE's 20 characters", () => {
    const max = LINE_LIMITS.maxActionLabelLength;
    const problems = [
      ...Object.entries(labels).flatMap(([id, label]) => tooLong(`labels["${id}"]`, label, max)),
      ...Object.entries(commandLabels).flatMap(([id, label]) => tooLong(`commands.${id}.label`, label, max)),
      ...Object.entries(values).flatMap(([id, value]) => tooLong(`values.${id}.label (with "✓ ")`, `✓ ${value.label}`, max)),
      ...feelings.flatMap((feeling, i) => tooLong(`feelings[${i}]`, feeling, max)),
      ...willWhoChoices.flatMap((who, i) => tooLong(`willWhoChoices[${i}]`, who, max)),
      ...Object.entries(willWhatPhrases).flatMap(([id, phrase]) => tooLong(`willWhatPhrases.${id}`, phrase, max)),
      ...Object.entries(valueStepSuggestions).flatMap(([id, list]) =>
        list.flatMap(({ step }, i) => tooLong(`valueStepSuggestions.${id}[${i}]`, step, max)),
      ),
      ...willStepThemes.flatMap((theme, t) => theme.steps.flatMap(({ step }, i) => tooLong(`willStepThemes[${t}].steps[${i}]`, step, max))),
      ...defaultStepSuggestions.flatMap(({ step }, i) => tooLong(`defaultStepSuggestions[${i}]`, step, max)),
      ...Object.entries(reminderPresets).flatMap(([id, preset]) =>
        tooLong(`reminderPresets.${id} (as the button "${formatSchedule(preset)}")`, formatSchedule(preset), max),
      ),
    ];
    expect(problems).toEqual([]);
  });

  it("keeps every reply-only command's answer within LINE's 5,000 characters", () => {
    const problems = Object.entries(commands).flatMap(([id, command]) =>
      command.reply === undefined ? [] : tooLong(`commands.${id}.reply`, command.reply, LINE_LIMITS.maxTextLength),
    );
    expect(problems).toEqual([]);
  });

  it("keeps every message within LINE's 5,000 characters with its placeholders at their longest", () => {
    const problems = Object.entries(messages).flatMap(([id, template]) => {
      const unknown = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).filter((key) => !(key in PLACEHOLDER_LENGTH));
      if (unknown.length > 0) return [`messages["${id}"] has a placeholder this test does not know: {${unknown.join("}, {")}}`];
      const filled = template.replace(/\{(\w+)\}/g, (_whole, key: string) => "あ".repeat(PLACEHOLDER_LENGTH[key]));
      return [
        ...tooLong(`messages["${id}"]`, filled, LINE_LIMITS.maxTextLength),
        ...(template.trim() === "" ? [`messages["${id}"] is empty`] : []),
      ];
    });
    expect(problems).toEqual([]);
  });

  it("sets the ready-made reminders and the offered times at real times and keeps the consultation resources", () => {
    const problems = [
      ...Object.entries(reminderPresets).flatMap(([id, preset]) =>
        isValidTime(preset.time) ? [] : [`reminderPresets.${id}.time "${preset.time}" is not HH:mm`],
      ),
      ...reminderTimes.flatMap((time, i) => (isValidTime(time) ? [] : [`reminderTimes[${i}] "${time}" is not HH:mm`])),
      ...(acuteResources.length === 0 ? ["acuteResources is empty: the crisis reply must name somewhere to turn"] : []),
      ...(distressResources.length === 0 ? ["distressResources is empty: the distress reply must name somewhere to turn"] : []),
    ];
    expect(problems).toEqual([]);
  });

  it("gives every any-time command at least one word, and no word to two commands", () => {
    const seen = new Map<string, string>();
    const problems: string[] = [];
    for (const [command, words] of Object.entries(commandWords)) {
      if (words.length === 0) problems.push(`commandWords.${command} is empty`);
      for (const word of words) {
        const other = seen.get(word);
        if (other) problems.push(`"${word}" is in commandWords.${other} and commandWords.${command}`);
        seen.set(word, command);
      }
    }
    expect(problems).toEqual([]);
  });
});
