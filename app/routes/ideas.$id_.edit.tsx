/** The author edits their idea while nobody has answered it; every earlier version stays public. */
import { getFormProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useSchemaForm } from "~/components/forms";
import { IdeaFields } from "~/components/idea/idea-fields";
import { FormErrors } from "~/components/ui/field";
import { can } from "~/domain/accounts/policy";
import { editIdea, getIdea } from "~/domain/ideas/ideas.server";
import { IdeaSchema } from "~/domain/ideas/schemas";
import { getFixedT } from "~/i18next.server";
import { idParam, notFound, requireActor } from "~/utils/http.server";
import { handleForm } from "~/utils/forms.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

const EditSchema = IdeaSchema.omit({ councilId: true });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const actor = await requireActor(request);
  const idea = getIdea(id);
  if (!idea) notFound();
  if (!can(actor, "idea.edit", { ownerId: idea.authorId, councilId: idea.councilId })) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  return {
    title: t("ideaForm.editTitle"),
    idea: { id: idea.id, title: idea.title, body: idea.body, theme: idea.theme, place: idea.place },
    locked: idea.status !== "submitted" || !!idea.hiddenAt,
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const actor = await requireActor(request);
  return handleForm(await request.formData(), EditSchema, (v) => {
    editIdea(actor, id, v);
    return redirect(`/ideas/${id}`);
  });
}

export default function EditIdeaRoute() {
  const { t } = useTranslation();
  const { idea, locked } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useSchemaForm(EditSchema, { id: "idea-edit", lastResult, defaultValue: { title: idea.title, body: idea.body, theme: idea.theme, place: idea.place } });
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/ideas">{t("ideas.title")}</Link></li>
          <li><Link to={`/ideas/${idea.id}`}>{idea.title}</Link></li>
          <li aria-current="page">{t("ideaForm.editTitle")}</li>
        </ol>
      </nav>
      <h1>{t("ideaForm.editTitle")}</h1>
      {locked ? (
        <p className="notice notice-warning">{t("errors.ideaLocked")}</p>
      ) : (
        <>
          <p className="lead">{t("ideaForm.editIntro")}</p>
          <Form method="post" className="card form-card" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <IdeaFields fields={fields} />
            <button type="submit" className="btn btn-primary">{t("form.save")}</button>
          </Form>
        </>
      )}
    </div>
  );
}
