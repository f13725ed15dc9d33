/**
 * English messages of the employee-facing pages. Every other locale has exactly these keys
 * (checked by the type system and by tests/unit/i18n.test.ts). `{name}` marks a value filled in.
 */
export const en = {
  "skip.toContent": "Skip to main content",
  "language.label": "Language",
  "company.fallback": "our company",
  "survey.pageTitle": "Anonymous survey",
  "survey.heading": "A short anonymous survey",
  "survey.intro": "It takes about two minutes. Only the first question is required.",
  "survey.promise.title": "Your answers are anonymous",
  "survey.promise.personal":
    "Nobody, HR included, can see who gave which answer: your link only makes sure you answer once, and it is not kept with your answers. Results are shown only for groups of at least {k} people. If you have already answered through this link, answers sent again are not saved.",
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
  "shared.tooFast":
    "Several answers have come from this device or network in the last minute. Please wait a minute, then send yours again.",
  "kiosk.thanks": "Thank you! Your answers were saved. The form is ready for the next person.",
  "kiosk.note": "Shared device: nothing you type stays on this screen after you send it.",
  "thanks.pageTitle": "Thank you",
  "thanks.heading": "Thank you",
  "thanks.body": "Your answers were saved anonymously. You can close this page.",
  "thanks.published": "See what has been done with earlier feedback",
  "anonymity.linkText": "How your anonymity is protected, and its limits",
  "survey.linksDownloaded":
    "HR downloaded the personal links of this survey as a file instead of having Candor e-mail them. Whoever has that file could answer in other people's names, or for people made up for that purpose, and in a small group that could help work out your answer. If your link says you have already answered when you have not, please tell HR or an employee representative.",
  "anonymity.pageTitle": "How your answers stay anonymous",
  "anonymity.heading": "How your answers stay anonymous",
  "anonymity.intro":
    "Nobody, HR included, can see who gave which answer. This page says exactly what is kept, what is shown, and what remains possible.",
  "anonymity.kept.heading": "What is kept with your answers",
  "anonymity.kept.body":
    "Your answers, and the department and role you had when the survey was launched (on a shared device: the ones you choose). Nothing else: no name, no e-mail address, no link and no time, not even the day.",
  "anonymity.shown.heading": "What is shown, and to whom",
  "anonymity.shown.body":
    "Results are shown only for groups with at least as many answers as the threshold on your survey (never fewer than 3), and groups that would let a smaller group be worked out by subtraction are held back too. Comments are shown only for such groups, shuffled and without dates. While a survey is open, only numbers of answers are shown: for groups with at least that many people invited, and for groups of fewer than 50 people only once an hour, so that nobody can watch your answer arrive.",
  "anonymity.link.heading": "Your personal link",
  "anonymity.link.body":
    "Your link only makes sure you answer once. When you answer, Candor stores a marker that only the server can match to your invitation, with a secret key kept outside the database. Your answer points neither to you nor to your link.",
  "anonymity.limits.heading": "What remains possible",
  "anonymity.limits.server":
    "Whoever runs the server has that key, so they can find out whether you have answered: Candor needs this to refuse a second answer and to remind only people who have not answered. Someone with only a copy of the database, such as a backup, cannot.",
  "anonymity.limits.alone":
    "Your answer carries your department and role. If nobody else with the same department and role answered, whoever runs the server could recognise your answer; if nobody else with them was even invited, anyone with a copy of the database could. Results never show groups that small.",
  "anonymity.limits.order":
    "While a survey is open, the database file still holds the order in which answers came in; with the key, that order could be matched to the order in which people answered. When the survey closes, the file is rewritten without that order, and backups never keep it.",
  "anonymity.limits.links":
    "If HR downloads the personal links as a file instead of having Candor e-mail them, whoever has the file could answer in other people's names or for made-up people; the survey page then tells you. Results also say when a group holds people added to the directory just before the survey.",
  "anonymity.limits.same":
    "If everyone in a group gives the same score, the group's result shows what each of them answered.",
  "used.heading": "You have already answered",
  "used.body": "This link has been used, so it cannot be used again. Thank you for taking part.",
  "closed.heading": "This survey is closed",
  "closed.body": "It closed on {date}. Thank you for your interest.",
  "notOpen.heading": "This survey is not open yet",
  "notOpen.body": "It opens on {date}. Please come back then.",
  "unknown.heading": "This link does not work",
  "unknown.body": "Please check that you opened the whole link from your invitation, or ask HR for a new one.",
  "published.pageTitle": "You said, we did",
  "published.heading": "You said, we did",
  "published.intro": "What you told us in the anonymous surveys, and what is being done about it.",
  "published.anonymous": "The surveys are anonymous: nobody, HR included, can see who gave which answer.",
  "published.results.heading": "What you told us",
  "published.results.empty": "No results yet. They appear here once a survey has closed.",
  "published.enps.about":
    "eNPS runs from -100 to +100: the share of people who would recommend us as a place to work (scores 9–10) minus the share who would not (0–6).",
  "published.round.closed": "Closed {date}",
  "published.score.label": "eNPS",
  "published.score.range": "95% range: {low} to {high}",
  "published.score.answers": "Answers: {count}",
  "published.score.meaning":
    "The 95% range is where the eNPS of everyone asked most likely lies, assuming those who did not answer think like those who did.",
  "published.change.significant":
    "{delta} points since {round}: a clear change. Chance alone would give a change this size less than 1 time in 20.",
  "published.change.noise":
    "{delta} points since {round}: within the noise. A change this size could well come from who happened to answer.",
  "published.change.tooFew": "{delta} points since {round}: too few answers to tell whether anything changed.",
  "published.withheld": "Not shown: fewer than {k} answers, or held back so that a smaller group cannot be worked out.",
  "published.groups.heading": "By department and role",
  "published.groups.departments": "Departments",
  "published.groups.roles": "Roles",
  "published.groups.note":
    "Groups with fewer than {k} answers, or held back so that a smaller group cannot be worked out, are not listed.",
  "published.added":
    "Added to the directory in the {days} days before the survey opened: {added} of the {invited} people asked.",
  "published.groups.none": "No department or role had enough answers to be shown on its own.",
  "published.earlier.heading": "Earlier surveys",
  "published.actions.heading": "What is being done",
  "published.actions.empty": "Nothing has been published yet. Actions taken after the surveys will appear here.",
  "published.action.deadline": "Deadline: {date}",
  "published.action.after": "After {round}",
  "published.action.latest": "Latest update ({date})",
  "published.action.noUpdate": "No update yet.",
  "status.PLANNED": "Planned",
  "status.IN_PROGRESS": "In progress",
  "status.DONE": "Done",
  "status.CANCELLED": "Cancelled",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
