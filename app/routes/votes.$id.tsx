/**
 * One proposal vote: the question and why it is asked; while open, the ballot with a review
 * step (no JavaScript needed) and the receipt shown once; live turnout only (no count before
 * the close); once counted, the results, the certificate, the board, and the official
 * decision that follows (published here by an official).
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getFormProps, getSelectProps, getTextareaProps } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { OnceField, useIntentForm, type IntentReply } from "~/components/forms";
import { useLocale } from "~/components/hooks";
import { Markdown } from "~/components/markdown";
import { SelectField, TextareaField, FormErrors } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { FollowCard } from "~/components/follow-card";
import { followVote, isFollowing } from "~/domain/notifications/follows.server";
import { BallotForm, ReceiptCard, ReviewCard, useOptionLabel } from "~/components/vote/ballot";
import { VoteResults } from "~/components/vote/results";
import { VoteStateBadge } from "~/components/vote/vote-item";
import { can } from "~/domain/accounts/policy";
import { getActor } from "~/domain/accounts/session.server";
import { boxState, hasParticipated, ineligibility, personOfResidency } from "~/domain/ballot-box/boxes.server";
import { castOnline, checkOnline } from "~/domain/ballot-box/cast.server";
import type { ChoiceSpec } from "~/domain/ballot-box/spec";
import { getDecision } from "~/domain/decisions/decisions.server";
import { rulesInForce } from "~/domain/rules/in-force.server";
import { ballotSchemaFor, VoteDecisionSchema } from "~/domain/votes/schemas";
import { decideVote, liveTurnout, requireVote, voteResults } from "~/domain/votes/votes.server";
import { getTown } from "~/domain/town/town.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime, formatNumber, formatPercent, formatTime } from "~/lib/format";
import { renderMarkdown } from "~/lib/markdown";
import { cleanReply, handleIntent, readIntent, typedValues, userError } from "~/utils/forms.server";
import { idParam } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { data } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod";

export const meta = titleMeta;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const id = idParam(params.id);
  const vote = requireVoteOr404(id);
  const actor = await getActor(request);
  const now = new Date();
  const state = boxState(vote.box, now);
  const person = personOfResidency(actor?.residency ?? null);
  const scope = { councilId: vote.councilId };
  const t = await getFixedT(request);
  const decision = vote.decisionSeq ? getDecision(vote.decisionSeq) : null;
  return {
    title: vote.question,
    vote: {
      id: vote.id,
      question: vote.question,
      descriptionHtml: renderMarkdown(vote.description, { headingBase: 3 }),
      form: vote.form,
      binding: vote.binding,
      councilName: vote.councilName,
      councilSlug: vote.councilSlug,
      opensAt: vote.box.opensAt,
      closesAt: vote.box.closesAt,
      spec: vote.box.spec as ChoiceSpec,
      closingSeq: vote.box.closingDecisionSeq,
    },
    state,
    viewer: {
      signedIn: !!actor,
      following: actor ? isFollowing(actor.userId, { kind: "vote", id: vote.id }) : false,
      // why this person may not vote, as a translation key (null: may vote)
      ineligible: actor ? ineligibility(vote.box, person) : "errors.notSignedIn",
      voted: person ? hasParticipated(vote.box.id, person.key) : false,
      canEdit: state === "scheduled" && can(actor, "vote.create", scope),
      canDesk: state === "open" && can(actor, "vote.desk", scope),
      canCount: state === "counting" && can(actor, "vote.count", scope),
      canDecide: state === "closed" && !vote.decisionSeq && can(actor, "vote.decide", scope),
    },
    turnout: state === "scheduled" ? null : liveTurnout(vote, now),
    results: state === "closed" ? voteResults(vote) : null,
    decision: decision ? { seq: decision.seq, outcome: decision.outcome, title: decision.subjectTitle, recordedAt: decision.recordedAt, authorName: decision.authorName, explanationHtml: renderMarkdown(decision.explanation, { headingBase: 3 }) } : null,
    minExplanation: rulesInForce().params.minExplanationLength,
    loginHref: `/login?redirectTo=${encodeURIComponent(`/votes/${id}`)}`,
    deskInfo: getTown().deskInfo,
    votesWord: t("votes.title"),
  };
}

function requireVoteOr404(id: number) {
  try {
    return requireVote(id);
  } catch {
    throw new Response("Not Found", { status: 404 });
  }
}

type ActionResult = IntentReply & { review?: string[]; receipt?: string; chosen?: string[] };

export async function action({ request, params }: ActionFunctionArgs) {
  const id = idParam(params.id);
  const vote = requireVoteOr404(id);
  const actor = await getActor(request);
  if (!actor) throw redirect(`/login?redirectTo=${encodeURIComponent(`/votes/${id}`)}`);
  const formData = await request.formData();
  const { intent } = readIntent(formData);
  const spec = vote.box.spec as ChoiceSpec;
  const reply = (extra: Partial<ActionResult>, status = 200) => data({ intent, target: "", reply: { status: "success" }, ...extra } as ActionResult, { status });
  const fail = (e: unknown, field: "" | "choices" = "") => {
    const u = userError(e);
    return reply({ reply: { status: "error", error: { [u.field === "choices" ? "choices" : field]: [u.message] }, initialValue: { choices: typedValues(formData, "choices") } } }, u.status);
  };
  switch (intent) {
    case "review":
    case "cast": {
      const submission = parseWithZod(formData, { schema: ballotSchemaFor(spec) });
      if (submission.status !== "success") return data({ intent: "review", target: "", reply: cleanReply(submission.reply()) } as ActionResult, { status: 400 });
      const casts = [{ boxId: vote.boxId, choices: submission.value.choices }];
      try {
        if (intent === "review") {
          checkOnline(actor, casts);
          return reply({ review: submission.value.choices });
        }
        const { receipt } = castOnline(actor, casts);
        return reply({ receipt });
      } catch (e) {
        return fail(e);
      }
    }
    case "change":
      return reply({ chosen: typedValues(formData, "choices") });
    case "decide":
      return handleIntent(formData, VoteDecisionSchema, (v) => (decideVote(actor, id, v), redirect(`/votes/${id}#decision`)));
    case "follow":
    case "unfollow":
      followVote(actor, id, intent === "follow");
      return redirect(`/votes/${id}#follow`);
  }
  throw new Response("errors.badRequest", { status: 400 });
}

function Turnout({ turnout, open }: { turnout: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["turnout"]>; open: boolean }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const share = turnout.electorate ? turnout.total / turnout.electorate : 0;
  return (
    <section className="card turnout-card" aria-labelledby="turnout-title">
      <h2 id="turnout-title" className="h3">
        <Icon name="users" /> {t("votes.turnout")}
      </h2>
      <p className="big-number">{formatNumber(turnout.total, locale)}</p>
      <p className="small">{t("votes.turnoutOf", { n: formatNumber(turnout.total, locale), electorate: formatNumber(turnout.electorate, locale) })}{turnout.electorate ? ` (${formatPercent(share, locale, 1)})` : ""}</p>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${Math.min(100, Math.round(share * 100))}%` }} />
      </span>
      <ul className="plain small">
        {(["online", "desk", "paper"] as const).map((ch) => (
          <li key={ch}>
            {t(`votes.channels.${ch}`)} : {formatNumber(turnout[ch], locale)}
          </li>
        ))}
      </ul>
      {open ? <p className="small muted">{t("votes.turnoutAsOf", { time: formatTime(turnout.asOf, locale) })}</p> : null}
      {open ? <p className="small muted">{t("votes.embargo")}</p> : null}
    </section>
  );
}

function DecisionForm({ form, spec, result, minExplanation }: { form: "yes_no" | "options"; spec: ChoiceSpec; result: ActionResult | undefined; minExplanation: number }) {
  const { t } = useTranslation();
  const label = useOptionLabel();
  const [f, fields] = useIntentForm("decide:", VoteDecisionSchema, result);
  return (
    <section className="card staff-card" aria-labelledby="decide-title">
      <h2 id="decide-title" className="h3">
        <Icon name="scale" /> {t("votes.decideTitle")}
      </h2>
      <p className="small">{t("votes.decideIntro")}</p>
      <Form method="post" className="stack-form" {...getFormProps(f)}>
        <input type="hidden" name="intent" value="decide" />
        <input type="hidden" name="target" value="" />
        <OnceField />
        <FormErrors errors={f.errors as string[] | undefined} />
        <SelectField label={t("votes.decisionOutcome")} errors={fields.outcome.errors} {...getSelectProps(fields.outcome, { ariaAttributes: false })} id={fields.outcome.id}>
          <option value="">{t("form.choose")}</option>
          {form === "yes_no" ? (
            <>
              <option value="adopted">{t("decisions.outcomes.adopted")}</option>
              <option value="rejected">{t("decisions.outcomes.rejected")}</option>
            </>
          ) : (
            spec.options.map((o) => (
              <option key={o.id} value={o.id}>
                {label(o, form)}
              </option>
            ))
          )}
        </SelectField>
        <TextareaField label={t("votes.decisionExplanation")} hint={t("decisionForm.explanationHint", { min: minExplanation })} rows={6} errors={fields.explanation.errors} {...getTextareaProps(fields.explanation, { ariaAttributes: false })} id={fields.explanation.id} />
        <button type="submit" className="btn btn-primary">
          {t("votes.decideSubmit")}
        </button>
      </Form>
    </section>
  );
}

export default function VoteRoute() {
  const { t } = useTranslation();
  const locale = useLocale();
  const d = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as ActionResult | undefined;
  const { vote, state, viewer } = d;
  const receipt = result?.receipt;
  const review = result?.review;
  const chosen = result?.chosen ?? (result?.reply?.initialValue?.choices as string[] | undefined) ?? [];
  const open = state === "open";
  return (
    <div className="wrap page vote-page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/votes">{t("votes.title")}</Link></li>
          {vote.councilSlug ? <li><Link to={`/councils/${vote.councilSlug}`}>{vote.councilName}</Link></li> : null}
          <li aria-current="page">{t("votes.number", { id: vote.id })}</li>
        </ol>
      </nav>
      <p className="eyebrow">
        {vote.councilName ? t("votes.electorateCouncil", { council: vote.councilName }) : t("votes.electorateTown")} · {vote.binding ? t("votes.binding") : t("votes.advisory")}
      </p>
      <h1>{vote.question}</h1>
      <p className="badges">
        <VoteStateBadge state={state} />
      </p>
      <p className="deadline">
        <Icon name="clock" />
        <span>
          {state === "scheduled"
            ? t("votes.opensOn", { date: formatDateTime(vote.opensAt, locale), end: formatDateTime(vote.closesAt, locale) })
            : state === "open"
              ? t("votes.closesOn", { date: formatDateTime(vote.closesAt, locale) })
              : t("votes.closedOn", { date: formatDateTime(vote.closesAt, locale) })}
        </span>
      </p>
      <div className="two-col">
        <div>
          {receipt ? <ReceiptCard code={receipt} title={vote.question} /> : null}
          {open && !receipt ? (
            viewer.ineligible ? (
              <Ineligible why={viewer.ineligible} loginHref={d.loginHref} deskInfo={d.deskInfo} />
            ) : viewer.voted ? (
              <div className="notice notice-success" role="status">
                <Icon name="check" />
                <p>
                  {t("votes.alreadyVoted")} <Link to="/receipts">{t("votes.checkReceipt")}</Link>
                </p>
              </div>
            ) : review ? (
              <ReviewCard spec={vote.spec} form={vote.form} choices={review} result={result} />
            ) : (
              <BallotForm spec={vote.spec} form={vote.form} result={result} chosen={chosen} />
            )
          ) : null}
          {state === "counting" ? (
            <div className="notice notice-info" role="status">
              <Icon name="clock" />
              <p>{t("votes.countingNotice")}</p>
            </div>
          ) : null}
          {d.results ? <VoteResults r={d.results} form={vote.form} voteId={vote.id} closingSeq={vote.closingSeq} /> : null}
          {d.decision ? (
            <section className="card answer" id="decision" aria-labelledby="decision-title">
              <h2 id="decision-title">
                <Icon name="scale" /> {t("votes.decision")}
              </h2>
              <p className="decision-meta">
                <Link to={`/decisions/${d.decision.seq}`}>{t("decisions.number", { seq: d.decision.seq })}</Link> · {formatDateTime(d.decision.recordedAt, locale)} · {d.decision.authorName}
              </p>
              <p>
                <strong>{d.decision.title}</strong> — {t(`decisions.outcomes.${d.decision.outcome}`)}
              </p>
              <Markdown html={d.decision.explanationHtml} />
            </section>
          ) : state === "closed" ? (
            <p className="notice notice-info">
              <Icon name="info" /> {t("votes.decisionPending")}
            </p>
          ) : null}
          {viewer.canDecide ? <DecisionForm form={vote.form} spec={vote.spec} result={result} minExplanation={d.minExplanation} /> : null}
          <section aria-labelledby="why-title" className="section">
            <h2 id="why-title">{t("votes.why")}</h2>
            <Markdown html={vote.descriptionHtml} />
          </section>
        </div>
        <aside className="side">
          {d.turnout ? <Turnout turnout={d.turnout} open={open} /> : null}
          <FollowCard following={viewer.following} signedIn={viewer.signedIn} loginHref={d.loginHref} follow={t("follow.vote")} unfollow={t("follow.stopVote")} hint={t("follow.voteHint")} />
          {viewer.canEdit || viewer.canDesk || viewer.canCount ? (
            <section className="card staff-card" aria-labelledby="staff-title">
              <h2 id="staff-title" className="h3">
                <Icon name="shield" /> {t("votes.staff")}
              </h2>
              <ul className="link-list">
                {viewer.canEdit ? <li><Link to={`/votes/${vote.id}/edit`}>{t("votes.edit")}</Link></li> : null}
                {viewer.canDesk ? <li><Link to={`/votes/${vote.id}/desk`}>{t("votes.desk")}</Link></li> : null}
                {viewer.canCount ? <li><Link to={`/votes/${vote.id}/count`}>{t("votes.count")}</Link></li> : null}
              </ul>
            </section>
          ) : null}
          <section className="card" aria-labelledby="how-title">
            <h2 id="how-title" className="h3">
              <Icon name="info" /> {t("votes.howTitle")}
            </h2>
            <p className="small">{t("votes.howSecret")}</p>
            <p className="small">{t("votes.howOnce")}</p>
            <p className="small">
              <Link to="/receipts">{t("votes.checkReceipt")}</Link>
            </p>
          </section>
        </aside>
      </div>
    </div>
  );
}

function Ineligible({ why, loginHref, deskInfo }: { why: string; loginHref: string; deskInfo: string }) {
  const { t } = useTranslation();
  return (
    <section className="card ineligible" aria-labelledby="ineligible-title">
      <h2 id="ineligible-title" className="h3">
        <Icon name="info" /> {t("votes.cannotVote")}
      </h2>
      <p>{t(`votes.why_${why.replace("errors.", "")}`)}</p>
      {why === "errors.notSignedIn" ? (
        <p>
          <Link to={loginHref} className="btn btn-primary">
            <Icon name="login" /> {t("nav.login")}
          </Link>
        </p>
      ) : why === "errors.notVerified" ? (
        <p className="review-actions">
          <Link to="/account/residency" className="btn btn-primary">
            {t("votes.claimResidency")}
          </Link>
        </p>
      ) : null}
      <p className="small muted">{t("votes.deskAlternative")}</p>
      {deskInfo ? <p className="small desk-info"><Icon name="map" size={16} /> {deskInfo}</p> : null}
    </section>
  );
}
