/**
 * The chat part of the LINE stand-in (`./line-stand-in`): the loading animation and read
 * marks. It answers like LINE: 202 for a loading animation of 5 to 60 seconds in steps of 5,
 * 200 for a mark-as-read token, 400 naming the property at fault otherwise. Accepted read
 * marks are kept, so that tests and the local chats can tell what the consultant's chat shows.
 */
import { LINE_LIMITS } from "../../src/line/limits";
import type { StandInAnswer, StandInRoute } from "./line-stand-in-richmenu";

/** The chat routes and what they accepted, for {@link startLineStandIn}'s route table and reset. */
export interface ChatRoutes {
  routes: StandInRoute[];
  /** The mark-as-read tokens accepted, in order. */
  readMarks(): string[];
  /** The user ids a loading animation was started for, in order. */
  loadings(): string[];
  /** Forgets what was accepted. */
  reset(): void;
}

const invalid = (property: string, message: string): StandInAnswer => ({
  status: 400,
  body: { message: "The request body has 1 error(s)", details: [{ message, property }] },
});

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Creates the chat routes with their own, empty record. */
export function createChatRoutes(): ChatRoutes {
  const readMarks: string[] = [];
  const loadings: string[] = [];
  const routes: StandInRoute[] = [
    {
      method: "POST",
      pattern: /^\/v2\/bot\/chat\/loading\/start$/,
      handle: (req) => {
        const body = isRecord(req.body) ? req.body : {};
        const seconds = body["loadingSeconds"] ?? 20;
        const { minLoadingSeconds: min, maxLoadingSeconds: max, loadingSecondsStep: step } = LINE_LIMITS;
        const chatId = body["chatId"];
        if (typeof chatId !== "string" || !/^U[^/\s]+$/.test(chatId)) return invalid("chatId", "must be a user id (1:1 chats only)");
        if (typeof seconds !== "number" || !Number.isInteger(seconds) || seconds < min || seconds > max || seconds % step !== 0) {
          return invalid("loadingSeconds", `Must be one of ${min}..${max} in steps of ${step}`);
        }
        loadings.push(chatId);
        return { status: 202, body: {} };
      },
    },
    {
      method: "POST",
      pattern: /^\/v2\/bot\/chat\/markAsRead$/,
      handle: (req) => {
        const token = isRecord(req.body) ? req.body["markAsReadToken"] : undefined;
        if (typeof token !== "string" || token === "") return invalid("markAsReadToken", "must not be empty");
        readMarks.push(token);
        return { status: 200, body: {} };
      },
    },
  ];
  return {
    routes,
    readMarks: () => [...readMarks],
    loadings: () => [...loadings],
    reset() {
      readMarks.length = 0;
      loadings.length = 0;
    },
  };
}
