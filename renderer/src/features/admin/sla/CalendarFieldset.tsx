import { useMemo } from 'react';
import { SelectField } from '../../../ui/SelectField.tsx';
import { TextField } from '../../../ui/TextField.tsx';
import { timeZoneOptions } from '../settings/time-zones.ts';
import { type DayDraft, type SlaDraft, type SlaProblems, WEEKDAY_NAMES, WEEKDAY_ORDER } from './sla-form.ts';

interface CalendarFieldsetProps {
  draft: SlaDraft;
  savedTimeZone: string;
  onChange: (patch: Partial<SlaDraft>) => void;
  problems: SlaProblems;
}

/** When the team works: its time zone, hours per weekday, and holidays. */
export function CalendarFieldset({ draft, savedTimeZone, onChange, problems }: CalendarFieldsetProps) {
  const zones = useMemo(
    () => timeZoneOptions(savedTimeZone).map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') })),
    [savedTimeZone],
  );
  const setDay = (index: number, day: DayDraft) =>
    onChange({ week: draft.week.map((current, i) => (i === index ? day : current)) });
  const setHoliday = (index: number, patch: Partial<SlaDraft['holidays'][number]>) =>
    onChange({ holidays: draft.holidays.map((holiday, i) => (i === index ? { ...holiday, ...patch } : holiday)) });

  return (
    <fieldset className="sla-calendar">
      <legend>Business hours</legend>
      <SelectField
        label="Time zone"
        value={draft.timeZone}
        options={zones}
        onChange={(timeZone) => onChange({ timeZone })}
        hint="Business hours and holidays are in this zone."
        error={problems.timeZone}
      />
      <table className="sla-week">
        <caption className="visually-hidden">Working hours per weekday</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Open</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
          </tr>
        </thead>
        <tbody>
          {WEEKDAY_ORDER.map((index) => {
            const day = draft.week[index]!;
            const name = WEEKDAY_NAMES[index];
            const error = problems[`week.${index}`];
            return (
              <tr key={index} data-weekday={index}>
                <th scope="row">{name}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Open on ${name}`}
                    checked={day.open}
                    onChange={(event) => setDay(index, { ...day, open: event.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${name} from`}
                    value={day.start}
                    disabled={!day.open}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => setDay(index, { ...day, start: event.target.value })}
                  />
                </td>
                <td>
                  <input
                    type="time"
                    aria-label={`${name} to`}
                    value={day.end === '24:00' ? '23:59' : day.end}
                    disabled={!day.open}
                    aria-invalid={error ? true : undefined}
                    onChange={(event) => setDay(index, { ...day, end: event.target.value })}
                  />
                  {error && <small className="field__error">{error}</small>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.week && (
        <p className="field__error" role="alert">
          {problems.week}
        </p>
      )}
      <h4 className="sla-calendar__holidays-heading">Holidays</h4>
      {draft.holidays.length === 0 && <p className="sla-calendar__none">No holidays: every weekday above is worked.</p>}
      <ul className="sla-holidays">
        {draft.holidays.map((holiday, index) => (
          <li key={index} className="sla-holidays__row">
            <TextField
              label={`Holiday ${index + 1} date`}
              type="date"
              value={holiday.date}
              onChange={(date) => setHoliday(index, { date })}
              error={problems[`holidays.${index}.date`]}
            />
            <TextField
              label={`Holiday ${index + 1} name`}
              value={holiday.name}
              onChange={(name) => setHoliday(index, { name })}
              error={problems[`holidays.${index}.name`]}
              maxLength={100}
            />
            <button
              type="button"
              className="button button--small button--quiet"
              onClick={() => onChange({ holidays: draft.holidays.filter((_, i) => i !== index) })}
            >
              Remove {holiday.name.trim() || `holiday ${index + 1}`}
            </button>
          </li>
        ))}
      </ul>
      {problems.holidays && <p className="field__error">{problems.holidays}</p>}
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange({ holidays: [...draft.holidays, { date: '', name: '' }] })}
      >
        Add a holiday
      </button>
    </fieldset>
  );
}
