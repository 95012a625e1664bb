/**
 * The "follow" card of a vote's or a budget's page: a plain form posting `intent=follow` or
 * `intent=unfollow` to the page's own action (works without JavaScript), or, signed out, a
 * link to sign in and come back. Same markup for every anonymous visitor (cacheable).
 */
import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Icon } from "~/components/ui/icon";

export function FollowCard({ following, signedIn, loginHref, follow, unfollow, hint }: { following: boolean; signedIn: boolean; loginHref: string; follow: string; unfollow: string; hint: string }) {
  const { t } = useTranslation();
  return (
    <section id="follow" className="card" aria-label={following ? unfollow : follow}>
      {signedIn ? (
        <Form method="post">
          <input type="hidden" name="intent" value={following ? "unfollow" : "follow"} />
          <button type="submit" className={following ? "btn wide" : "btn btn-primary wide"}>
            <Icon name="feed" /> {following ? unfollow : follow}
          </button>
        </Form>
      ) : (
        <p>
          <Link to={loginHref}>{t("follow.signIn")}</Link>
        </p>
      )}
      <p className="small muted">{hint}</p>
    </section>
  );
}
