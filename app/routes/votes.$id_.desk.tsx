/**
 * The voting desk (guichet), for facilitators while a vote is open: find a resident in the
 * census (they may have no account), then either hand them the desk's screen to vote (the
 * facilitator is recorded on the participation, never with the choice) or record that they
 * put a paper ballot in the box. Either way they cannot vote again, online or here.
 */
import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { parseWithZod } from "@conform-to/zod";
import { useTranslation } from "react-i18next";
import { TableWrap } from "~/components/ui/table-wrap";
import { IntentErrors, OnceField, type IntentReply } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Icon } from "~/components/ui/icon";
import { BallotForm, ReceiptCard, ReviewCard } from "~/components/vote/ballot";
import { boxState, deskPerson } from "~/domain/ballot-box/boxes.server";
import { castAtDesk, checkAtDesk, recordPaperParticipation } from "~/domain/ballot-box/cast.server";
import type { ChoiceSpec } from "~/domain/ballot-box/spec";
import { searchCensus } from "~/domain/residency/census.server";
import { CensusSearchSchema } from "~/domain/residency/schemas";
import { ballotSchemaFor, DeskPersonSchema } from "~/domain/votes/schemas";
import { getVote } from "~/domain/votes/votes.server";
import { getFixedT } from "~/i18next.server";
import { formatDateLong } from "~/lib/format";
import { cleanReply, handleIntent, readIntent, typedValues, userError } from "~/utils/forms.server";
import { idParam, notFound, optionalIdParam, requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

async function load(request: Request, id: number) {
  const vote = getVote(id);
  if (!vote) notFound();
  const actor = await requirePermission(request, "vote.desk", { councilId: vote.councilId });
  return { vote, actor: actor! };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const { vote } = await load(request, id);
  const url = new URL(request.url);
  const { q } = CensusSearchSchema.parse({ q: url.searchParams.get("q") ?? undefined });
  const personId = optionalIdParam(url.searchParams.get("person"));
  const t = await getFixedT(request);
  const scopeIds = vote.councilId === null ? null : [vote.councilId];
  return {
    title: t("desk.title", { question: vote.question }),
    vote: { id: vote.id, question: vote.question, form: vote.form, spec: vote.box.spec as ChoiceSpec, councilName: vote.councilName },
    open: boxState(vote.box) === "open",
    q,
    results: q ? searchCensus(q, { councilIds: scopeIds }).map((r) => deskPerson(vote.box, r.id)!).filter(Boolean) : [],
    person: personId ? deskPerson(vote.box, personId) : null,
    recorded: url.searchParams.get("recorded") === "paper",
  };
}

type ActionResult = IntentReply & { review?: string[]; receipt?: string; chosen?: string[]; recorded?: string };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const { vote, actor } = await load(request, id);
  const formData = await request.formData();
  const { intent } = readIntent(formData);
  const person = DeskPersonSchema.safeParse({ censusEntryId: formData.get("censusEntryId") });
  if (!person.success) throw new Response("errors.badRequest", { status: 400 });
  const censusEntryId = person.data.censusEntryId;
  const ok = (extra: Partial<ActionResult>) => data({ intent, target: "", reply: { status: "success" }, ...extra } as ActionResult);
  const fail = (e: unknown) => {
    const u = userError(e);
    return data({ intent, target: "", reply: { status: "error", error: { [u.field === "choices" ? "choices" : ""]: [u.message] }, initialValue: { choices: typedValues(formData, "choices") } } } as ActionResult, { status: u.status });
  };
  switch (intent) {
    case "paper":
      return handleIntent(formData, DeskPersonSchema, (v) => {
        recordPaperParticipation(actor, { boxId: vote.boxId, censusEntryId: v.censusEntryId });
        return redirect(`/votes/${id}/desk?recorded=paper`);
      });
    case "review":
    case "cast": {
      const submission = parseWithZod(formData, { schema: ballotSchemaFor(vote.box.spec) });
      if (submission.status !== "success") return data({ intent: "review", target: "", reply: cleanReply(submission.reply()) } as ActionResult, { status: 400 });
      const casts = [{ boxId: vote.boxId, choices: submission.value.choices }];
      try {
        if (intent === "review") {
          checkAtDesk(actor, { censusEntryId, casts });
          return ok({ review: submission.value.choices });
        }
        return ok({ receipt: castAtDesk(actor, { censusEntryId, casts }).receipt });
      } catch (e) {
        return fail(e);
      }
    }
    case "change":
      return ok({ chosen: typedValues(formData, "choices") });
  }
  throw new Response("errors.badRequest", { status: 400 });
}

export default function DeskRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const p = d.person;
  const hidden = p ? { censusEntryId: String(p.id) } : undefined;
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/votes">{t("votes.title")}</Link></li>
          <li><Link to={`/votes/${d.vote.id}`}>{d.vote.question}</Link></li>
          <li aria-current="page">{t("desk.short")}</li>
        </ol>
      </nav>
      <p className="eyebrow">{t("desk.eyebrow")}</p>
      <h1>{t("desk.heading")}</h1>
      <p className="lead">{t("desk.intro")}</p>
      {!d.open ? <p className="notice notice-warning">{t("errors.boxClosed")}</p> : null}
      {d.recorded ? (
        <div className="notice notice-success" role="status"><Icon name="check" /><p>{t("desk.paperRecorded")}</p></div>
      ) : null}
      <IntentErrors result={result} intents={["paper"]} />
      {p && result?.receipt ? (
        // the receipt alone on the screen: no name beside the code (the facilitator turns away)
        <section className="desk-person">
          <ReceiptCard code={result.receipt} title={d.vote.question} desk />
          <p>
            <Link to={`/votes/${d.vote.id}/desk`} className="btn">{t("desk.nextPerson")}</Link>
          </p>
        </section>
      ) : p ? (
        <section aria-labelledby="person-title" className="desk-person">
          <div className="card">
            <h2 id="person-title" className="h3">
              <Icon name="user" /> {p.name}
            </h2>
            <p className="small">{t("desk.born", { date: formatDateLong(p.birthDate, locale) })} · {p.address}</p>
            <p className="notice notice-info small">
              <Icon name="info" /> {t("desk.checkIdentity")}
            </p>
            <p>
              <Link to={`/votes/${d.vote.id}/desk`}>{t("desk.otherPerson")}</Link>
            </p>
          </div>
          {result?.receipt ? (
            <ReceiptCard code={result.receipt} title={d.vote.question} desk />
          ) : p.voted ? (
            <p className="notice notice-success"><Icon name="check" /> {t("desk.alreadyVoted")}</p>
          ) : p.ineligible ? (
            <p className="notice notice-warning"><Icon name="info" /> {t(`votes.why_${p.ineligible.replace("errors.", "")}`)}</p>
          ) : d.open ? (
            <>
              <Form method="post" className="card desk-paper">
                <h3 className="h3">{t("desk.paperTitle")}</h3>
                <p className="small">{t("desk.paperConfirm", { name: p.name })}</p>
                <input type="hidden" name="intent" value="paper" />
                <input type="hidden" name="target" value="" />
                <input type="hidden" name="censusEntryId" value={p.id} />
                <OnceField />
                <button type="submit" className="btn">{t("desk.paper")}</button>
              </Form>
              <p className="notice notice-info">
                <Icon name="vote" /> {t("desk.handScreen")}
              </p>
              {result?.review ? (
                <ReviewCard spec={d.vote.spec} form={d.vote.form} choices={result.review} result={result} hidden={hidden} />
              ) : (
                <BallotForm spec={d.vote.spec} form={d.vote.form} result={result} chosen={result?.chosen ?? ((result?.reply?.initialValue?.choices as string[] | undefined) ?? [])} hidden={hidden} />
              )}
            </>
          ) : null}
        </section>
      ) : (
        <>
          <Form method="get" role="search" className="card search-form">
            <div className="search-row">
              <div className="field grow">
                <label htmlFor="q">{t("desk.search")}</label>
                <p id="q-hint" className="hint">{t("desk.searchHint")}</p>
                <input id="q" type="search" name="q" defaultValue={d.q} aria-describedby="q-hint" autoComplete="off" />
              </div>
              <button type="submit" className="btn btn-primary"><Icon name="search" /> {t("search.submit")}</button>
            </div>
          </Form>
          {d.q ? (
            d.results.length ? (
              <TableWrap label={t("desk.results", { count: d.results.length })}>
                <table>
                  <caption>{t("desk.results", { count: d.results.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("desk.person")}</th>
                      <th scope="col">{t("desk.birthDate")}</th>
                      <th scope="col">{t("desk.address")}</th>
                      <th scope="col">{t("desk.action")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.results.map((r) => (
                      <tr key={r!.id}>
                        <th scope="row">{r!.name}</th>
                        <td>{formatDateLong(r!.birthDate, locale)}</td>
                        <td>{r!.address}</td>
                        <td>
                          {r!.voted ? (
                            <span className="badge badge-success"><Icon name="check" size={16} />{t("desk.hasVoted")}</span>
                          ) : r!.ineligible ? (
                            <span className="small">{t(`votes.why_${r!.ineligible.replace("errors.", "")}`)}</span>
                          ) : d.open ? (
                            <div className="desk-actions">
                              <Link to={`/votes/${d.vote.id}/desk?person=${r!.id}`} className="btn btn-small btn-primary" aria-label={t("desk.chooseNamed", { name: r!.name })}>{t("desk.choose")}</Link>
                            </div>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            ) : (
              <p className="empty">{t("desk.none")}</p>
            )
          ) : null}
        </>
      )}
    </div>
  );
}
