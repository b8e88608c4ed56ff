/** The console API's answers, as src/console/client-view.ts shapes them (kept in step by the Chromium tests). */

/** One row of the clients page. */
export interface ClientRow {
  code: string;
  sharedSince: string;
  lastActiveAt: string | null;
  stage: "firstSession" | "reflecting" | "withConsultant";
  handover: "requested" | "active" | null;
  scores: number[];
}

/** A client's page. */
export interface ClientPage extends ClientRow {
  will: { statement: string; at: string; history: { statement: string; at: string }[] } | null;
  values: string[];
  action: { text: string; due: string } | null;
  moments: { text: string; feeling: string | null; deed: string | null; at: string }[];
  scoreSeries: { at: string; score: number }[];
  steps: { action: string; due: string; status: string; feeling: string | null; reaction: string | null; at: string }[];
  checkins: { at: string; score: number; thanks: boolean; actionStatus: string | null; willLink: string | null }[];
}

/** Who took a hand-over (src/console/handover-routes.ts). */
export interface TakenBy {
  name: string | null;
  line: boolean;
  you: boolean;
}

/** One row of the hand-overs page. */
export interface HandoverRow {
  code: string;
  status: "waiting" | "active" | "ended";
  crisis: boolean;
  requestedAt: string;
  takenAt: string | null;
  endedAt: string | null;
  waitedMs: number;
  takenBy: TakenBy | null;
}
