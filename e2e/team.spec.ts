import type { ChildProcess } from "node:child_process";
import { unzipSync } from "fflate";
import { expect, test } from "@playwright/test";
import { newAccount, signedInAccount } from "./fixtures/accounts";
import { closeSqlPools, sql } from "./fixtures/session";
import { startWorker, stopWorker } from "./fixtures/worker";

/**
 * Team and data end to end, through the UI: an owner invites a new person from Settings, the invitation is mailed
 * (the dev outbox), the person opens the link signed out, creates their account and lands in the workspace; the
 * link then is used up; the owner changes their role and removes them, and their open session loses the
 * workspace at once. Then "Export everything" with progress and the ZIP downloaded.
 */
let worker: ChildProcess | undefined;
test.afterAll(async () => {
  await stopWorker(worker);
  await closeSqlPools();
});

async function invitationLink(email: string): Promise<string> {
  const [mail] = await sql<{ body: string }>(
    `select body from mail_outbox where "to" = $1 order by created_at desc limit 1`,
    [email],
  );
  const m = /(\/invite\/[A-Za-z0-9_-]{43})/.exec(mail?.body ?? "");
  expect(m, "invitation mail").toBeTruthy();
  return m![1];
}

test("invite a new member, who accepts by creating an account; role change, removal locks them out", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(180_000);
  const owner = await signedInAccount(page);
  await page.goto("/settings");
  const invitee = newAccount("invitee");
  const inviteForm = page.getByRole("form", { name: "Invite a member" });
  await inviteForm.getByLabel("Email").fill(invitee.email);
  await inviteForm.getByLabel("Role").selectOption("viewer");
  await inviteForm.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${invitee.email}`)).toBeVisible();
  await expect(page.getByTestId("invitations")).toContainText(invitee.email);
  await page.screenshot({ path: testInfo.outputPath("settings-members.png"), fullPage: true });

  // The invitee, signed out, in their own browser.
  const link = await invitationLink(invitee.email);
  const theirs = await browser.newContext();
  const them = await theirs.newPage();
  await them.goto(link);
  await expect(them.getByRole("heading", { name: `Join ${owner.workspaceName}` })).toBeVisible();
  await expect(them.getByText(/invited as a viewer/)).toBeVisible();
  await them.screenshot({ path: testInfo.outputPath("invite-accept.png"), fullPage: true });
  await them.getByLabel("Your name").fill(invitee.name);
  await them.getByLabel("Password").fill(invitee.password);
  await them.getByRole("button", { name: "Create account and join" }).click();
  await expect(them).toHaveURL(/\/products/, { timeout: 30_000 });
  await them.goto("/settings");
  await expect(them.getByTestId("members")).toContainText(owner.email);
  await expect(them.getByTestId("members")).toContainText(invitee.email);
  // A viewer sees no invite form or member controls.
  await expect(them.getByRole("form", { name: "Invite a member" })).toHaveCount(0);

  // The link works once.
  const again = await browser.newContext();
  const stranger = await again.newPage();
  await stranger.goto(link);
  await expect(stranger.getByText("This invitation was already accepted")).toBeVisible();
  await again.close();

  // The owner makes them an editor, then removes them.
  await page.reload();
  await expect(page.getByTestId("invitations")).toHaveCount(0);
  await page.getByLabel(`Role of ${invitee.name}`).selectOption("editor");
  await expect
    .poll(
      async () =>
        (
          await sql<{ role: string }>(
            `select m.role from memberships m join users u on u.id = m.user_id where u.email = $1`,
            [invitee.email],
          )
        )[0]?.role,
    )
    .toBe("editor");
  await page.getByRole("button", { name: `Remove ${invitee.name}` }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Remove" }).click();
  await expect(page.getByTestId("members")).not.toContainText(invitee.email);
  // Their open session has lost the workspace at once: no page, no API.
  const res = await them.request.get("/api/products");
  expect(res.status()).toBe(404);
  await them.goto("/products");
  await expect(them).toHaveURL(/\/sign-in/);
  await theirs.close();
});

test("export everything: progress, then a ZIP with the README, tables and files", async ({ page }, testInfo) => {
  test.setTimeout(240_000);
  worker = startWorker("team-export-worker");
  await signedInAccount(page);
  await page.goto("/settings");
  await page.getByRole("link", { name: "Export or delete" }).click();
  await expect(page).toHaveURL(/\/settings\/data$/);
  await page.getByRole("button", { name: "Export everything" }).click();
  await expect(page.getByTestId("exports")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("settings-data-progress.png"), fullPage: true });
  const download = page.getByRole("link", { name: "Download ZIP" });
  await expect(download).toBeVisible({ timeout: 180_000 });
  await page.screenshot({ path: testInfo.outputPath("settings-data.png"), fullPage: true });
  const res = await page.request.get((await download.getAttribute("href"))!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("application/zip");
  const zip = unzipSync(new Uint8Array(await res.body()));
  expect(Object.keys(zip)).toEqual(
    expect.arrayContaining(["README.md", "manifest.json", "tables/workspaces.json", "tables/memberships.json"]),
  );
  // The delete form stays off until the name is typed; the only workspace cannot be deleted here.
  await expect(page.getByText("This is your only workspace")).toBeVisible();
});
