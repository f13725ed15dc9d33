import { NavLink } from "@remix-run/react";

const TABS = [
  { to: "/hr/people", label: "People" },
  { to: "/hr/departments", label: "Departments" },
  { to: "/hr/roles", label: "Roles" },
  { to: "/hr/import", label: "Import" },
];

export function DirectoryTabs() {
  return (
    <nav className="tabs" aria-label="Directory">
      <ul>
        {TABS.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to}>{tab.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
