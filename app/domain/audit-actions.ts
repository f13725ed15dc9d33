/**
 * Every kind of entry the audit log holds, with the words the audit page shows for it. The log
 * stores the short key (stable, searchable); people read the description. `recordAudit` only
 * takes these keys, so a new kind of change cannot reach the log without a description.
 */
export const AUDIT_ACTIONS = {
  "user.sign-in": "Signed in",
  "user.sign-in-failed": "Failed sign-in",
  "user.create": "Added a login",
  "user.update": "Changed a login",
  "user.password": "Set a password",
  "user.deactivate": "Deactivated a login",
  "user.reactivate": "Reactivated a login",
  "person.create": "Added a person",
  "person.update": "Changed a person",
  "person.deactivate": "Deactivated a person",
  "person.reactivate": "Reactivated a person",
  "people.import": "Imported people",
  "department.create": "Added a department",
  "department.rename": "Renamed a department",
  "department.deactivate": "Deactivated a department",
  "department.reactivate": "Reactivated a department",
  "role.create": "Added a role",
  "role.rename": "Renamed a role",
  "role.deactivate": "Deactivated a role",
  "role.reactivate": "Reactivated a role",
  "setting.company-name": "Changed the company name",
  "setting.links-download": "Changed whether personal links may be downloaded",
  "setting.import-columns": "Chose the columns of the directory import",
  "survey.create": "Created a survey",
  "survey.update": "Changed a survey",
  "survey.archive": "Archived a survey",
  "survey.unarchive": "Restored a survey",
  "schedule.create": "Set up a recurring eNPS",
  "schedule.pause": "Paused a recurring eNPS",
  "schedule.resume": "Resumed a recurring eNPS",
  "round.launch": "Launched a round",
  "round.open": "Opened a round early",
  "round.close": "Closed a round early",
  "round.shared-link": "Created a shared link",
  "round.links-download": "Downloaded personal links",
  "round.invitations-send": "Sent invitations",
  "round.remind": "Sent reminders",
  "results.export": "Exported results",
  "comments.export": "Exported comments",
  "training.create": "Created a training",
  "training.follow-up": "Added a follow-up round",
  "action.create": "Created an action item",
  "action.update": "Changed an action item",
  "action.note": "Added a progress note",
  "action.publish": "Published an action item",
  "action.unpublish": "Unpublished an action item",
  "actions.export": "Exported action items",
  "actions.digest": "Queued deadline digests",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

/** What an entry's key means; an unknown key (from an older version) shows as itself. */
export function describeAuditAction(action: string): string {
  return isAuditAction(action) ? AUDIT_ACTIONS[action] : action;
}

/** The filter's choices, in the order people look for them: alphabetical by description. */
export function auditActionChoices(): { value: AuditAction; label: string }[] {
  return (Object.entries(AUDIT_ACTIONS) as [AuditAction, string][])
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, "en"));
}
