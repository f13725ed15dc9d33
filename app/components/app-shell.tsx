import { Form, Link, NavLink, useLocation } from "@remix-run/react";
import type { ReactNode } from "react";
import { USER_ROLE_LABELS, type UserRole } from "~/domain/user-roles";

interface NavItem {
  to: string;
  label: string;
  roles: readonly UserRole[];
  end?: boolean;
  /** Other pages of the same section, reached through its tabs. */
  also?: readonly string[];
}

const ALL: readonly UserRole[] = ["ADMIN", "TRAINER", "MANAGER"];

/** What each kind of user can reach; the routes check the same roles on every request. */
export const NAV_ITEMS: readonly NavItem[] = [
  { to: "/hr", label: "Home", roles: ALL, end: true },
  { to: "/hr/surveys", label: "Surveys", roles: ["ADMIN"] },
  { to: "/hr/rounds", label: "Rounds", roles: ["ADMIN", "MANAGER"] },
  { to: "/hr/trends", label: "Trends", roles: ["ADMIN", "MANAGER"] },
  { to: "/hr/trainings", label: "Trainings", roles: ["ADMIN", "TRAINER"] },
  { to: "/hr/actions", label: "Actions", roles: ALL },
  { to: "/hr/people", label: "Directory", roles: ["ADMIN"], also: ["/hr/departments", "/hr/roles", "/hr/import"] },
  // Logins, e-mail and the audit log are kept up now and then, not every day: one section.
  { to: "/hr/users", label: "Settings", roles: ["ADMIN"], also: ["/hr/outbox", "/hr/audit"] },
];

function within(pathname: string, path: string): boolean {
  return pathname === path || pathname.startsWith(`${path}/`);
}

/** Whether the page at `pathname` belongs to the section of `item`. */
export function isCurrentSection(item: NavItem, pathname: string): boolean {
  if (item.end) return pathname === item.to || pathname === `${item.to}/`;
  return [item.to, ...(item.also ?? [])].some((path) => within(pathname, path));
}

function SectionLinks({ items, pathname }: { items: readonly NavItem[]; pathname: string }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <Link to={item.to} prefetch="intent" aria-current={isCurrentSection(item, pathname) ? "page" : undefined}>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AppShell({ user, children }: { user: { name: string; role: UserRole }; children: ReactNode }) {
  const items = NAV_ITEMS.filter((item) => item.roles.includes(user.role));
  const { pathname } = useLocation();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <NavLink to="/hr" className="brand" end>
            Candor
          </NavLink>
          <nav className="app-nav" aria-label="Main">
            <SectionLinks items={items} pathname={pathname} />
          </nav>
          {/* On a phone the sections fold into a menu; <details> opens it without JavaScript.
              Only one of the two navigations is displayed at any width, so only one is read. */}
          <details className="app-menu" key={pathname}>
            <summary>Menu</summary>
            <nav aria-label="Main">
              <SectionLinks items={items} pathname={pathname} />
            </nav>
          </details>
          <div className="app-user">
            <span>
              {user.name} <span className="visually-hidden">, </span>
              <span className="badge">{USER_ROLE_LABELS[user.role]}</span>
            </span>
            <Form method="post" action="/logout">
              <button type="submit" className="small">
                Sign out
              </button>
            </Form>
          </div>
        </div>
      </header>
      <main id="main" className="page" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
