/**
 * The reminder questions (first session step 7 and the リマインダー command): when, with an
 * hour that could be morning or evening asked about, the time for days already typed, and on
 * which days.
 */
import { answerData } from "./postback";
import { dayParts, fill, labels, reminderPresets, reminderTimes, weekdayNames } from "./content";
import { formatDays, formatSchedule, formatTime } from "./format";
import type { Choice, Reply } from "./reply";
import { answer, answerLabel, say } from "./say";
import type { UserState } from "./state";
import type { Step } from "./step";

/** The reminder steps, in the first session (`awaiting…`) or from the リマインダー command (`changing…`). */
export type ReminderStep = Extract<
  Step,
  { type: "awaitingReminder" | "awaitingReminderDays" | "changingReminder" | "changingReminderDays" }
>;

/** The question of a reminder step, with its buttons. */
export function reminderPrompt(state: UserState, step: ReminderStep): Reply[] {
  switch (step.type) {
    case "awaitingReminder":
    case "changingReminder": {
      if (step.hour !== undefined) {
        const evening = eveningOf(step.hour);
        const times = { morning: formatTime(step.hour), evening: formatTime(evening) };
        const choices = [
          answer(fill(labels["reminder.morning"], { time: formatTime(step.hour) }), "rem", `at${step.hour.replace(":", "")}`),
          answer(fill(labels["reminder.evening"], { time: formatTime(evening) }), "rem", `at${evening.replace(":", "")}`),
          ...(step.days ? [pickTimeChoice()] : reminderChoices()),
        ];
        return [
          step.days
            ? say("session.reminder.ampmForDays", { ...times, days: formatDays(step.days) }, choices)
            : say("session.reminder.ampm", times, choices),
        ];
      }
      if (step.days !== undefined) {
        const part = step.part === undefined ? undefined : dayParts[step.part];
        const choices = [
          ...(part?.times ?? reminderTimes).map((time) => answer(formatTime(time), "rem", `at${time.replace(":", "")}`)),
          pickTimeChoice(),
          answerLabel("reminder.off", "rem", "off"),
        ];
        return [
          part
            ? say("session.reminder.timeForDaysPart", { days: formatDays(step.days), part: part.label }, choices)
            : say("session.reminder.timeForDays", { days: formatDays(step.days) }, choices),
        ];
      }
      const current = state.profile.reminder;
      if (current) {
        const keep = step.type === "changingReminder" ? [answerLabel("reminder.keep", "rem", "keep")] : [];
        return [say("reminder.current", { schedule: formatSchedule(current.schedule) }, [...keep, ...reminderChoices()])];
      }
      return [say(state.profile.completedFirstSession ? "reminder.none" : "session.reminder.ask", {}, reminderChoices())];
    }
    case "awaitingReminderDays":
    case "changingReminderDays":
      return [
        say("session.reminder.days", { time: formatTime(step.time) }, [
          answerLabel("days.everyday", "days", "daily"),
          answerLabel("days.weekdays", "days", "weekdays"),
          ...weekdayNames.map((name, day) => answer(name, "days", `d${day}`)),
        ]),
      ];
  }
}

/** The evening reading of a morning time: 09:30 → 21:30. */
export function eveningOf(morning: string): string {
  return `${String(Number(morning.slice(0, 2)) + 12).padStart(2, "0")}${morning.slice(2)}`;
}

/** The reminder options (first session step 7 and the リマインダー command). */
export function reminderChoices(): Choice[] {
  return [
    answer(formatSchedule(reminderPresets.weekly), "rem", "weekly"),
    answer(formatSchedule(reminderPresets.daily), "rem", "daily"),
    pickTimeChoice(),
    answerLabel("reminder.off", "rem", "off"),
  ];
}

function pickTimeChoice(): Choice {
  return {
    label: labels["reminder.pick"],
    action: { type: "datetimePicker", data: answerData("rem", "pick"), mode: "time", initial: reminderPresets.daily.time },
  };
}
