/**
 * Multipart forms (a photo, a Pabulib file): parsed in memory, each file part at most
 * `maxBytes` (the request guard already refused bodies over 12 MiB). A part over the limit
 * becomes the field error `errors.fileTooLarge` rather than a 500.
 */
import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { DomainError } from "~/domain/errors";

export async function readMultipart(request: Request, maxBytes: number, field: string): Promise<FormData> {
  if (!(request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) return request.formData();
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: maxBytes }));
  } catch (e) {
    if (e instanceof MaxPartSizeExceededError) throw new DomainError("errors.fileTooLarge", 413, field, { max: Math.round(maxBytes / 1024 / 1024) });
    throw e;
  }
}

/** The bytes of a file field, or null when no file was chosen. */
export async function fileBytes(formData: FormData, name: string): Promise<Uint8Array | null> {
  const v = formData.get(name);
  if (!v || typeof v === "string") return null;
  const bytes = new Uint8Array(await (v as Blob).arrayBuffer());
  return bytes.length ? bytes : null;
}
