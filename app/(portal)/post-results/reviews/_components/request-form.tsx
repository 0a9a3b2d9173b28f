"use client";

import { useActionState, useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { ActionState } from "@/lib/validation/action-state";
import { requestReviewAction } from "../actions";

export type EntryOption = { id: string; label: string; subject: string; components: { id: string; label: string }[] };

/**
 * Pick a candidate's entry (grouped by candidate), optionally one component, and the service.
 * Without JavaScript every component is offered (the server checks it belongs to the entry);
 * with it, only the chosen entry's components.
 */
export function RequestReviewForm({ entries }: { entries: EntryOption[] }) {
  const t = useTranslations("postResults");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(requestReviewAction, {});
  const errors = useActionErrors(state);
  const [entryId, setEntryId] = useState(state.values?.entryId ?? "");
  const fe = { errorPrefix: tc("errorPrefix") };

  const byCandidate = useMemo(() => {
    const groups = new Map<string, EntryOption[]>();
    for (const e of entries) groups.set(e.label, [...(groups.get(e.label) ?? []), e]);
    return [...groups.entries()];
  }, [entries]);
  const chosen = entries.find((e) => e.id === entryId);
  const allComponents = useMemo(() => {
    const seen = new Map<string, string>();
    for (const e of entries) for (const c of e.components) seen.set(c.id, c.label);
    return [...seen.entries()].map(([id, label]) => ({ id, label })).sort((a, b) => a.label.localeCompare(b.label));
  }, [entries]);
  const components = chosen ? chosen.components : allComponents;
  const kind = state.values?.kind ?? "REVIEW_OF_MARKING";

  return (
    <form action={action} noValidate className="flex flex-col gap-4">
      <ErrorSummary state={state} />
      {state.ok ? (
        <Alert variant="success" live>
          <AlertDescription>{t("requested")}</AlertDescription>
        </Alert>
      ) : null}
      <Field
        id="entryId"
        name="entryId"
        label={t("entryLabel")}
        hint={t("entryHint")}
        errors={errors.field("entryId")}
        {...fe}
        required
      >
        <Select value={entryId} onChange={(e) => setEntryId(e.target.value)}>
          <option value="">{t("chooseEntry")}</option>
          {byCandidate.map(([candidate, options]) => (
            <optgroup key={candidate} label={candidate}>
              {options.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.label} · {o.subject}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </Field>
      <Field
        id="componentId"
        name="componentId"
        label={t("componentLabel")}
        hint={t("componentHint")}
        errors={errors.field("componentId")}
        {...fe}
      >
        <Select defaultValue={state.values?.componentId ?? ""} key={entryId}>
          <option value="">{t("wholeEntry")}</option>
          {components.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <fieldset className="flex flex-col gap-2" aria-describedby={errors.field("kind") ? "kind-error" : undefined}>
        <legend className="mb-1 font-semibold">{t("kindLabel")}</legend>
        {errors.field("kind") ? <ErrorList id="kind-error" errors={errors.field("kind")!} {...fe} /> : null}
        {(["REVIEW_OF_MARKING", "COPY_OF_SCRIPT"] as const).map((k, i) => (
          <label key={k} className="flex min-h-11 items-center gap-3">
            {/* The first radio carries id="kind" so the error summary's link lands on the group. */}
            <input
              type="radio"
              id={i === 0 ? "kind" : undefined}
              name="kind"
              value={k}
              defaultChecked={kind === k}
              className="size-5 accent-primary"
            />
            <span>{t(`kind.${k}`)}</span>
          </label>
        ))}
      </fieldset>
      <Field
        id="notes"
        name="notes"
        label={`${t("notesLabel")} ${tc("optional")}`}
        hint={t("notesHint")}
        errors={errors.field("notes")}
        {...fe}
      >
        <Textarea defaultValue={state.values?.notes ?? ""} maxLength={1000} />
      </Field>
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("submitRequest")}
      </SubmitButton>
    </form>
  );
}
