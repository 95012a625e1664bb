/** Officials ask a question: a new proposal vote (its description is the register entry's explanation). */
import { type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { VoteForm } from "~/components/vote/vote-form";
import { can, canSomewhere } from "~/domain/accounts/policy";
import { listCouncils } from "~/domain/councils/councils.server";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { VoteSchema } from "~/domain/votes/schemas";
import { createVote } from "~/domain/votes/votes.server";
import { getFixedT } from "~/i18next.server";
import { utcToLocal } from "~/lib/time";
import { handleCreate } from "~/utils/forms.server";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "vote.create")) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  const rules = rulesInForce();
  const day = 86_400_000;
  const at9 = (ms: number) => `${utcToLocal(new Date(ms).toISOString()).slice(0, 10)}T09:00`;
  return {
    title: t("voteForm.newTitle"),
    townAllowed: can(actor, "vote.create", { councilId: null }),
    councils: listCouncils()
      .filter((c) => can(actor, "vote.create", { councilId: c.id }))
      .map((c) => ({ id: c.id, name: c.name })),
    bindingAllowed: rules.params.votesBinding,
    minDescription: rules.params.minExplanationLength,
    defaults: { form: "yes_no", minChoices: "1", maxChoices: "1", opensAt: at9(Date.now() + 7 * day), closesAt: at9(Date.now() + 21 * day) },
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  return handleCreate(await request.formData(), VoteSchema, actor, (v) => createVote(actor, v), (vote) => `/votes/${vote.id}`);
}

export default function NewVoteRoute() {
  const { t } = useTranslation();
  const d = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  return (
    <div className="wrap page narrow">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/votes">{t("votes.title")}</Link></li>
          <li aria-current="page">{t("voteForm.newTitle")}</li>
        </ol>
      </nav>
      <h1>{t("voteForm.newTitle")}</h1>
      <p className="lead">{t("voteForm.intro")}</p>
      <VoteForm lastResult={lastResult} defaultValue={d.defaults} councils={d.councils} townAllowed={d.townAllowed} bindingAllowed={d.bindingAllowed} minDescription={d.minDescription} submitLabel={t("voteForm.submit")} />
    </div>
  );
}
