/** The fields of an idea (used by the new-idea and edit-idea forms). */
import { getInputProps, getSelectProps, getTextareaProps, type FieldMetadata } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { IDEA_THEMES } from "#db/enums";
import { Field, SelectField, TextareaField } from "../ui/field";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type F = FieldMetadata<any>;

export function IdeaFields({
  fields,
  councils,
  townAllowed = true,
}: {
  fields: { title: F; body: F; theme: F; place: F; councilId?: F };
  councils?: { id: number; name: string }[];
  townAllowed?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Field label={t("ideaForm.title")} hint={t("ideaForm.titleHint")} errors={fields.title.errors} {...getInputProps(fields.title, { type: "text", ariaAttributes: false })} id={fields.title.id} />
      <TextareaField
        label={t("ideaForm.body")}
        hint={t("ideaForm.bodyHint")}
        rows={8}
        errors={fields.body.errors}
        {...getTextareaProps(fields.body, { ariaAttributes: false })}
        id={fields.body.id}
      />
      <SelectField label={t("ideaForm.theme")} errors={fields.theme.errors} {...getSelectProps(fields.theme, { ariaAttributes: false })} id={fields.theme.id}>
        <option value="">{t("form.choose")}</option>
        {IDEA_THEMES.map((th) => (
          <option key={th} value={th}>{t(`ideas.themes.${th}`)}</option>
        ))}
      </SelectField>
      {fields.councilId && councils ? (
        <SelectField label={t("ideaForm.council")} hint={t("ideaForm.councilHint")} errors={fields.councilId.errors} {...getSelectProps(fields.councilId, { ariaAttributes: false })} id={fields.councilId.id}>
          {townAllowed ? <option value="town">{t("scope.town")}</option> : null}
          {councils.map((c) => (
            <option key={c.id} value={c.id}>{c.name}</option>
          ))}
        </SelectField>
      ) : null}
      <Field label={t("ideaForm.place")} hint={t("ideaForm.placeHint")} errors={fields.place.errors} {...getInputProps(fields.place, { type: "text", ariaAttributes: false })} id={fields.place.id} />
    </>
  );
}
