/** What is wrong with a form, field by field, in words shown beside each field. */
export type FieldProblems<F extends string> = Partial<Record<F, string>>;
