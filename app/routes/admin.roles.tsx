/** Admin: grant and revoke roles; every change is logged with who and when. */
import { getFormProps, getInputProps, getSelectProps } from "@conform-to/react";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { IntentErrors, useSchemaForm, type IntentResult } from "~/components/forms";
import { Field, FormErrors, SelectField } from "~/components/ui/field";
import { Icon } from "~/components/ui/icon";
import { ASSIGNABLE_ROLES } from "#db/enums";
import { GrantRoleSchema } from "~/domain/accounts/schemas";
import { grantRole, listAssignments, listRoleChanges, revokeRole } from "~/domain/accounts/roles.server";
import { listCouncils } from "~/domain/councils/councils.server";
import { getFixedT } from "~/i18next.server";
import { formatDateTime } from "~/lib/format";
import { useShell } from "~/root";
import { z } from "zod";
import { idField } from "~/lib/fields";
import { handleIntent, readIntent } from "~/utils/forms.server";
import { requirePermission } from "~/utils/http.server";
import { titleMeta } from "~/utils/meta";
import { TableWrap } from "~/components/ui/table-wrap";

export const meta = titleMeta;

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, "role.manage");
  const t = await getFixedT(request);
  return {
    title: t("admin.roles.title"),
    assignments: listAssignments(),
    changes: listRoleChanges(),
    councils: listCouncils().map((c) => ({ id: c.id, name: c.name })),
  };
}

const RevokeSchema = z.object({ assignmentId: idField("errors.badRequest") });

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requirePermission(request, "role.manage");
  const formData = await request.formData();
  if (readIntent(formData).intent === "revoke") {
    return handleIntent(formData, RevokeSchema, (v) => (revokeRole(actor, v.assignmentId), redirect("/admin/roles?done=revoked")));
  }
  return handleIntent(formData, GrantRoleSchema, (v) => (grantRole(actor, v), redirect("/admin/roles?done=granted")));
}

export default function AdminRolesRoute() {
  const { t } = useTranslation();
  const locale = useShell()?.locale ?? "fr";
  const { assignments, changes, councils } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>() as IntentResult;
  const lastResult = result?.intent === "grant" ? result.reply : undefined;
  const [form, fields] = useSchemaForm(GrantRoleSchema, { id: "grant-role", lastResult });
  return (
    <div className="wrap page">
      <nav aria-label={t("nav.breadcrumb")} className="breadcrumb">
        <ol>
          <li><Link to="/admin">{t("admin.title")}</Link></li>
          <li aria-current="page">{t("admin.roles.title")}</li>
        </ol>
      </nav>
      <h1>{t("admin.roles.title")}</h1>
      <p className="lead">{t("admin.roles.intro")}</p>
      <div className="two-col">
        <section aria-labelledby="current-title">
          <h2 id="current-title">{t("admin.roles.current")}</h2>
          <IntentErrors result={result} intents={["revoke"]} />
          <TableWrap labelledBy="current-title">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("fields.displayName")}</th>
                  <th scope="col">{t("admin.roles.role")}</th>
                  <th scope="col">{t("admin.roles.scope")}</th>
                  <th scope="col"><span className="visually-hidden">{t("admin.roles.actions")}</span></th>
                </tr>
              </thead>
              <tbody>
                {assignments.map((a) => (
                  <tr key={a.id}>
                    <td>
                      {a.displayName}
                      <br />
                      <span className="muted small">{a.email}</span>
                    </td>
                    <td>{t(`roles.${a.role}`)}</td>
                    <td>{a.councilName ?? t("scope.town")}</td>
                    <td>
                      <Form method="post">
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="assignmentId" value={a.id} />
                        <button type="submit" className="btn btn-small btn-danger">
                          <Icon name="trash" size={16} />
                          {t("admin.roles.revoke")}
                          <span className="visually-hidden">
                            {" "}
                            {t("admin.roles.revokeWhat", { role: t(`roles.${a.role}`), name: a.displayName })}
                          </span>
                        </button>
                      </Form>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
        <section aria-labelledby="grant-title">
          <h2 id="grant-title">{t("admin.roles.grant")}</h2>
          <Form method="post" className="card form-card" {...getFormProps(form)}>
            <FormErrors errors={form.errors} />
            <input type="hidden" name="intent" value="grant" />
            <Field
              label={t("admin.roles.userEmail")}
              errors={fields.email.errors}
              {...getInputProps(fields.email, { type: "email", ariaAttributes: false })}
              id={fields.email.id}
            />
            <SelectField
              label={t("admin.roles.role")}
              errors={fields.role.errors}
              {...getSelectProps(fields.role, { ariaAttributes: false })}
              id={fields.role.id}
            >
              <option value="">{t("form.choose")}</option>
              {ASSIGNABLE_ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`roles.${r}`)}
                </option>
              ))}
            </SelectField>
            <SelectField
              label={t("admin.roles.scope")}
              hint={t("admin.roles.scopeHint")}
              errors={fields.councilId.errors}
              {...getSelectProps(fields.councilId, { ariaAttributes: false })}
              id={fields.councilId.id}
            >
              <option value="town">{t("scope.town")}</option>
              {councils.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </SelectField>
            <button type="submit" className="btn btn-primary">
              <Icon name="plus" /> {t("admin.roles.grantSubmit")}
            </button>
          </Form>
        </section>
      </div>
      <section aria-labelledby="log-title" className="section">
        <h2 id="log-title">{t("admin.roles.log")}</h2>
        <TableWrap labelledBy="log-title">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.roles.when")}</th>
                <th scope="col">{t("admin.roles.change")}</th>
                <th scope="col">{t("admin.roles.who")}</th>
                <th scope="col">{t("admin.roles.by")}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id}>
                  <td>{formatDateTime(c.at, locale)}</td>
                  <td>
                    {t(`admin.roles.changes.${c.change}`, { role: t(`roles.${c.role}`), scope: c.councilName ?? t("scope.town") })}
                  </td>
                  <td>{c.userName ?? t("admin.roles.deletedUser")}</td>
                  <td>{c.actorName ?? t("admin.roles.system")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      </section>
    </div>
  );
}
