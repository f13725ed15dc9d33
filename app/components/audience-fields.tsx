import { HR_LOCALE, plural } from "~/domain/plural";
import { type FieldValues, listValue } from "./form-values";

export interface Group {
  id: string;
  name: string;
  people: number;
}

/** Checkboxes for departments or roles, each with how many people it has. */
export function GroupChecklist({
  legend,
  name,
  groups,
  chosen,
}: {
  legend: string;
  name: string;
  groups: Group[];
  chosen: string[];
}) {
  return (
    <fieldset className="checklist">
      <legend>{legend}</legend>
      {groups.length === 0 ? <p className="muted small">None yet.</p> : null}
      {groups.map((group) => (
        <label key={group.id} className="checkbox">
          <input type="checkbox" name={name} value={group.id} defaultChecked={chosen.includes(group.id)} />
          <span>
            {group.name}{" "}
            <span className="muted small">
              ({plural(HR_LOCALE, group.people, { one: "# person", other: "# people" })})
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/**
 * Who a round or schedule invites: everyone, or chosen departments and/or roles. Plain radio
 * buttons and checkboxes, so it works without JavaScript; ticks count only with "chosen".
 */
export function AudienceFields({
  departments,
  roles,
  values,
  error,
}: {
  departments: Group[];
  roles: Group[];
  values: FieldValues;
  error?: string;
}) {
  const mode = values.audience === "chosen" ? "chosen" : "everyone";
  return (
    <fieldset
      className={error ? "field field-invalid" : "field"}
      aria-describedby={error ? "audience-error" : "audience-hint"}
    >
      <legend>Who is invited</legend>
      <p className="field-hint" id="audience-hint">
        Only active people are invited. With departments and roles both chosen, people need to be in one of the
        departments and have one of the roles.
      </p>
      <label className="checkbox">
        <input type="radio" name="audience" value="everyone" defaultChecked={mode === "everyone"} />
        <span>Everyone in the directory</span>
      </label>
      <label className="checkbox">
        <input type="radio" name="audience" value="chosen" defaultChecked={mode === "chosen"} />
        <span>Chosen departments and/or roles:</span>
      </label>
      <div className="audience-groups">
        <GroupChecklist
          legend="Departments"
          name="departmentIds"
          groups={departments}
          chosen={listValue(values.departmentIds)}
        />
        <GroupChecklist legend="Roles" name="roleIds" groups={roles} chosen={listValue(values.roleIds)} />
      </div>
      {error ? (
        <p className="field-error" id="audience-error" role="alert">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
