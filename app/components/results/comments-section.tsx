import { Form } from "@remix-run/react";
import type { FrequentTerms } from "~/domain/frequent-words";
import { CATEGORIES, CATEGORY_LABELS } from "~/domain/group-figures";
import type { Category } from "~/domain/nps";
import { HR_LOCALE, plural } from "~/domain/plural";
import { SelectField, TextField } from "../field";
import { EmptyState, Pagination } from "../page";

export interface CommentsView {
  total: number;
  page: number;
  pageSize: number;
  comments: { text: string; category: Category; question: string }[];
  terms: Record<Category, FrequentTerms>;
}

const CATEGORY_BADGE: Record<Category, string> = {
  promoter: "badge-ok",
  passive: "badge-warn",
  detractor: "badge-danger",
};

function TermList({ title, terms }: { title: string; terms: FrequentTerms["words"] }) {
  return (
    <>
      <h4>{title}</h4>
      {terms.length === 0 ? (
        <p className="muted small">None mentioned twice or more.</p>
      ) : (
        <ul className="term-list">
          {terms.map((t) => (
            <li key={t.term}>
              {t.term} <span className="muted small">×{t.comments}</span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

export function FrequentTermsPanel({ terms }: { terms: Record<Category, FrequentTerms> }) {
  return (
    <div className="terms-grid">
      {CATEGORIES.map((category) => (
        <section
          key={category}
          className={`terms terms-${category}`}
          aria-label={`Frequent in ${CATEGORY_LABELS[category].toLowerCase()} comments`}
        >
          <h3>{CATEGORY_LABELS[category]}s</h3>
          <TermList title="Words" terms={terms[category].words} />
          <TermList title="Phrases" terms={terms[category].phrases} />
        </section>
      ))}
    </div>
  );
}

/**
 * A group's comments: frequent words per category, a search that works as a plain GET form,
 * and the comments themselves, shuffled and undated, each tagged with its category.
 */
export function CommentsSection({
  groupKey,
  groupName,
  view,
  filters,
  print = false,
}: {
  groupKey: string;
  groupName: string;
  view: CommentsView;
  filters: { q: string; category: string };
  print?: boolean;
}) {
  const filtered = filters.q !== "" || filters.category !== "";
  return (
    <>
      <FrequentTermsPanel terms={view.terms} />
      {print ? null : (
        <Form
          method="get"
          className="filters"
          role="search"
          aria-label={`Search the comments of ${groupName}`}
          preventScrollReset
        >
          <input type="hidden" name="group" value={groupKey} />
          <TextField label="Search comments" name="q" type="search" defaultValue={filters.q} />
          <SelectField
            label="Category"
            name="category"
            defaultValue={filters.category}
            placeholder="All categories"
            options={CATEGORIES.map((c) => ({ value: c, label: `${CATEGORY_LABELS[c]}s` }))}
          />
          <button type="submit" className="secondary">
            Search
          </button>
        </Form>
      )}
      <p className="muted small" aria-live="polite">
        {plural(HR_LOCALE, view.total, { one: "# comment", other: "# comments" })}
        {filtered ? " match" : ""}. Shown in a random order, without dates.
      </p>
      {view.comments.length === 0 ? (
        <EmptyState title={filtered ? "No comment matches" : "No comments"}>
          {filtered ? <p>Try another word, or clear the search.</p> : <p>Nobody in this group wrote a comment.</p>}
        </EmptyState>
      ) : (
        <ul className="comment-list">
          {view.comments.map((comment, index) => (
            <li key={index} className="comment">
              <p className="comment-meta">
                <span className={`badge ${CATEGORY_BADGE[comment.category]}`}>{CATEGORY_LABELS[comment.category]}</span>
                <span className="muted small">{comment.question}</span>
              </p>
              <p className="comment-text">{comment.text}</p>
            </li>
          ))}
        </ul>
      )}
      {print ? null : <Pagination page={view.page} pageSize={view.pageSize} total={view.total} />}
    </>
  );
}
