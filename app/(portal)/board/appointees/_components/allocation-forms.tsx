"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { ErrorList, Field, SubmitButton } from "@/components/forms/field";
import { ErrorSummary, useActionErrors } from "@/components/forms/translated-errors";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionState } from "@/lib/validation/action-state";
import {
  addAllocationAction,
  removeAllocationAction,
  removeFromAllocationAction,
  setTeamLeaderAction,
} from "../actions";

export type EntryChoice = { entryId: string; centreNumber: string; candidateNumber: string; name: string };

/**
 * The last step of an allocation: centres by number and, for an examiner, the candidates found by
 * the search above the form. Native form post; works without JavaScript.
 */
export function AddAllocationForm({
  appointeeId,
  seriesId,
  componentId,
  centresHint,
  entries,
}: {
  appointeeId: string;
  seriesId: string;
  componentId: string;
  /** The field's hint, translated, including how many centres have entries. */
  centresHint: string;
  /** Examiners: the candidates the search found (null: no search, or a moderator). */
  entries: EntryChoice[] | null;
}) {
  const t = useTranslations("boardAppointees");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(addAllocationAction, {});
  const errors = useActionErrors(state);
  const fe = { errorPrefix: tc("errorPrefix") };
  return (
    <form action={action} noValidate className="flex flex-col gap-5">
      <ErrorSummary state={state} />
      <input type="hidden" name="appointeeId" value={appointeeId} />
      <input type="hidden" name="seriesId" value={seriesId} />
      <input type="hidden" name="componentId" value={componentId} />
      <Field
        id="centres"
        name="centres"
        label={t("centresLabel")}
        hint={centresHint}
        inputMode="numeric"
        autoComplete="off"
        defaultValue={state.values?.centres ?? ""}
        errors={errors.field("centres")}
        {...fe}
        className="max-w-xl"
      />
      {entries && entries.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-1 font-semibold">{t("candidatesLegend")}</legend>
          {entries.map((e) => (
            <div key={e.entryId} className="flex items-center gap-2">
              <Checkbox id={`entry-${e.entryId}`} name="entryId" value={e.entryId} />
              <Label htmlFor={`entry-${e.entryId}`} className="font-normal">
                {t("candidateOption", { centre: e.centreNumber, number: e.candidateNumber, name: e.name })}
              </Label>
            </div>
          ))}
        </fieldset>
      ) : null}
      <SubmitButton className="self-start" pendingLabel={tc("pleaseWait")}>
        {t("allocateSubmit")}
      </SubmitButton>
    </form>
  );
}

/** "Remove" beside one centre or one candidate of an allocation. */
export function RemoveItemForm({
  allocationId,
  item,
  label,
}: {
  allocationId: string;
  item: { centreId: string } | { entryId: string };
  /** The accessible name, which names the centre or candidate and begins with the visible "Remove". */
  label: string;
}) {
  const t = useTranslations("boardAppointees");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(removeFromAllocationAction, {});
  const { tr } = useActionErrors(state);
  const id = "centreId" in item ? item.centreId : item.entryId;
  return (
    <form action={action} className="inline-flex flex-col gap-1">
      <input type="hidden" name="allocationId" value={allocationId} />
      {"centreId" in item ? (
        <input type="hidden" name="centreId" value={item.centreId} />
      ) : (
        <input type="hidden" name="entryId" value={item.entryId} />
      )}
      <ErrorList
        id={`remove-${allocationId}-${id}-error`}
        errors={state.formError ? [tr(state.formError)] : undefined}
        errorPrefix={tc("errorPrefix")}
      />
      <SubmitButton size="sm" variant="outline" aria-label={label} pendingLabel={tc("pleaseWait")}>
        {t("remove")}
      </SubmitButton>
    </form>
  );
}

export function RemoveAllocationForm({ allocationId, label }: { allocationId: string; label: string }) {
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(removeAllocationAction, {});
  return (
    <form action={action} className="flex flex-col gap-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="allocationId" value={allocationId} />
      <SubmitButton className="self-start" variant="destructive" pendingLabel={tc("pleaseWait")}>
        {label}
      </SubmitButton>
    </form>
  );
}

/** A moderator's team leader: one of the other moderators of the component in the series, or none. */
export function TeamLeaderForm({
  allocationId,
  label,
  current,
  choices,
}: {
  allocationId: string;
  label: string;
  current: string | null;
  choices: { id: string; name: string; email: string }[];
}) {
  const t = useTranslations("boardAppointees");
  const tc = useTranslations("common");
  const [state, action] = useActionState<ActionState, FormData>(setTeamLeaderAction, {});
  const fieldId = `leader-${allocationId}`;
  return (
    <form action={action} className="flex flex-col gap-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="allocationId" value={allocationId} />
      <div className="flex flex-col gap-1">
        <Label htmlFor={fieldId}>{label}</Label>
        <p id={`${fieldId}-hint`} className="text-muted-foreground">
          {t("teamLeaderHint")}
        </p>
        <Select
          id={fieldId}
          name="teamLeaderId"
          defaultValue={current ?? ""}
          aria-describedby={`${fieldId}-hint`}
          wrapperClassName="max-w-md"
        >
          <option value="">{t("teamLeaderNone")}</option>
          {choices.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name || c.email}
            </option>
          ))}
        </Select>
      </div>
      <SubmitButton className="self-start" variant="outline" pendingLabel={tc("pleaseWait")}>
        {t("teamLeaderSave")}
      </SubmitButton>
    </form>
  );
}
