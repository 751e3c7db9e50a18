import { useId, useMemo, useState } from 'react';
import type { ViewDefinition, ViewFilter, ViewSort } from '#shared/query/view-definition';
import { normalizeTag } from '#shared/domain/ticket';
import {
  AGE_CHOICES,
  ANY,
  AS_VIEW,
  CHANNEL_CRITERION,
  type Choice,
  type Criterion,
  PRIORITY_CRITERION,
  SORT_CHOICES,
  STATUS_CRITERION,
  TIER_CRITERION,
  assigneeCriterion,
  customerCriterion,
  readAge,
  readSort,
  writeAge,
} from './filter-criteria.ts';

interface FilterBarProps {
  definition: ViewDefinition;
  teammates: readonly Choice[];
  customers: readonly Choice[];
  refined: boolean;
  onRefine: (key: keyof ViewFilter, value: ViewFilter[keyof ViewFilter] | undefined) => void;
  onSort: (sort: ViewSort | null) => void;
  onClear: () => void;
  /** Esc in the bar: close it and go back to the list. */
  onDone: () => void;
}

/** Narrows the current view (status, priority, assignee, customer, tier, channel, tags, age) and orders it. */
export function FilterBar({
  definition,
  teammates,
  customers,
  refined,
  onRefine,
  onSort,
  onClear,
  onDone,
}: FilterBarProps) {
  const criteria = useMemo(
    () => [
      STATUS_CRITERION,
      PRIORITY_CRITERION,
      assigneeCriterion(teammates),
      customerCriterion(customers),
      TIER_CRITERION,
      CHANNEL_CRITERION,
    ],
    [teammates, customers],
  );
  const filter = definition.filter;
  return (
    <div
      className="filter-bar"
      id="queue-filters"
      role="group"
      aria-label="Filter and sort (Esc goes back to the list)"
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        onDone();
      }}
    >
      {criteria.map((criterion) => (
        <CriterionSelect key={criterion.key} criterion={criterion} filter={filter} onRefine={onRefine} />
      ))}
      <Select
        label="Age"
        value={readAge(filter)}
        choices={AGE_CHOICES}
        onChange={(value) => {
          const age = writeAge(value);
          onRefine('olderThanMs', age.olderThanMs);
          onRefine('newerThanMs', age.newerThanMs);
        }}
      />
      <TagFilter tags={filter.tags} onChange={(tags) => onRefine('tags', tags)} />
      <Select
        label="Sort"
        value={readSort(definition.sort)}
        choices={SORT_CHOICES}
        anyLabel={null}
        onChange={(value) => onSort(SORT_CHOICES.find((choice) => choice.value === value)?.sort ?? null)}
      />
      <button type="button" className="button button--quiet" disabled={!refined} onClick={onClear}>
        Reset filters
      </button>
    </div>
  );
}

function CriterionSelect({
  criterion,
  filter,
  onRefine,
}: {
  criterion: Criterion;
  filter: ViewFilter;
  onRefine: FilterBarProps['onRefine'];
}) {
  return (
    <Select
      label={criterion.label}
      value={criterion.read(filter)}
      choices={criterion.choices}
      onChange={(value) => onRefine(criterion.key, criterion.write(value))}
    />
  );
}

function Select({
  label,
  value,
  choices,
  onChange,
  anyLabel = 'Any',
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  /** The "no filter" choice; null for selects that always hold a value (sort). */
  anyLabel?: string | null;
}) {
  const id = useId();
  return (
    <span className="filter-bar__field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {anyLabel !== null && <option value={ANY}>{anyLabel}</option>}
        {value === AS_VIEW && <option value={AS_VIEW}>As the view sets it</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </span>
  );
}

/** Tags are free-form: typed, applied with Enter, cleared by emptying the field. */
function TagFilter({
  tags,
  onChange,
}: {
  tags: readonly string[] | undefined;
  onChange: (tags: string[] | undefined) => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (tags ?? []).join(' ');
  return (
    <span className="filter-bar__field">
      <label htmlFor={id}>Tags</label>
      <input
        id={id}
        type="search"
        value={shown}
        placeholder="any"
        size={10}
        title="Tickets with any of these tags (separate with spaces); Enter applies"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => setDraft(null)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          const list = shown
            .split(/[\s,]+/)
            .map(normalizeTag)
            .filter(Boolean)
            .slice(0, 20);
          onChange(list.length > 0 ? list : undefined);
          setDraft(null);
        }}
      />
    </span>
  );
}
