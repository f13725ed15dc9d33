/**
 * Which of a round's shown groups may also list their comments (anonymity rules 4 and 6).
 *
 * Counts are sums, and the counts gate (domain/anonymity.ts) makes sure no sum or difference of
 * shown counts pins down a group under k. Comments are single items, which a reader can also
 * intersect: a comment found both in the list of department D and in the list of role R came
 * from the cell D x R, even when that cell itself is withheld. So a reader can narrow each
 * comment down to an "atom": the cells whose membership in the groups with comment lists
 * matches the comment's. Every atom must hold 0 or at least k responses; while one holds
 * 1..k-1, the smallest department or role it is told apart by loses its comment list (which
 * merges the atom with its neighbours). A shown cell is an atom of its own, and holds >= k.
 */
import { departmentKey, OVERALL_KEY, roleKey, type GroupCount } from "./anonymity";

interface Atom {
  signature: string;
  count: number;
  /** The groups with comment lists that set this atom apart. */
  separatedBy: string[];
}

function atomsOf(cells: GroupCount[], allowed: ReadonlySet<string>): Atom[] {
  const atoms = new Map<string, Atom>();
  for (const cell of cells) {
    if (allowed.has(cell.key)) continue;
    const separatedBy = [departmentKey(cell.departmentId!), roleKey(cell.roleId!)].filter((key) => allowed.has(key));
    const signature = separatedBy.join("&");
    const atom = atoms.get(signature) ?? { signature, count: 0, separatedBy };
    atom.count += cell.count;
    atoms.set(signature, atom);
  }
  return [...atoms.values()];
}

const bySize = (a: { count: number; key: string }, b: { count: number; key: string }) =>
  a.count - b.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * The keys of the groups whose comments may be listed: a subset of the shown groups (`isShown`)
 * such that comparing the lists never narrows a comment to fewer than k responses.
 */
export function decideCommentGroups(
  groups: readonly GroupCount[],
  isShown: (key: string) => boolean,
  k: number,
): Set<string> {
  const allowed = new Set(groups.filter((g) => isShown(g.key)).map((g) => g.key));
  if (!allowed.has(OVERALL_KEY)) return new Set();
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const cells = groups.filter((g) => g.kind === "cell");
  for (;;) {
    const leaking = atomsOf(cells, allowed)
      .filter((atom) => atom.count > 0 && atom.count < k)
      .sort((a, b) => a.count - b.count || (a.signature < b.signature ? -1 : 1))[0];
    if (!leaking) return allowed;
    const separating = leaking.separatedBy.map((key) => byKey.get(key)!).sort(bySize);
    // An atom set apart by no list is every withheld cell outside the shown departments and
    // roles; it grows by taking in the smallest group that still has a list.
    const fallback = [...allowed]
      .filter((key) => key !== OVERALL_KEY)
      .map((key) => byKey.get(key)!)
      .sort(bySize);
    const next = separating[0] ?? fallback[0];
    if (!next) return new Set();
    allowed.delete(next.key);
  }
}
