/**
 * Letters to print: notifications for residents who chose post. One page per letter when
 * printed (print stylesheet), with the resident's address and the text in their language;
 * the facilitator then marks the printed letters as sent.
 */
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";
import { canSomewhere } from "~/domain/accounts/policy";
import { listLetters, markLettersSent } from "~/domain/notifications/letters.server";
import { getFixedT, tFor } from "~/i18next.server";
import { formatDateLong, LOCALES } from "~/lib/format";
import { parseId } from "~/lib/fields";
import { requireActor } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request);
  if (!canSomewhere(actor, "letters.print")) throw new Response("Forbidden", { status: 403 });
  const t = await getFixedT(request);
  // each letter is worded in its reader's language, including the fixed phrases
  const words = Object.fromEntries(await Promise.all(LOCALES.map(async (l) => {
    const tl = await tFor(l);
    return [l, { closing: tl("letters.closing"), online: tl("letters.online") }] as const;
  })));
  return { title: t("letters.title"), letters: listLetters(actor), words };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request);
  const form = await request.formData();
  const ids = form.getAll("id").map((v) => parseId(v)).filter((v): v is number => v !== null);
  const n = markLettersSent(actor, ids);
  return redirect(`/letters?marked=${n}`);
}

export default function LettersRoute() {
  const { t } = useTranslation();
  const { letters, words } = useLoaderData<typeof loader>();
  const [params] = useSearchParams();
  const marked = params.get("marked");
  return (
    <div className="wrap page letters-page">
      <div className="no-print">
        <h1>{t("letters.title")}</h1>
        <p className="lead">{t("letters.lead")}</p>
        {marked ? (
          <div className="notice notice-success" role="status">
            <Icon name="check" /> <p>{t("letters.marked", { count: Number(marked) || 0 })}</p>
          </div>
        ) : null}
        {letters.length ? <p>{t("letters.howTo", { count: letters.length })}</p> : <p className="empty">{t("letters.none")}</p>}
      </div>
      {letters.length ? (
        <Form method="post">
          {letters.map((l) => (
            <article key={l.id} className="letter" lang={l.locale} aria-labelledby={`letter-${l.id}`}>
              <label className="no-print letter-select">
                <input type="checkbox" name="id" value={l.id} defaultChecked /> {t("letters.select", { name: l.name })}
              </label>
              <p className="letter-from">{l.townName}</p>
              <address className="letter-to">
                {l.address.split("\n").map((line, i) => (
                  <span key={i}>
                    {line}
                    <br />
                  </span>
                ))}
              </address>
              <p className="letter-date">{formatDateLong(l.createdAt, l.locale)}</p>
              <h2 id={`letter-${l.id}`} className="h3">
                {l.subject}
              </h2>
              <p>{l.greeting}</p>
              {l.items.map((i) => (
                <div key={i.url + i.at}>
                  {l.items.length > 1 ? (
                    <p>
                      <strong>{i.subject}</strong>
                    </p>
                  ) : null}
                  <p>{i.text}</p>
                  <p className="small">
                    {words[l.locale]?.online} {i.url}
                  </p>
                </div>
              ))}
              <p>{words[l.locale]?.closing}</p>
            </article>
          ))}
          <p className="no-print">
            <button type="submit" className="btn btn-primary">
              <Icon name="check" /> {t("letters.markSent")}
            </button>
          </p>
        </Form>
      ) : null}
      <p className="no-print small muted">{t("letters.printHint")}</p>
    </div>
  );
}
