import { expect, test } from "@playwright/test";
import { createAccount, newAccount, signedInAccount } from "./fixtures/accounts";

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

  test("a duplicate email at sign-up is explained next to the email field", async ({ page }) => {
    const existing = await createAccount(page.request);
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone else");
    await page.getByLabel("Work email").fill(existing.email);
    await page.getByLabel("Password").fill("another-password");
    await page.getByLabel("Brand or workspace name").fill("Other brand");
    await page.getByRole("button", { name: "Create my workspace" }).click();
    await expect(page.getByText("An account with this email already exists. Sign in instead, or reset your password.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up/);
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

    const res = await page.request.post("/api/signup", { data: { name: "x".repeat(5000), email: "a@b.co", password: "12345678", workspaceName: "W" } });
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
