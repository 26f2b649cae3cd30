import { describe, expect, it } from "vitest";
import { ACCESS_TOKEN, normaliseShopDomain, PRODUCT_GID } from "./shop-domain";

describe("a store's address", () => {
  it("forgives a pasted URL, spaces and capitals", () => {
    expect(normaliseShopDomain(" https://My-Store.myshopify.com/admin/products ")).toBe("my-store.myshopify.com");
    expect(normaliseShopDomain("my-store.myshopify.com")).toBe("my-store.myshopify.com");
  });

  it("refuses anything that is not a *.myshopify.com host (the server only ever calls the store itself)", () => {
    for (const bad of [
      "my-store.com",
      "myshopify.com",
      ".myshopify.com",
      "a.myshopify.com.evil.com",
      "evil.com#.myshopify.com",
      "a.b.myshopify.com",
      "127.0.0.1",
      "a.myshopify.com:8080",
      "user@a.myshopify.com",
      "",
    ])
      expect(normaliseShopDomain(bad), bad).toBeNull();
  });

  it("knows an Admin API token and a product id by their form", () => {
    expect(ACCESS_TOKEN.test(`shpat_${"0a".repeat(16)}`)).toBe(true);
    expect(ACCESS_TOKEN.test("hunter2")).toBe(false);
    expect(ACCESS_TOKEN.test(`shpat_${"0".repeat(32)}\n`)).toBe(false);
    expect(PRODUCT_GID.test("gid://shopify/Product/123")).toBe(true);
    expect(PRODUCT_GID.test("gid://shopify/Collection/123")).toBe(false);
    expect(PRODUCT_GID.test("123")).toBe(false);
  });
});
