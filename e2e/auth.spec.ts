import { expect, test } from "@playwright/test";
import { createAccount, newAccount, signedInAccount } from "./fixtures/accounts";
import { ownServer, type OwnServer } from "./fixtures/server";
import { closeSqlPools, sql } from "./fixtures/session";

test.describe("accounts", () => {
  test("sign up, see the workspace, sign out, sign in again", async ({ page }) => {
    const account = newAccount("journey");
    await page.goto("/");
    await page.getByRole("link", { name: "Start free" }).first().click();
    await expect(page).toHaveURL(/\/sign-up/);
    await page.getByLabel("Your name").fill(account.name);
    await page.getByLabel("Work email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByLabel("Brand or workspace name").fill(account.workspaceName);
    await page.getByRole("button", { name: "Create my workspace" }).click();
    // New workspaces start with the brand kit onboarding (skippable).
    await expect(page).toHaveURL(/\/onboarding/);
    await expect(page.getByTestId("workspace-name")).toHaveText(account.workspaceName);
    await expect(page.getByRole("heading", { name: "Tell us about your brand" })).toBeVisible();

    await page.getByRole("button", { name: "Sign out" }).last().click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/products");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fproducts/);

    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill(account.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/products/);
    await expect(page.getByTestId("workspace-name")).toHaveText(account.workspaceName);
    await expect(page.getByRole("heading", { name: "Products", exact: true })).toBeVisible();
  });

  test("a wrong password shows an error and does not sign in", async ({ page }) => {
    const account = await createAccount(page.request);
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Email or password is incorrect.")).toBeVisible();
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("sign-up with a known email says nothing about the account, signs nobody in, and mails its owner", async ({
    page,
  }) => {
    const existing = await createAccount(page.request);
    // The API answers a known email exactly like a new one.
    const again = await page.request.post("/api/signup", { data: { ...existing, password: "another-password" } });
    expect(again.status()).toBe(201);
    expect(Object.keys(await again.json()).sort()).toEqual(["userId", "workspaceId"]);

    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone else");
    await page.getByLabel("Work email").fill(existing.email);
    await page.getByLabel("Password").fill("another-password");
    await page.getByLabel("Brand or workspace name").fill("Other brand");
    await page.getByRole("button", { name: "Create my workspace" }).click();
    await expect(page.getByText(/Check your email to continue/)).toBeVisible();
    await expect(page.getByText(/already exists/)).toHaveCount(0);
    await expect(page).toHaveURL(/\/sign-up/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/dev/outbox");
    await expect(
      page
        .getByTestId("outbox-mail")
        .filter({ hasText: existing.email })
        .filter({ hasText: "Someone tried to sign up with your email" })
        .first(),
    ).toBeVisible();
  });

  test("empty and invalid sign-up fields get messages beside them and a 4xx from the server", async ({ page }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Work email").fill("not-an-email");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create my workspace" }).click();
    await expect(page.getByText("Enter your name.")).toBeVisible();
    await expect(page.getByText("Enter a valid email address, like name@brand.com.")).toBeVisible();
    await expect(page.getByText("Use at least 8 characters.")).toBeVisible();
    await expect(page.getByText("Enter your brand or workspace name.")).toBeVisible();

    const res = await page.request.post("/api/signup", {
      data: { name: "x".repeat(5000), email: "a@b.co", password: "12345678", workspaceName: "W" },
    });
    expect(res.status()).toBe(422);
    expect((await res.json()).error.fields.name).toBe("Use at most 100 characters.");
  });

  test("password reset end to end through the dev outbox", async ({ page }) => {
    const account = await createAccount(page.request);
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await page.getByLabel("Email").fill(account.email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await expect(page.getByText(/a reset link is on its way/)).toBeVisible();

    await page.goto("/dev/outbox");
    const mail = page.getByTestId("outbox-mail").filter({ hasText: account.email }).first();
    await expect(mail).toBeVisible();
    await mail.getByRole("link").click();
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await page.getByLabel("New password", { exact: true }).fill("a-fresh-password");
    await page.getByLabel("Repeat the new password").fill("a-fresh-password");
    await page.getByRole("button", { name: "Save new password" }).click();
    await expect(page).toHaveURL(/\/sign-in\?notice=password-reset/);
    await expect(page.getByText("Your password was changed.")).toBeVisible();

    await page.getByLabel("Email").fill(account.email);
    await page.getByLabel("Password").fill("a-fresh-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/products/);
  });
});

test("a password reset ends the sessions signed in before it", async ({ page, browser }) => {
  // A session on another device (or a thief's copy of the cookie) before the reset.
  const account = await signedInAccount(page);
  await page.goto("/products");
  await expect(page.getByRole("heading", { name: "Products", exact: true })).toBeVisible();

  const other = await browser.newContext();
  const resetter = await other.newPage();
  await resetter.goto("/forgot-password");
  await resetter.getByLabel("Email").fill(account.email);
  await resetter.getByRole("button", { name: "Send reset link" }).click();
  await expect(resetter.getByText(/a reset link is on its way/)).toBeVisible();
  await resetter.goto("/dev/outbox");
  await resetter.getByTestId("outbox-mail").filter({ hasText: account.email }).first().getByRole("link").click();
  await resetter.getByLabel("New password", { exact: true }).fill("after-the-reset");
  await resetter.getByLabel("Repeat the new password").fill("after-the-reset");
  await resetter.getByRole("button", { name: "Save new password" }).click();
  await expect(resetter).toHaveURL(/\/sign-in\?notice=password-reset/);
  await other.close();

  await page.goto("/products");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a user creates a second workspace and switches between them", async ({ page }) => {
  const account = await signedInAccount(page);
  await page.goto("/settings");
  await page.getByLabel("New workspace name").fill("Second Brand");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/products/);
  const switcher = page.getByTestId("workspace-switcher");
  await expect(switcher).toHaveValue(/ws_/);
  await expect(switcher.locator("option:checked")).toHaveText("Second Brand");
  await switcher.selectOption({ label: account.workspaceName });
  await expect(switcher.locator("option:checked")).toHaveText(account.workspaceName);
  await page.reload();
  await expect(page.getByTestId("workspace-switcher").locator("option:checked")).toHaveText(account.workspaceName);
});

/**
 * The review's takeover, replayed against `npm start` with its defaults (production, no SMTP_URL, no DEV_OUTBOX):
 * it used to ask a reset for any email, read the link on /dev/outbox, set a password and sign in.
 */
test.describe("a default install reached over the network", () => {
  test.setTimeout(300_000);
  // A server of this spec's own, a few ports above the shared e2e server's.
  const port = Number(process.env.E2E_PORT ?? 3100) + 5;
  const pgPort = Number(process.env.E2E_PG_PORT ?? 54330) + 5;
  let server: OwnServer | undefined;

  test.beforeAll(async () => {
    test.setTimeout(300_000);
    server = ownServer(port, pgPort, { DEV_OUTBOX: "auto", SMTP_URL: "" });
    await server.start();
  });
  test.afterAll(async () => {
    await server?.stop();
    server?.remove();
    await closeSqlPools();
  });

  test("has no outbox, offers no reset it cannot mail, and keeps no reset link anywhere", async ({ page }) => {
    const base = server!.baseUrl;
    const victim = newAccount("victim");
    const created = await fetch(`${base}/api/signup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(victim),
    });
    expect(created.status).toBe(201);
    const outbox = await fetch(`${base}/dev/outbox`);
    expect(outbox.status).toBe(404);
    expect(await outbox.text()).not.toContain(victim.email);

    await page.goto(`${base}/forgot-password`);
    await expect(
      page.getByText("Password reset by e-mail is not set up on this server. Ask your administrator (SMTP_URL)."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: "Send reset link" })).toHaveCount(0);

    const counts = await sql<{ mails: number; tokens: number }>(
      "select (select count(*)::int from mail_outbox) as mails, (select count(*)::int from password_reset_tokens) as tokens",
      [],
      server!.databaseUrl,
    );
    expect(counts).toEqual([{ mails: 0, tokens: 0 }]);
    expect(server!.log()).not.toMatch(/reset-password\?token=/);
  });
});
