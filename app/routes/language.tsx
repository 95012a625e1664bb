/** The language switch: stores the choice in the `lng` cookie and goes back. */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale } from "~/lib/format";
import { languageCookie } from "~/i18next.server";
import { safeRedirect } from "~/utils/http.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get("lng");
  const to = safeRedirect(form.get("redirectTo"), "/");
  if (!isLocale(lng)) return redirect(to);
  return redirect(to, { headers: { "Set-Cookie": await languageCookie.serialize(lng) } });
}
