/**
 * English messages of the employee-facing pages. Every other locale has exactly these keys
 * (checked by the type system and by tests/unit/i18n.test.ts). `{name}` marks a value filled in.
 */
export const en = {
  "language.label": "Language",
  "company.fallback": "our company",
  "survey.pageTitle": "Anonymous survey",
  "survey.heading": "A short anonymous survey",
  "survey.intro": "It takes about two minutes. Only the first question is required.",
  "survey.promise.title": "Your answers are anonymous",
  "survey.promise.personal":
    "Nobody, HR included, can see who gave which answer: your link only makes sure you answer once, and it is not kept with your answers. Results are shown only for groups of at least {k} people.",
  "survey.promise.shared":
    "Nobody, HR included, can see who gave which answer. Results are shown only for groups of at least {k} people.",
  "survey.scale.low": "0 = not at all likely",
  "survey.scale.high": "10 = extremely likely",
  "survey.required": "required",
  "survey.optional": "optional",
  "survey.rating.1": "Strongly disagree",
  "survey.rating.2": "Disagree",
  "survey.rating.3": "Neither agree nor disagree",
  "survey.rating.4": "Agree",
  "survey.rating.5": "Strongly agree",
  "survey.text.hint": "Up to {max} characters. Please do not write names.",
  "survey.submit": "Send my answers",
  "survey.sending": "Sending…",
  "survey.errors": "Please check the answers marked below.",
  "error.score": "Please choose a score from 0 to 10.",
  "error.rating": "Please choose one of the five options, or leave it empty.",
  "error.tooLong": "Please keep this answer to {max} characters.",
  "error.group": "Please choose your department and your role.",
  "shared.group.legend": "About you",
  "shared.group.hint": "Only used to show results by group; groups with fewer than {k} answers are never shown.",
  "shared.department": "Your department",
  "shared.role": "Your role",
  "shared.choose": "Choose…",
  "kiosk.thanks": "Thank you! Your answers were saved. The form is ready for the next person.",
  "kiosk.note": "Shared device: nothing you type stays on this screen after you send it.",
  "thanks.pageTitle": "Thank you",
  "thanks.heading": "Thank you",
  "thanks.body": "Your answers were saved anonymously. You can close this page.",
  "thanks.published": "See what has been done with earlier feedback",
  "used.heading": "You have already answered",
  "used.body": "This link has been used, so it cannot be used again. Thank you for taking part.",
  "closed.heading": "This survey is closed",
  "closed.body": "It closed on {date}. Thank you for your interest.",
  "notOpen.heading": "This survey is not open yet",
  "notOpen.body": "It opens on {date}. Please come back then.",
  "unknown.heading": "This link does not work",
  "unknown.body": "Please check that you opened the whole link from your invitation, or ask HR for a new one.",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
