/**
 * People added to the directory shortly before a launch are counted on the results: people
 * made up to answer in a small group (and so expose its one real member) would be among them.
 */
export const ADDED_BEFORE_LAUNCH_DAYS = 14;

/** Of the people a group invited, how many were added just before the launch. */
export interface AddedBeforeLaunch {
  added: number;
  invited: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether someone added at `createdAt` was added within the days before a launch at `launch`. */
export function addedJustBefore(createdAt: Date, launch: Date): boolean {
  const since = launch.getTime() - createdAt.getTime();
  return since >= 0 && since <= ADDED_BEFORE_LAUNCH_DAYS * DAY_MS;
}
