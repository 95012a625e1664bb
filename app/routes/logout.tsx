/** Log out (POST only; a GET just goes home). */
import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { endSession } from "~/domain/accounts/session.server";

export async function loader() {
  return redirect("/");
}

export async function action({ request }: ActionFunctionArgs) {
  return redirect("/", { headers: { "Set-Cookie": await endSession(request) } });
}
