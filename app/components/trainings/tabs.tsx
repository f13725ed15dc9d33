import { NavLink } from "@remix-run/react";

export function TrainingsTabs() {
  return (
    <nav className="tabs" aria-label="Trainings">
      <ul>
        <li>
          <NavLink to="/hr/trainings" end>
            Trainings
          </NavLink>
        </li>
        <li>
          <NavLink to="/hr/trainings/overview">Compared</NavLink>
        </li>
      </ul>
    </nav>
  );
}
