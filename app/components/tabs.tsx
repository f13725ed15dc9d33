import { NavLink } from "@remix-run/react";

interface Tab {
  to: string;
  label: string;
  /** Current only on this very address, not on the pages below it. */
  end?: boolean;
}

/** A section's tabs: links, the current one marked by NavLink (aria-current="page"). */
function Tabs({ label, tabs }: { label: string; tabs: Tab[] }) {
  return (
    <nav className="tabs" aria-label={label}>
      <ul>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

const DIRECTORY: Tab[] = [
  { to: "/hr/people", label: "People" },
  { to: "/hr/departments", label: "Departments" },
  { to: "/hr/roles", label: "Roles" },
  { to: "/hr/import", label: "Import" },
];

const ROUNDS: Tab[] = [
  { to: "/hr/rounds", label: "Rounds", end: true },
  { to: "/hr/rounds/schedules", label: "Recurring eNPS" },
];

const TRAININGS: Tab[] = [
  { to: "/hr/trainings", label: "Trainings", end: true },
  { to: "/hr/trainings/overview", label: "Compared" },
];

const SETTINGS: Tab[] = [
  { to: "/hr/users", label: "Logins" },
  { to: "/hr/outbox", label: "Outbox" },
  { to: "/hr/audit", label: "Audit log" },
];

export const DirectoryTabs = () => <Tabs label="Directory" tabs={DIRECTORY} />;
export const SettingsTabs = () => <Tabs label="Settings" tabs={SETTINGS} />;
export const RoundsTabs = () => <Tabs label="Rounds" tabs={ROUNDS} />;
export const TrainingsTabs = () => <Tabs label="Trainings" tabs={TRAININGS} />;
