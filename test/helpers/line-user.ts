/**
 * A LINE user in integration tests: sends events through the real webhook and taps the
 * quick replies the bot actually offered.
 */
import { findByLabel } from "./labels";
import { follow, postback, text } from "./events";
import type { TestStack } from "./stack";

type QuickReplyAction = { type: string; label: string; data?: string; mode?: string };
type Message = { type: string; text?: string; altText?: string; quickReply?: { items: { action: QuickReplyAction }[] } };

/** A user driving the bot over HTTP. */
export interface LineUser {
  id: string;
  follow(): Promise<void>;
  say(body: string): Promise<void>;
  /** Taps the quick reply labelled `label` on the latest message; picker values go in `params`. */
  tap(label: string, params?: Record<string, string>): Promise<void>;
  /** Taps a button from any message (e.g. a push) by its postback data. */
  tapData(data: string): Promise<void>;
  /** Messages the bot sent to this user in reply to the latest event. */
  lastReply(): Message[];
  /** Labels of the quick replies on the latest message. */
  choices(): string[];
}

/** A user of `stack` with LINE user id `id`. */
export function lineUser(stack: TestStack, id: string): LineUser {
  let seen = 0;
  let latest: Message[] = [];
  const send = async (event: Record<string, unknown>) => {
    const status = await stack.send(event);
    if (status !== 200) throw new Error(`webhook answered ${status}`);
    const all = stack.messagesTo(id) as Message[];
    latest = all.slice(seen);
    seen = all.length;
  };
  const offered = (): QuickReplyAction[] => latest.at(-1)?.quickReply?.items.map((item) => item.action) ?? [];
  return {
    id,
    follow: () => send(follow(id)),
    say: (body) => send(text(id, body)),
    async tap(label, params) {
      const action = findByLabel(offered(), label);
      if (!action?.data)
        throw new Error(
          `no quick reply "${label}"; offered: ${offered()
            .map((a) => a.label)
            .join(", ")}`,
        );
      await send(postback(id, action.data, params));
    },
    tapData: (data) => send(postback(id, data)),
    lastReply: () => latest,
    choices: () => offered().map((action) => action.label),
  };
}

/**
 * A user of `stack` (id `id`) who followed, consented, answered やりがい度 2 and asked for a
 * consultant at the next question, sharing the WILL summary only: the start of every hand-over test.
 */
export async function clientAskingForHelp(stack: TestStack, id: string): Promise<LineUser> {
  const user = lineUser(stack, id);
  await user.follow();
  await user.tap("同意してはじめる");
  await user.tap("いまはじめる");
  await user.tap("2");
  await user.say("相談したい");
  await user.tap("スキップ");
  await user.tap("WILLのまとめだけ");
  await user.tap("送る");
  return user;
}
