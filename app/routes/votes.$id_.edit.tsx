/** Officials change a vote that has not opened yet; once open its rules are frozen. */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VoteForm } from "~/components/vote/vote-form";
import { can } from "~/domain/accounts/policy";
import { boxState } from "~/domain/ballot-box/boxes.server";
import type { ChoiceSpec } from "~/domain/ballot-box/spec";
import { listCouncils } from "~/domain/councils/councils.server";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { VoteSchema } from "~/domain/votes/schemas";
import { editVote, getVote } from "~/domain/votes/votes.server";
import { getFixedT } from "~/i18next.server";
import { utcToLocal } from "~/lib/time";
import { handleForm } from "~/utils/forms.server";
import { idParam, notFound, requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

async function load(request: Request, id: number) {
  const vote = getVote(id);
  if (!vote) notFound();
  const actor = await requirePermission(request, "vote.create", { councilId: vote.councilId });
  return { vote, actor: actor! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { vote, actor } = await load(request, idParam(params.id));
  const t = await getFixedT(request);
  const rules = rulesInForce();
  const spec = vote.box.spec as ChoiceSpec;
  return {
    title: t("voteForm.editTitle"),
    id: vote.id,
    frozen: boxState(vote.box) !== "scheduled",
    townAllowed: can(actor, "vote.create", { councilId: null }),
    councils: listCouncils()
      .filter((c) => can(actor, "vote.create", { councilId: c.id }))
      .map((c) => ({ id: c.id, name: c.name })),
    bindingAllowed: rules.params.votesBinding,
    minDescription: rules.params.minExplanationLength,
    defaults: {
      councilId: vote.councilId === null ? "town" : String(vote.councilId),
      question: vote.question,
      description: vote.description,
      form: vote.form,
      options: vote.form === "options" ? spec.options.map((o) => o.label).join("\n") : "",
      minChoices: String(spec.min),
      maxChoices: String(spec.max),
      opensAt: utcToLocal(vote.box.opensAt),
      closesAt: utcToLocal(vote.box.closesAt),
      binding: vote.binding ? "on" : undefined,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const { actor } = await load(request, id);
  return handleForm(await request.formData(), VoteSchema, (v) => (editVote(actor, id, v), redirect(`/votes/${id}`)));
}

export default function EditVoteRoute() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/votes">{t("votes.title")}</Link></li>
          <li><Link to={`/votes/${d.id}`}>{t("votes.number", { id: d.id })}</Link></li>
          <li aria-current="page">{t("voteForm.editTitle")}</li>
        </ol>
      </nav>
      <h1>{t("voteForm.editTitle")}</h1>
      {d.frozen ? (
        <p className="notice notice-warning">{t("errors.boxFrozen")}</p>
      ) : (
        <VoteForm lastResult={lastResult} defaultValue={d.defaults} councils={d.councils} townAllowed={d.townAllowed} bindingAllowed={d.bindingAllowed} minDescription={d.minDescription} submitLabel={t("form.save")} />
      )}
    </div>
  );
}
